//! Program types the kernel was built without: a type's declaration names
//! the kernel function that gives it its helpers (`func_proto`), and a
//! kernel whose BTF lacks it refuses to load such programs before
//! verifying them (`find_prog_type`). The recorded 6.18 kernel has every
//! declared type but lirc_mode2 (`CONFIG_BPF_LIRC_MODE2` unset), whose
//! load failed with EINVAL and no log on it.

mod common;

use common::{Case, kernel_btf};
use kfreg::{ProgType, Registry};
use kfreg_object::btf::Kind;

kfreg::link!(kfreg_catalog);

#[test]
fn the_recorded_kernel_lacks_only_lirc_mode2() {
    let btf = kernel_btf();
    let declared: Vec<_> = Registry::global()
        .prog_types()
        .iter()
        .filter_map(|d| d.func_proto.map(|f| (d.name, f)))
        .collect();
    assert!(declared.len() > 25, "{declared:?}");
    let missing: Vec<_> = declared
        .iter()
        .filter(|(_, f)| btf.find(f, Kind::Func).is_none())
        .map(|(name, _)| *name)
        .collect();
    assert_eq!(missing, ["lirc_mode2"]);
}

fn exit_0(ty: ProgType) -> Case {
    let mut c = Case::new(ty, "r0 = 0\nexit\n");
    c.prog.kernel_btf = Some(kernel_btf());
    c
}

#[test]
fn a_type_the_kernel_lacks_is_refused_before_verifying() {
    exit_0(ProgType::LircMode2)
        .reject("Invalid argument: the kernel has no lirc_mode2 programs (no lirc_mode2_func_proto in its BTF; find_prog_type)");
    exit_0(ProgType::SocketFilter).accept();
}
