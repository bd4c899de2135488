//! `#[helper]` declarations as any crate writes them, collected into the registry.

use kfreg::helper::*;
use kfreg::{ArgFlags, ArgType, CallbackShape, HelperFlags, MapKind, ProgType, RetFlags, RetType};

kfreg::kernel_struct! {
    /// A task.
    pub struct TaskStruct = "task_struct";
}

/// Looks up `key` in `map`.
#[kfreg::helper(id = 1)]
pub fn bpf_map_lookup_elem(map: ConstMapPtr, key: MapKey) -> OrNull<MapValue>;

/// Reserves a record.
#[kfreg::helper(id = 131, acquire, map_types = [ringbuf])]
pub fn bpf_ringbuf_reserve(
    ringbuf: ConstMapPtr,
    size: ConstAllocSizeOrZero,
    flags: Anything,
) -> OrNull<Ringbuf<Mem>>;

/// The current task, traced.
#[kfreg::helper(id = 158, gpl_only, prog_types = [kprobe, tracing])]
pub fn bpf_get_current_task_btf() -> Trusted<BtfId<TaskStruct>>;

/// Reads kernel memory.
#[kfreg::helper(id = 113, gpl_only, prog_types = [kprobe])]
pub fn bpf_probe_read_kernel(dst: Uninit<Mem>, size: ConstSizeOrZero, src: Anything) -> Integer;

/// Another prototype of 113, for other types.
#[kfreg::helper(id = 113, name = bpf_probe_read_kernel, prog_types = [xdp])]
pub fn bpf_probe_read_kernel_xdp(dst: Fixed<Rdonly<OrNull<Mem>>, 16>, src: Anything) -> Integer;

/// Loops.
#[kfreg::helper(id = 181, callback = iteration)]
pub fn bpf_loop(nr: Anything, f: Func, ctx: OrNull<Stack>, flags: Anything) -> Integer;

/// A cgroup helper some attach types of its program type do not get.
#[kfreg::helper(id = 186, prog_types = [cgroup_sock_addr], not_for_attach = [cgroup_inet4_getpeername])]
pub fn bpf_get_retval() -> Integer;

#[test]
fn attach_types_a_program_type_does_not_get_are_declared() {
    use kfreg::AttachType;
    let reg = kfreg::Registry::collect().expect("no conflicts");
    let h = reg.helpers();
    let get = |a| h.get_for(186, ProgType::CgroupSockAddr, a).is_some();
    assert!(get(None));
    assert!(get(Some(AttachType::CgroupInet4Connect)));
    assert!(!get(Some(AttachType::CgroupInet4Getpeername)));
}

#[test]
fn declarations_describe_the_kernel_protos() {
    assert_eq!(bpf_map_lookup_elem.args[0].ty, ArgType::ConstMapPtr);
    assert_eq!(bpf_map_lookup_elem.args[1].ty, ArgType::MapKey);
    assert_eq!(bpf_map_lookup_elem.args[2].ty, ArgType::DontCare);
    assert_eq!(bpf_map_lookup_elem.ret.ty, RetType::MapValue);
    assert!(bpf_map_lookup_elem.ret.has(RetFlags::MAYBE_NULL));
    assert_eq!(bpf_map_lookup_elem.used_args().len(), 2);
    assert_eq!(bpf_map_lookup_elem.arg_names, ["map", "key"]);

    assert!(bpf_ringbuf_reserve.has(HelperFlags::ACQUIRE));
    assert!(bpf_ringbuf_reserve.map_types.contains(MapKind::Ringbuf));
    assert!(!bpf_ringbuf_reserve.map_types.contains(MapKind::Hash));
    assert!(
        bpf_ringbuf_reserve
            .ret
            .has(RetFlags::RINGBUF.union(RetFlags::MAYBE_NULL))
    );

    assert_eq!(bpf_get_current_task_btf.ret.btf, Some("task_struct"));
    assert!(bpf_get_current_task_btf.ret.has(RetFlags::TRUSTED));
    assert!(
        bpf_get_current_task_btf
            .prog_types
            .contains(ProgType::Kprobe)
    );
    assert!(!bpf_get_current_task_btf.prog_types.contains(ProgType::Xdp));

    let dst = bpf_probe_read_kernel.args[0];
    assert!(dst.has(ArgFlags::UNINIT.union(ArgFlags::WRITE)));
    let fixed = bpf_probe_read_kernel_xdp.args[0];
    assert_eq!(fixed.size, 16);
    assert!(
        fixed.has(
            ArgFlags::FIXED_SIZE
                .union(ArgFlags::RDONLY)
                .union(ArgFlags::MAYBE_NULL)
        )
    );
    assert_eq!(bpf_loop.callback, Some(CallbackShape::Loop));
}

#[test]
fn the_registry_picks_the_prototype_of_the_program_type() {
    let reg = kfreg::Registry::collect().expect("no conflicts");
    let h = reg.helpers();
    assert_eq!(
        h.get(113, ProgType::Kprobe).map(|p| p.proto),
        Some("bpf_probe_read_kernel")
    );
    assert_eq!(
        h.get(113, ProgType::Xdp).map(|p| p.proto),
        Some("bpf_probe_read_kernel_xdp")
    );
    assert!(h.get(113, ProgType::SchedCls).is_none());
    assert_eq!(h.name(113), Some("bpf_probe_read_kernel"));
    assert_eq!(h.id("bpf_loop"), Some(181));
    assert_eq!(h.max_id(), 187);
    assert_eq!(h.count(), 6);
}

#[test]
fn overlapping_prototypes_and_two_names_for_one_number_conflict() {
    let twice = kfreg::Helpers::build([&bpf_probe_read_kernel, &bpf_probe_read_kernel]);
    assert!(
        twice.is_ok(),
        "one declaration seen twice is one declaration"
    );
    static OVERLAP: kfreg::Helper = kfreg::Helper {
        prog_types: kfreg::ProgTypes::NONE.with(ProgType::Kprobe),
        name: "bpf_other",
        ..bpf_probe_read_kernel_xdp
    };
    let errs = kfreg::Helpers::build([&bpf_probe_read_kernel, &OVERLAP]).unwrap_err();
    let text: Vec<String> = errs.iter().map(ToString::to_string).collect();
    assert_eq!(text.len(), 2, "{text:?}");
    assert!(
        text[0].starts_with("helper #113 is named `bpf_probe_read_kernel` at "),
        "{text:?}"
    );
    assert!(
        text[1].contains("has two prototypes for program type kprobe"),
        "{text:?}"
    );
}
