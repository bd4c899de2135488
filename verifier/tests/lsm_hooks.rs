//! LSM programs and the hooks they attach to: what each hook's declaration
//! (`catalog/src/prog_types/lsm_hooks.rs`) and the LSM program type decide
//! (`check_return_code`, `bpf_lsm_verify_prog`, `bpf_check_attach_target`,
//! `bpf_ima_inode_hash_allowed`). The machine the corpora were recorded on
//! refuses LSM programs before verifying them (EPERM), so these cases
//! follow the kernel's sources and its selftests' own expectations
//! (`verifier_lsm.c`, judged in `selftests.rs`).

mod common;

use common::Case;

kfreg::link!(kfreg_catalog);

fn returning(section: &str, value: &str) -> Case {
    Case::lsm(section, &format!("r0 = {value}\nexit"))
}

#[test]
fn int_hooks_want_zero_or_an_errno_on_the_low_32_bits() {
    returning("lsm/file_open", "0").accept();
    returning("lsm/file_open", "-4095").accept();
    returning("lsm/file_open", "1")
        .reject("At program exit the register R0 has smin=1 smax=1 should have been in [-4095, 0]");
    returning("lsm/file_open", "-4096").reject("should have been in [-4095, 0]");
    // 0xffffffff is -1 in the hook's int.
    Case::lsm("lsm/file_open", "w0 = -1\nexit").accept();
}

#[test]
fn bool_hooks_want_zero_or_one() {
    returning("lsm/audit_rule_known", "1").accept();
    returning("lsm/audit_rule_known", "-1")
        .reject("At program exit the register R0 has smin=-1 smax=-1 should have been in [0, 1]");
}

#[test]
fn void_hooks_take_anything_but_from_cgroup_programs() {
    Case::lsm("lsm/file_free_security", "exit").accept();
    returning("lsm/file_free_security", "7").accept();
    returning("lsm_cgroup/file_free_security", "1").accept();
    returning("lsm_cgroup/file_free_security", "0")
        .reject("Note, BPF_LSM_CGROUP that attach to void LSM hooks can't modify return value!");
    returning("lsm_cgroup/socket_bind", "1").accept();
    returning("lsm_cgroup/socket_bind", "-1").reject("should have been in [0, 1]");
}

#[test]
fn hooks_refuse_programs_at_load() {
    returning("lsm.s/file_permission", "0").reject("bpf_lsm_file_permission is not sleepable");
    returning("lsm.s/file_open", "0").accept();
    returning("lsm/getprocattr", "0").reject("points to disabled hook bpf_lsm_getprocattr");
}

#[test]
fn ima_hashes_only_from_hooks_that_may_sleep() {
    let hash = "
        r1 = *(u64 *)(r1 +0)
        r2 = r10
        r2 += -32
        r3 = 32
        call bpf_ima_file_hash
        r0 = 0
        exit
    ";
    Case::lsm("lsm.s/file_open", hash).accept();
    Case::lsm("lsm/file_open", hash).reject("helper call might sleep in a non-sleepable prog");
    Case::lsm("lsm/file_permission", hash).reject("helper call is not allowed in probe");
}

#[test]
fn cgroup_helpers_only_for_cgroup_programs() {
    let retval = "call bpf_get_retval\nr0 = 0\nexit";
    Case::lsm("lsm_cgroup/socket_bind", retval).accept();
    Case::lsm("lsm/socket_bind", retval)
        .reject("program of this type cannot use helper bpf_get_retval#186");
}

#[test]
fn socket_options_only_from_cgroup_programs_on_the_socket_hooks() {
    let set = "
        r1 = *(u64 *)(r1 +0)
        *(u64 *)(r10 -8) = 0
        r2 = 6
        r3 = 1
        r4 = r10
        r4 += -8
        r5 = 4
        call bpf_setsockopt
        r0 = 1
        exit
    ";
    // Locked (sock_graft) and still being made (socket_post_create).
    Case::lsm("lsm_cgroup/sock_graft", set).accept();
    // socket->sk, which may be NULL
    let from_socket = set.replace(
        "r1 = *(u64 *)(r1 +0)",
        "r1 = *(u64 *)(r1 +0)\nr1 = *(u64 *)(r1 +24)\nif r1 == 0 goto pc+7",
    );
    Case::lsm("lsm_cgroup/socket_post_create", &from_socket).accept();
    Case::lsm("lsm_cgroup/socket_bind", set)
        .reject("program of this type cannot use helper bpf_setsockopt#49");
    Case::lsm("lsm/sock_graft", set)
        .reject("program of this type cannot use helper bpf_setsockopt#49");
    let get = set.replace("bpf_setsockopt", "bpf_getsockopt");
    Case::lsm("lsm_cgroup/inet_conn_established", &get).accept();
    Case::lsm("lsm/inet_conn_established", &get)
        .reject("program of this type cannot use helper bpf_getsockopt#57");
}
