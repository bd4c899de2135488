//! Instruction text as the kernel's verifier log prints it (`print_bpf_insn`
//! in `kernel/bpf/disasm.c`), e.g. `0: (b7) r0 = 0`.
//!
//! Where the kernel prints a kernel address or loses information, this module
//! prints something the assembler ([`crate::asm`]) reads back instead:
//!
//! | instruction | kernel log | here |
//! | --- | --- | --- |
//! | `LD_IMM64` constant | `r1 = 0x2a` | `r1 = 0x2a ll` |
//! | map by fd | `r1 = 0xffff...` | `r1 = map[id:FD]` (`map[NAME#FD]` when named) |
//! | map value by fd | `r1 = 0xffff...` | `r1 = map[id:FD][0]+OFF` |
//! | map by fd_array index | `r1 = 0xffff...` | `r1 = map[idx:N]`, `map[idx:N][0]+OFF` |
//! | kernel variable | `r1 = 0xffff...` | `r1 = btf_id[ID]` (`btf_id[ID][fd:FD]` for a module) |
//! | subprogram address | `r1 = 0x...` | `r1 = subprog[+OFF]` |
//! | module kfunc | `call NAME#ID` | `call NAME#ID[fd:IDX]` |
//!
//! Everything else is the kernel's text, byte for byte.

use crate::isa::{AluOp, AtomicOp, ByteOrder, Call, Insn, JmpOp, Pseudo, RawInsn, Size, Src};
use std::fmt::Write;

/// Names for the numbers in instructions. Every method defaults to `None`.
pub trait Symbols {
    /// Name of helper `id`; the kernel's own helper table is consulted first.
    fn helper_name(&self, id: i32) -> Option<&str> {
        let _ = id;
        None
    }
    /// Name of the kfunc with BTF id `btf_id`.
    fn kfunc_name(&self, btf_id: i32) -> Option<&str> {
        let _ = btf_id;
        None
    }
    /// Name of the map behind file descriptor `fd`.
    fn map_name(&self, fd: i32) -> Option<&str> {
        let _ = fd;
        None
    }
}

/// No names beyond the kernel's helper table.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoSymbols;

impl Symbols for NoSymbols {}

/// The kernel's helper names, by number (`__BPF_FUNC_MAPPER` in
/// `include/uapi/linux/bpf.h`, Linux 6.18).
static HELPER_NAMES: [&str; 212] = [
    "bpf_unspec",
    "bpf_map_lookup_elem",
    "bpf_map_update_elem",
    "bpf_map_delete_elem",
    "bpf_probe_read",
    "bpf_ktime_get_ns",
    "bpf_trace_printk",
    "bpf_get_prandom_u32",
    "bpf_get_smp_processor_id",
    "bpf_skb_store_bytes",
    "bpf_l3_csum_replace",
    "bpf_l4_csum_replace",
    "bpf_tail_call",
    "bpf_clone_redirect",
    "bpf_get_current_pid_tgid",
    "bpf_get_current_uid_gid",
    "bpf_get_current_comm",
    "bpf_get_cgroup_classid",
    "bpf_skb_vlan_push",
    "bpf_skb_vlan_pop",
    "bpf_skb_get_tunnel_key",
    "bpf_skb_set_tunnel_key",
    "bpf_perf_event_read",
    "bpf_redirect",
    "bpf_get_route_realm",
    "bpf_perf_event_output",
    "bpf_skb_load_bytes",
    "bpf_get_stackid",
    "bpf_csum_diff",
    "bpf_skb_get_tunnel_opt",
    "bpf_skb_set_tunnel_opt",
    "bpf_skb_change_proto",
    "bpf_skb_change_type",
    "bpf_skb_under_cgroup",
    "bpf_get_hash_recalc",
    "bpf_get_current_task",
    "bpf_probe_write_user",
    "bpf_current_task_under_cgroup",
    "bpf_skb_change_tail",
    "bpf_skb_pull_data",
    "bpf_csum_update",
    "bpf_set_hash_invalid",
    "bpf_get_numa_node_id",
    "bpf_skb_change_head",
    "bpf_xdp_adjust_head",
    "bpf_probe_read_str",
    "bpf_get_socket_cookie",
    "bpf_get_socket_uid",
    "bpf_set_hash",
    "bpf_setsockopt",
    "bpf_skb_adjust_room",
    "bpf_redirect_map",
    "bpf_sk_redirect_map",
    "bpf_sock_map_update",
    "bpf_xdp_adjust_meta",
    "bpf_perf_event_read_value",
    "bpf_perf_prog_read_value",
    "bpf_getsockopt",
    "bpf_override_return",
    "bpf_sock_ops_cb_flags_set",
    "bpf_msg_redirect_map",
    "bpf_msg_apply_bytes",
    "bpf_msg_cork_bytes",
    "bpf_msg_pull_data",
    "bpf_bind",
    "bpf_xdp_adjust_tail",
    "bpf_skb_get_xfrm_state",
    "bpf_get_stack",
    "bpf_skb_load_bytes_relative",
    "bpf_fib_lookup",
    "bpf_sock_hash_update",
    "bpf_msg_redirect_hash",
    "bpf_sk_redirect_hash",
    "bpf_lwt_push_encap",
    "bpf_lwt_seg6_store_bytes",
    "bpf_lwt_seg6_adjust_srh",
    "bpf_lwt_seg6_action",
    "bpf_rc_repeat",
    "bpf_rc_keydown",
    "bpf_skb_cgroup_id",
    "bpf_get_current_cgroup_id",
    "bpf_get_local_storage",
    "bpf_sk_select_reuseport",
    "bpf_skb_ancestor_cgroup_id",
    "bpf_sk_lookup_tcp",
    "bpf_sk_lookup_udp",
    "bpf_sk_release",
    "bpf_map_push_elem",
    "bpf_map_pop_elem",
    "bpf_map_peek_elem",
    "bpf_msg_push_data",
    "bpf_msg_pop_data",
    "bpf_rc_pointer_rel",
    "bpf_spin_lock",
    "bpf_spin_unlock",
    "bpf_sk_fullsock",
    "bpf_tcp_sock",
    "bpf_skb_ecn_set_ce",
    "bpf_get_listener_sock",
    "bpf_skc_lookup_tcp",
    "bpf_tcp_check_syncookie",
    "bpf_sysctl_get_name",
    "bpf_sysctl_get_current_value",
    "bpf_sysctl_get_new_value",
    "bpf_sysctl_set_new_value",
    "bpf_strtol",
    "bpf_strtoul",
    "bpf_sk_storage_get",
    "bpf_sk_storage_delete",
    "bpf_send_signal",
    "bpf_tcp_gen_syncookie",
    "bpf_skb_output",
    "bpf_probe_read_user",
    "bpf_probe_read_kernel",
    "bpf_probe_read_user_str",
    "bpf_probe_read_kernel_str",
    "bpf_tcp_send_ack",
    "bpf_send_signal_thread",
    "bpf_jiffies64",
    "bpf_read_branch_records",
    "bpf_get_ns_current_pid_tgid",
    "bpf_xdp_output",
    "bpf_get_netns_cookie",
    "bpf_get_current_ancestor_cgroup_id",
    "bpf_sk_assign",
    "bpf_ktime_get_boot_ns",
    "bpf_seq_printf",
    "bpf_seq_write",
    "bpf_sk_cgroup_id",
    "bpf_sk_ancestor_cgroup_id",
    "bpf_ringbuf_output",
    "bpf_ringbuf_reserve",
    "bpf_ringbuf_submit",
    "bpf_ringbuf_discard",
    "bpf_ringbuf_query",
    "bpf_csum_level",
    "bpf_skc_to_tcp6_sock",
    "bpf_skc_to_tcp_sock",
    "bpf_skc_to_tcp_timewait_sock",
    "bpf_skc_to_tcp_request_sock",
    "bpf_skc_to_udp6_sock",
    "bpf_get_task_stack",
    "bpf_load_hdr_opt",
    "bpf_store_hdr_opt",
    "bpf_reserve_hdr_opt",
    "bpf_inode_storage_get",
    "bpf_inode_storage_delete",
    "bpf_d_path",
    "bpf_copy_from_user",
    "bpf_snprintf_btf",
    "bpf_seq_printf_btf",
    "bpf_skb_cgroup_classid",
    "bpf_redirect_neigh",
    "bpf_per_cpu_ptr",
    "bpf_this_cpu_ptr",
    "bpf_redirect_peer",
    "bpf_task_storage_get",
    "bpf_task_storage_delete",
    "bpf_get_current_task_btf",
    "bpf_bprm_opts_set",
    "bpf_ktime_get_coarse_ns",
    "bpf_ima_inode_hash",
    "bpf_sock_from_file",
    "bpf_check_mtu",
    "bpf_for_each_map_elem",
    "bpf_snprintf",
    "bpf_sys_bpf",
    "bpf_btf_find_by_name_kind",
    "bpf_sys_close",
    "bpf_timer_init",
    "bpf_timer_set_callback",
    "bpf_timer_start",
    "bpf_timer_cancel",
    "bpf_get_func_ip",
    "bpf_get_attach_cookie",
    "bpf_task_pt_regs",
    "bpf_get_branch_snapshot",
    "bpf_trace_vprintk",
    "bpf_skc_to_unix_sock",
    "bpf_kallsyms_lookup_name",
    "bpf_find_vma",
    "bpf_loop",
    "bpf_strncmp",
    "bpf_get_func_arg",
    "bpf_get_func_ret",
    "bpf_get_func_arg_cnt",
    "bpf_get_retval",
    "bpf_set_retval",
    "bpf_xdp_get_buff_len",
    "bpf_xdp_load_bytes",
    "bpf_xdp_store_bytes",
    "bpf_copy_from_user_task",
    "bpf_skb_set_tstamp",
    "bpf_ima_file_hash",
    "bpf_kptr_xchg",
    "bpf_map_lookup_percpu_elem",
    "bpf_skc_to_mptcp_sock",
    "bpf_dynptr_from_mem",
    "bpf_ringbuf_reserve_dynptr",
    "bpf_ringbuf_submit_dynptr",
    "bpf_ringbuf_discard_dynptr",
    "bpf_dynptr_read",
    "bpf_dynptr_write",
    "bpf_dynptr_data",
    "bpf_tcp_raw_gen_syncookie_ipv4",
    "bpf_tcp_raw_gen_syncookie_ipv6",
    "bpf_tcp_raw_check_syncookie_ipv4",
    "bpf_tcp_raw_check_syncookie_ipv6",
    "bpf_ktime_get_tai_ns",
    "bpf_user_ringbuf_drain",
    "bpf_cgrp_storage_get",
    "bpf_cgrp_storage_delete",
];

/// The kernel's name for helper `id` (`bpf_map_lookup_elem` for 1).
pub fn helper_name(id: i32) -> Option<&'static str> {
    usize::try_from(id)
        .ok()
        .and_then(|i| HELPER_NAMES.get(i))
        .copied()
}

/// The number of the kernel helper called `name`.
pub fn helper_id(name: &str) -> Option<i32> {
    HELPER_NAMES
        .iter()
        .position(|n| *n == name)
        .map(|i| i as i32)
}

/// The log line for instruction `idx`: `IDX: (OPCODE) TEXT`, as the verifier
/// log prints it. `raw` is the instruction's slot, which supplies the opcode
/// byte and tells `goto` from `gotol`.
pub fn format_insn(insns: &[Insn], idx: usize, raw: &RawInsn, syms: &dyn Symbols) -> String {
    let Some(insn) = insns.get(idx) else {
        return format!("{idx}: ({:02x}) ?", raw.code);
    };
    match insn {
        Insn::LdImm64Tail => format!("{idx}: {}", text(insn, Some(raw), syms)),
        _ => format!("{idx}: ({:02x}) {}", raw.code, text(insn, Some(raw), syms)),
    }
}

/// The text of instruction `idx` without the `IDX: (OPCODE) ` prefix, e.g.
/// `r0 = 0`. An out-of-range `idx` gives an empty string.
pub fn insn_text(insns: &[Insn], idx: usize, syms: &dyn Symbols) -> String {
    insns
        .get(idx)
        .map(|insn| text(insn, None, syms))
        .unwrap_or_default()
}

/// The whole program, one [`format_insn`] line per instruction, skipping the
/// second slots of `LD_IMM64` as the kernel does. `raw` may be shorter than
/// `insns` (or empty); missing slots are encoded from `insns`.
pub fn format_program(insns: &[Insn], raw: &[RawInsn], syms: &dyn Symbols) -> String {
    let enc;
    let raw = if raw.len() >= insns.len() {
        raw
    } else {
        enc = crate::isa::encode(insns);
        &enc[..]
    };
    let mut out = String::new();
    for (i, insn) in insns.iter().enumerate() {
        if *insn == Insn::LdImm64Tail && i > 0 && matches!(insns[i - 1], Insn::LdImm64 { .. }) {
            continue;
        }
        out.push_str(&format_insn(insns, i, &raw[i], syms));
        out.push('\n');
    }
    out
}

fn reg_prefix(wide: bool) -> char {
    if wide { 'r' } else { 'w' }
}

fn size_name(size: Size, signed: bool) -> &'static str {
    match (size, signed) {
        (Size::B, false) => "u8",
        (Size::H, false) => "u16",
        (Size::W, false) => "u32",
        (Size::DW, false) => "u64",
        (Size::B, true) => "s8",
        (Size::H, true) => "s16",
        (Size::W, true) => "s32",
        (Size::DW, true) => "s64",
    }
}

/// The operator of an ALU instruction (`+=`, `s/=`, ...).
pub fn alu_op_str(op: AluOp) -> &'static str {
    match op {
        AluOp::Add => "+=",
        AluOp::Sub => "-=",
        AluOp::Mul => "*=",
        AluOp::Div => "/=",
        AluOp::SDiv => "s/=",
        AluOp::Or => "|=",
        AluOp::And => "&=",
        AluOp::Lsh => "<<=",
        AluOp::Rsh => ">>=",
        AluOp::Neg => "neg",
        AluOp::Mod => "%=",
        AluOp::SMod => "s%=",
        AluOp::Xor => "^=",
        AluOp::Mov | AluOp::MovSx(_) => "=",
        AluOp::Arsh => "s>>=",
    }
}

/// The operator of a conditional jump (`==`, `s>`, ...).
pub fn jmp_op_str(op: JmpOp) -> &'static str {
    match op {
        JmpOp::Eq => "==",
        JmpOp::Gt => ">",
        JmpOp::Ge => ">=",
        JmpOp::Set => "&",
        JmpOp::Ne => "!=",
        JmpOp::Sgt => "s>",
        JmpOp::Sge => "s>=",
        JmpOp::Lt => "<",
        JmpOp::Le => "<=",
        JmpOp::Slt => "s<",
        JmpOp::Sle => "s<=",
    }
}

fn atomic_alu_name(op: AtomicOp) -> (&'static str, &'static str, bool) {
    match op {
        AtomicOp::Add { fetch } => ("+=", "add", fetch),
        AtomicOp::Or { fetch } => ("|=", "or", fetch),
        AtomicOp::And { fetch } => ("&=", "and", fetch),
        AtomicOp::Xor { fetch } => ("^=", "xor", fetch),
        _ => ("", "", false),
    }
}

fn text(insn: &Insn, raw: Option<&RawInsn>, syms: &dyn Symbols) -> String {
    let mut s = String::new();
    // Writing to a String cannot fail.
    let _ = write_text(&mut s, insn, raw, syms);
    s
}

fn write_text(
    s: &mut String,
    insn: &Insn,
    raw: Option<&RawInsn>,
    syms: &dyn Symbols,
) -> std::fmt::Result {
    match *insn {
        Insn::Alu { wide, op, dst, src } => {
            let p = reg_prefix(wide);
            match (op, src) {
                (AluOp::Neg, _) => write!(s, "{p}{dst} = -{p}{dst}"),
                (_, Src::Reg(r)) => {
                    let sx = match op {
                        AluOp::MovSx(8) => "(s8)",
                        AluOp::MovSx(16) => "(s16)",
                        AluOp::MovSx(32) => "(s32)",
                        _ => "",
                    };
                    write!(s, "{p}{dst} {} {sx}{p}{r}", alu_op_str(op))
                }
                (_, Src::Imm(v)) => write!(s, "{p}{dst} {} {v}", alu_op_str(op)),
            }
        }
        Insn::End { order, dst, bits } => {
            let name = match order {
                ByteOrder::ToLe => "le",
                ByteOrder::ToBe => "be",
                ByteOrder::Swap => "bswap",
            };
            write!(s, "r{dst} = {name}{bits} r{dst}")
        }
        Insn::LdImm64 {
            dst,
            pseudo,
            imm,
            imm_hi,
        } => {
            write!(s, "r{dst} = ")?;
            match pseudo {
                Pseudo::Imm => {
                    let v = ((imm_hi as u32 as u64) << 32) | imm as u32 as u64;
                    write!(s, "{v:#x} ll")
                }
                Pseudo::MapFd | Pseudo::MapValue => {
                    match syms.map_name(imm) {
                        Some(name) => write!(s, "map[{name}#{imm}]")?,
                        None => write!(s, "map[id:{imm}]")?,
                    }
                    if pseudo == Pseudo::MapValue {
                        write!(s, "[0]+{}", imm_hi as u32)?;
                    }
                    Ok(())
                }
                Pseudo::MapIdx => write!(s, "map[idx:{imm}]"),
                Pseudo::MapIdxValue => write!(s, "map[idx:{imm}][0]+{}", imm_hi as u32),
                Pseudo::BtfId => {
                    write!(s, "btf_id[{imm}]")?;
                    if imm_hi != 0 {
                        write!(s, "[fd:{imm_hi}]")?;
                    }
                    Ok(())
                }
                Pseudo::Func => {
                    write!(s, "subprog[{imm:+}]")?;
                    if imm_hi != 0 {
                        write!(s, "[hi:{imm_hi}]")?;
                    }
                    Ok(())
                }
            }
        }
        Insn::LdImm64Tail => write!(s, "BUG_ld_00"),
        Insn::LdPkt { size, src, imm } => match src {
            None => write!(s, "r0 = *({} *)skb[{imm}]", size_name(size, false)),
            Some(r) => write!(s, "r0 = *({} *)skb[r{r} + {imm}]", size_name(size, false)),
        },
        Insn::Ldx {
            size,
            dst,
            src,
            off,
            sign_ext,
        } => write!(
            s,
            "r{dst} = *({} *)(r{src} {off:+})",
            size_name(size, sign_ext)
        ),
        Insn::St {
            size,
            dst,
            off,
            imm,
        } => write!(s, "*({} *)(r{dst} {off:+}) = {imm}", size_name(size, false)),
        Insn::Stx {
            size,
            dst,
            src,
            off,
        } => write!(
            s,
            "*({} *)(r{dst} {off:+}) = r{src}",
            size_name(size, false)
        ),
        Insn::Atomic {
            size,
            op,
            dst,
            src,
            off,
        } => {
            let ty = size_name(size, false);
            let w = if size == Size::DW { "64" } else { "" };
            match op {
                AtomicOp::Xchg => write!(
                    s,
                    "r{src} = atomic{w}_xchg(({ty} *)(r{dst} {off:+}), r{src})"
                ),
                AtomicOp::CmpXchg => write!(
                    s,
                    "r0 = atomic{w}_cmpxchg(({ty} *)(r{dst} {off:+}), r0, r{src})"
                ),
                AtomicOp::LoadAcquire => {
                    write!(s, "r{dst} = load_acquire(({ty} *)(r{src} {off:+}))")
                }
                AtomicOp::StoreRelease => {
                    write!(s, "store_release(({ty} *)(r{dst} {off:+}), r{src})")
                }
                _ => {
                    let (sym, name, fetch) = atomic_alu_name(op);
                    if fetch {
                        write!(
                            s,
                            "r{src} = atomic{w}_fetch_{name}(({ty} *)(r{dst} {off:+}), r{src})"
                        )
                    } else {
                        write!(s, "lock *({ty} *)(r{dst} {off:+}) {sym} r{src}")
                    }
                }
            }
        }
        Insn::Ja { off } => {
            let long = match raw {
                Some(r) => r.code == 0x06,
                None => i16::try_from(off).is_err(),
            };
            if long {
                write!(s, "gotol pc{off:+}")
            } else {
                write!(s, "goto pc{off:+}")
            }
        }
        Insn::Jmp {
            wide,
            op,
            dst,
            src,
            off,
        } => {
            let p = reg_prefix(wide);
            let o = jmp_op_str(op);
            match src {
                Src::Reg(r) => write!(s, "if {p}{dst} {o} {p}{r} goto pc{off:+}"),
                Src::Imm(v) => write!(s, "if {p}{dst} {o} {:#x} goto pc{off:+}", v as u32),
            }
        }
        Insn::MayGoto { off } => write!(s, "may_goto pc{off:+}"),
        Insn::Call(call) => match call {
            Call::Helper(id) => {
                let name = helper_name(id)
                    .or_else(|| syms.helper_name(id))
                    .unwrap_or("unknown");
                write!(s, "call {name}#{id}")
            }
            Call::Local(off) => write!(s, "call pc{off:+}"),
            Call::Kfunc { btf_id, fd } => {
                // The kernel names kfuncs from BTF; id 0 is the nameless `void`.
                let name = syms.kfunc_name(btf_id).unwrap_or(if btf_id == 0 {
                    ""
                } else {
                    "kernel-function"
                });
                write!(s, "call {name}#{btf_id}")?;
                if fd != 0 {
                    write!(s, "[fd:{fd}]")?;
                }
                Ok(())
            }
        },
        Insn::Exit => write!(s, "exit"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helper_names_are_unique() {
        for (i, n) in HELPER_NAMES.iter().enumerate() {
            assert!(n.starts_with("bpf_"));
            assert_eq!(helper_id(n), Some(i as i32), "{n}");
        }
    }

    #[test]
    fn texts() {
        let t = |insn: Insn| insn_text(&[insn], 0, &NoSymbols);
        assert_eq!(
            t(Insn::Ldx {
                size: Size::DW,
                dst: 1,
                src: 10,
                off: -8,
                sign_ext: false
            }),
            "r1 = *(u64 *)(r10 -8)"
        );
        assert_eq!(t(Insn::Call(Call::Local(5))), "call pc+5");
        assert_eq!(t(Insn::Ja { off: 70000 }), "gotol pc+70000");
        assert_eq!(t(Insn::Ja { off: 2 }), "goto pc+2");
        assert_eq!(insn_text(&[], 3, &NoSymbols), "");
    }
}
