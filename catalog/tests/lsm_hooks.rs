//! The catalog's LSM hooks against the kernel: every declared hook is a
//! `bpf_lsm_NAME` FUNC of the recorded BTF, a return range is declared only
//! for a hook that returns something, and the bool hooks the kernel lists
//! return 0 or 1.

use kfreg::Registry;
use kfreg_object::btf::{Btf, Kind, TypeData};
use kfreg_object::loader::lsm_hook_func;

kfreg::link!(kfreg_catalog);

fn btf() -> Btf {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/corpus/vmlinux.btf");
    Btf::from_file(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_declared_hook_is_a_kernel_hook() {
    let btf = btf();
    let hooks = Registry::global().lsm_hooks();
    let mut count = 0;
    for hook in hooks.iter() {
        count += 1;
        let func = lsm_hook_func(hook.name);
        let id = btf
            .find(&func, Kind::Func)
            .unwrap_or_else(|| panic!("{}: no FUNC {func} in the recorded BTF", hook.location));
        let (ret, _) = btf.func_proto(id).expect("a FUNC has a prototype");
        if let Some((lo, hi)) = hook.ret {
            assert_ne!(ret, 0, "{func} returns nothing: no range to declare");
            let int = btf
                .resolve(ret)
                .and_then(|r| btf.type_by_id(r))
                .is_ok_and(|t| matches!(t.data, TypeData::Int { .. }));
            assert!(
                int && lo <= hi,
                "{func}: range [{lo}, {hi}] of a non-integer"
            );
        }
        assert!(
            !(hook.disabled && (hook.sleepable || hook.untrusted || hook.sockopt)),
            "{func}: a disabled hook takes no program"
        );
    }
    // The kernel's lists: 12 disabled, 7 untrusted, 3 returning bool, 5
    // where cgroup programs may use socket options, and the sleepable ones.
    assert!(count > 100, "{count} hooks declared");
    let n = |f: fn(&kfreg::LsmHook) -> bool| hooks.iter().filter(|h| f(h)).count();
    assert_eq!(n(|h| h.disabled), 12);
    assert_eq!(n(|h| h.untrusted), 7);
    assert_eq!(n(|h| h.ret == Some((0, 1))), 3);
    assert_eq!(n(|h| h.sockopt), 5);
}
