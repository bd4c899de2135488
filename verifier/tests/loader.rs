//! The ELF loader on real clang-built objects (`tests/fixtures/*.bpf.o`,
//! sources and build lines beside them), and on corrupted copies of them.

kfreg::link!(kfreg_catalog);

use kfreg::{ProgType, Registry};
use kfreg_isa::{Call, Insn, Pseudo};
use kfreg_object::btf::{Btf, Kind};
use kfreg_object::elf::ElfObject;
use kfreg_object::loader::kconfig::Value;
use kfreg_object::loader::{
    LoadError, LoadOptions, Object, POISON_CALL_KFUNC_BASE, POISON_HELPER, license_is_gpl,
    load_object, object_name,
};
use kfreg_object::program::{FieldKind, MapType, Program};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn load_with(name: &str, opts: &LoadOptions) -> Object {
    load_object(&fixture(name), Registry::global(), opts).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn all() -> Object {
    load_with("loader_all.bpf.o", &LoadOptions::default())
}

fn prog(obj: &Object, name: &str) -> Program {
    obj.load_program(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn map_index(obj: &Object, name: &str) -> i32 {
    obj.maps
        .iter()
        .position(|m| m.name == name)
        .unwrap_or_else(|| panic!("no map {name}")) as i32
}

/// The BTF id of struct `name` in the object's BTF.
fn struct_id(obj: &Object, name: &str) -> u32 {
    obj.btf
        .as_ref()
        .and_then(|b| b.find(name, Kind::Struct))
        .unwrap_or_else(|| panic!("no struct {name}"))
}

fn ldimm64(p: &Program, idx: usize) -> (Pseudo, i32, i32) {
    match p.insns[idx] {
        Insn::LdImm64 {
            pseudo,
            imm,
            imm_hi,
            ..
        } => (pseudo, imm, imm_hi),
        other => panic!("insn {idx} of {} is {other:?}", p.name),
    }
}

fn call(p: &Program, idx: usize) -> Call {
    match p.insns[idx] {
        Insn::Call(c) => c,
        other => panic!("insn {idx} of {} is {other:?}", p.name),
    }
}

/// The subprogram a local call or function pointer at `idx` targets.
fn target_name(p: &Program, idx: usize) -> &str {
    let off = match p.insns[idx] {
        Insn::Call(Call::Local(off)) => off,
        Insn::LdImm64 {
            pseudo: Pseudo::Func,
            imm,
            ..
        } => imm,
        other => panic!("insn {idx} is {other:?}"),
    };
    let start = (idx as i64 + 1 + off as i64) as u32;
    &p.subprogs
        .iter()
        .find(|s| s.start == start)
        .unwrap_or_else(|| panic!("no subprog at {start}"))
        .name
}

#[test]
fn programs_get_types_from_their_sections() {
    let obj = all();
    let got: Vec<(&str, &str, ProgType, bool, bool, bool)> = obj
        .programs
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.section.as_str(),
                p.prog_type,
                p.sleepable,
                p.iter,
                p.autoload,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("tc_main", "tc", ProgType::SchedCls, false, false, true),
            ("with_exc_cb", "tc", ProgType::SchedCls, false, false, true),
            ("ksym_prog", "tc", ProgType::SchedCls, false, false, true),
            ("xdp_main", "xdp", ProgType::Xdp, false, false, true),
            (
                "not_autoloaded",
                "?tc",
                ProgType::SchedCls,
                false,
                false,
                false
            ),
            ("sys_prog", "syscall", ProgType::Syscall, true, false, true),
            (
                "iter_prog",
                "iter/task",
                ProgType::Tracing,
                false,
                true,
                true
            ),
            (
                "lsm_prog",
                "lsm.s/file_open",
                ProgType::Lsm,
                true,
                false,
                true
            ),
            (
                "core_prog",
                "tp_btf/task_newtask",
                ProgType::Tracing,
                false,
                false,
                true
            ),
            (
                "bitfield_prog",
                "tp_btf/task_newtask",
                ProgType::Tracing,
                false,
                false,
                true
            ),
            (
                "sock_prog",
                "socket",
                ProgType::SocketFilter,
                false,
                false,
                true
            ),
        ]
    );
    assert_eq!(obj.license, "GPL");
    assert!(obj.gpl);
    let p = prog(&obj, "iter_prog");
    assert!(p.iter && p.gpl);
    assert_eq!(p.section, "iter/task");
    assert_eq!(
        obj.warnings,
        ["map 'hmap': the kernel records no special field \
          (an array of locks, timers, work items, nodes or refcounts)"]
    );
}

#[test]
fn global_data_maps_are_named_as_libbpf_names_them() {
    assert_eq!(
        object_name("dir/verifier_iterating_callbacks.bpf.o"),
        "verifier_iterat"
    );
    assert_eq!(object_name("loader_all.bpf.o"), "loader_all");
    let opts = LoadOptions {
        object_name: Some("all_features_long".into()),
        ..LoadOptions::default()
    };
    let obj = load_with("loader_all.bpf.o", &opts);
    let names: Vec<&str> = obj.maps.iter().map(|m| m.name.as_str()).collect();
    // Eight characters of the object's name before a suffix of up to
    // seven, fewer before a longer one, none before a custom section's.
    assert_eq!(
        names,
        [
            "hmap",
            "amap",
            "rb",
            "all_feat.data",
            "all_feat.rodata",
            "all_feat.bss",
            ".data.A",
            ".rodata.str1.1",
            "all_fea.kconfig"
        ]
    );
}

#[test]
fn btf_maps_and_global_data() {
    let obj = all();
    let names: Vec<&str> = obj.maps.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "hmap",
            "amap",
            "rb",
            ".data",
            ".rodata",
            ".bss",
            ".data.A",
            ".rodata.str1.1",
            ".kconfig"
        ]
    );
    let m = |n: &str| &obj.maps[map_index(&obj, n) as usize];
    let h = m("hmap");
    assert_eq!(
        (h.map_type, h.key_size, h.value_size, h.max_entries),
        (MapType::Hash, 4, 96, 16)
    );
    // `struct val` holds three timers: the kernel records no special field
    // of such a value, so the map's value is a type of its own, without
    // them, while the struct keeps its fields (special_fields_of_value_types).
    let hval = &obj.types[&h.value_type.expect("hmap typed")];
    assert_eq!((hval.name.as_str(), hval.size), ("val", 96));
    assert!(hval.fields.is_empty(), "{:?}", hval.fields);
    assert!(!h.rdonly && !h.global_data);
    let a = m("amap");
    assert_eq!(
        (
            a.map_type,
            a.key_size,
            a.value_size,
            a.max_entries,
            a.rdonly
        ),
        (MapType::Array, 4, 8, 4, true)
    );
    assert_eq!(a.value_type, None);
    let rb = m("rb");
    assert_eq!((rb.map_type, rb.max_entries), (MapType::Ringbuf, 4096));

    let ro = m(".rodata");
    assert!(ro.rdonly && ro.global_data);
    assert_eq!(
        (ro.map_type, ro.key_size, ro.max_entries),
        (MapType::Array, 4, 1)
    );
    // `cfg` (7) then bpf_printk's format string.
    assert_eq!(ro.init.as_deref(), Some(&b"\x07\x00\x00\x00r=%d\x00"[..]));
    let str1 = m(".rodata.str1.1");
    assert_eq!(str1.init.as_deref(), Some(&b"hello\x00"[..]));
    let data = m(".data");
    assert!(!data.rdonly && data.global_data && data.init.is_none());
    assert_eq!(data.value_size, 4);
    let bss = m(".bss");
    assert_eq!((bss.value_size, bss.rdonly), (4, false));
    let kc = m(".kconfig");
    assert!(kc.rdonly);
    assert_eq!(kc.init.as_deref(), Some(&[0u8, 0, 0, 0][..]));

    // Global data maps are typed by their DATASEC.
    let btf = obj.btf.as_ref().unwrap();
    for name in [".data", ".rodata", ".bss", ".data.A"] {
        let id = m(name)
            .value_type
            .unwrap_or_else(|| panic!("{name} untyped"));
        assert_eq!(btf.find(name, Kind::Datasec), Some(id));
        assert_eq!(obj.types[&id].name, name);
        assert_eq!(obj.types[&id].size, m(name).value_size);
    }
}

#[test]
fn special_fields_of_value_types() {
    let obj = all();
    let val = &obj.types[&struct_id(&obj, "val")];
    assert_eq!(val.name, "val");
    assert_eq!(val.size, 96);
    let elem = struct_id(&obj, "elem");
    let fields: Vec<(FieldKind, u32)> = val.fields.iter().map(|f| (f.kind, f.off)).collect();
    assert_eq!(
        fields,
        [
            (FieldKind::SpinLock, 0),
            (FieldKind::ListHead, 8),
            (FieldKind::Kptr, 24),
            (FieldKind::Kptr, 32),
            (FieldKind::KptrUntrusted, 40),
            // The timers of `struct inner in; struct inner arr[2]` are no
            // fields of an allocated object: only a map's parse looks for
            // timers (and refuses them in an array, see the map's value).
        ]
    );
    // contains:elem:node → (elem's id, offset of node in elem).
    assert_eq!(val.field_at(8).unwrap().contains, Some((elem, 8)));
    // A kptr to a program type is local; task_struct is a kernel type.
    assert_eq!(val.field_at(24).unwrap().kptr, Some((elem, true)));
    let (_, local) = val.field_at(32).unwrap().kptr.unwrap();
    assert!(!local);

    let e = &obj.types[&elem];
    assert_eq!(e.fields.len(), 1);
    assert_eq!(
        (e.fields[0].kind, e.fields[0].off),
        (FieldKind::ListNode, 8)
    );

    // Globals in `.data.A`: the lock and the list head share one value.
    let a = &obj.maps[map_index(&obj, ".data.A") as usize];
    let t = &obj.types[&a.value_type.unwrap()];
    let kinds: Vec<(FieldKind, u32)> = t.fields.iter().map(|f| (f.kind, f.off)).collect();
    assert_eq!(kinds, [(FieldKind::SpinLock, 0), (FieldKind::ListHead, 8)]);
    assert_eq!(t.fields[0].contains, None);
    assert_eq!(t.fields[1].contains, Some((elem, 8)));
    // Every struct of the program BTF is there, with or without fields.
    assert!(obj.types.contains_key(&struct_id(&obj, "task_struct")));
}

#[test]
fn relocations_name_maps_globals_and_subprograms() {
    let obj = all();
    let p = prog(&obj, "tc_main");
    // r1 = &hmap
    assert_eq!(ldimm64(&p, 4), (Pseudo::MapFd, map_index(&obj, "hmap"), 0));
    // r1 = &cfg (.rodata + 0); the format string is .rodata + 4.
    assert_eq!(
        ldimm64(&p, 8),
        (Pseudo::MapValue, map_index(&obj, ".rodata"), 0)
    );
    assert_eq!(
        ldimm64(&p, 28),
        (Pseudo::MapValue, map_index(&obj, ".rodata"), 4)
    );
    assert_eq!(
        ldimm64(&p, 23),
        (Pseudo::MapValue, map_index(&obj, ".bss"), 0)
    );
    // &glock and &ghead in .data.A, at their own offsets.
    let a = map_index(&obj, ".data.A");
    assert_eq!(ldimm64(&p, 40), (Pseudo::MapValue, a, 0));
    assert_eq!(ldimm64(&p, 44), (Pseudo::MapValue, a, 8));
    // BPF-to-BPF calls land on the appended subprograms.
    assert_eq!(target_name(&p, 11), "static_fn");
    assert_eq!(target_name(&p, 14), "global_fn");
    let subs: Vec<(&str, bool)> = p
        .subprogs
        .iter()
        .map(|s| (s.name.as_str(), s.global))
        .collect();
    assert_eq!(
        subs,
        [("tc_main", true), ("static_fn", false), ("global_fn", true)]
    );
    assert_eq!(p.subprogs[1].start, 56);
    assert_eq!(p.insns.len(), 67);
    // Subprograms read globals too, relocated in their new place.
    assert_eq!(
        ldimm64(&p, 56),
        (Pseudo::MapValue, map_index(&obj, ".data"), 0)
    );

    // xdp_main: the callback's address is a BPF_PSEUDO_FUNC.
    let x = prog(&obj, "xdp_main");
    assert_eq!(ldimm64(&x, 5).0, Pseudo::Func);
    assert_eq!(target_name(&x, 5), "loop_cb");
    assert_eq!(target_name(&x, 10), "global_fn");
    assert_eq!(target_name(&x, 13), "static_fn");
    assert_eq!(x.subprogs.len(), 4);

    // The string literal's map.
    let s = prog(&obj, "sock_prog");
    let str_map = map_index(&obj, ".rodata.str1.1");
    assert!(
        s.insns.iter().any(
            |i| matches!(i, Insn::LdImm64 { pseudo: Pseudo::MapValue, imm, .. } if *imm == str_map)
        ),
        "no reference to .rodata.str1.1"
    );
}

#[test]
fn kfunc_calls_resolve_through_the_registry() {
    let reg = Registry::global();
    let obj = all();
    let p = prog(&obj, "tc_main");
    let kfunc_at = |idx: usize| match call(&p, idx) {
        Call::Kfunc { btf_id, fd } => {
            assert_eq!(fd, 0);
            reg.get(p.kfuncs[&btf_id]).name
        }
        other => panic!("insn {idx}: {other:?}"),
    };
    assert_eq!(kfunc_at(37), "bpf_obj_new_impl");
    assert_eq!(kfunc_at(49), "bpf_list_push_front_impl");
    // bpf_core_type_id_local(struct elem) became elem's id.
    let elem = struct_id(&obj, "elem");
    assert_eq!(ldimm64(&p, 34), (Pseudo::Imm, elem as i32, 0));
    assert!(p.types.contains_key(&elem));
    // Every resolved kfunc has its own number.
    let mut ids: Vec<_> = obj.kfuncs.values().collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), obj.kfuncs.len());
}

#[test]
fn listings_name_kfuncs_and_maps() {
    let reg = Registry::global();
    let obj = all();
    let lp = obj.program("tc_main").unwrap();
    let p = obj.to_program(lp).unwrap();
    let text = kfreg_isa::disasm::format_program(&p.insns, &lp.insns, &obj.symbols(reg));
    assert!(text.contains("call bpf_obj_new_impl#"), "{text}");
    assert!(text.contains("map[hmap#0]"), "{text}");
    assert!(text.contains("map[.rodata#4][0]+4"), "{text}");
}

#[test]
fn missing_weak_kfuncs_are_poisoned() {
    let obj = all();
    let lp = obj.program("sys_prog").unwrap();
    let p = prog(&obj, "sys_prog");
    // bpf_ksym_exists(bpf_definitely_missing) reads 0 ...
    assert_eq!(ldimm64(&p, 0), (Pseudo::Imm, 0, 0));
    // ... and the call it guards is an invalid helper call, as libbpf does.
    match call(&p, 3) {
        Call::Helper(id) => {
            assert!((POISON_CALL_KFUNC_BASE..POISON_CALL_KFUNC_BASE + 100).contains(&id))
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(lp.poisoned.len(), 1);
    assert_eq!(lp.poisoned[0].insn, 3);
    // libbpf's words, which its log fixup shows for a reachable call.
    assert_eq!(
        lp.poisoned[0].reason,
        "kfunc 'bpf_definitely_missing' is referenced but wasn't resolved"
    );
    let log = format!(
        "2: (b7) r1 = 0\n3: (85) call unknown#{}\ninvalid func unknown#{}\nprocessed 4 insns\n",
        POISON_CALL_KFUNC_BASE, POISON_CALL_KFUNC_BASE
    );
    assert_eq!(
        Object::libbpf_log(lp, &log, Some(3)),
        "2: (b7) r1 = 0\n3: <invalid kfunc call>\n\
         kfunc 'bpf_definitely_missing' is referenced but wasn't resolved\nprocessed 4 insns\n"
    );
    // The kconfig value is read from the .kconfig map.
    assert_eq!(
        ldimm64(&p, 4),
        (Pseudo::MapValue, map_index(&obj, ".kconfig"), 0)
    );
}

#[test]
fn kernel_variables() {
    let obj = all();
    let p = prog(&obj, "ksym_prog");
    // Typed: a BTF id (here the program's own, without a kernel BTF).
    let (pseudo, _, _) = ldimm64(&p, 1);
    assert_eq!(pseudo, Pseudo::BtfId);
    // Typeless: an address only kallsyms knows; a stand-in kernel address.
    let (pseudo, lo, hi) = ldimm64(&p, 5);
    assert_eq!(pseudo, Pseudo::Imm);
    let addr = ((hi as u32 as u64) << 32) | lo as u32 as u64;
    assert_eq!(
        addr,
        kfreg_object::loader::typeless_ksym_addr("bpf_link_fops")
    );
    assert!((0xffff_ffff_8100_0000..0xffff_ffff_8200_0000).contains(&addr));

    // Against a kernel without it, the weak typed one reads 0.
    let target = fixture("loader_target.bpf.o");
    let btf = ElfObject::parse(&target)
        .unwrap()
        .section(".BTF")
        .unwrap()
        .data
        .to_vec();
    let obj = load_with(
        "loader_all.bpf.o",
        &LoadOptions::with_target_btf(&btf).unwrap(),
    );
    assert_eq!(ldimm64(&prog(&obj, "ksym_prog"), 1), (Pseudo::Imm, 0, 0));

    // Against vmlinux, it is the kernel's VAR.
    if let Ok(opts) = LoadOptions::vmlinux() {
        let vmlinux = opts.target_btf.clone().unwrap();
        let obj = load_with("loader_all.bpf.o", &opts);
        let (pseudo, id, _) = ldimm64(&prog(&obj, "ksym_prog"), 1);
        assert_eq!(pseudo, Pseudo::BtfId);
        assert_eq!(vmlinux.name(id as u32).unwrap(), "bpf_prog_active");
        assert_eq!(vmlinux.type_by_id(id as u32).unwrap().kind(), Kind::Var);
    }
}

#[test]
fn kconfig_values_come_from_the_options() {
    let mut opts = LoadOptions::default();
    opts.kconfig.insert("CONFIG_HZ".into(), Value::Number(250));
    let obj = load_with("loader_all.bpf.o", &opts);
    let kc = &obj.maps[map_index(&obj, ".kconfig") as usize];
    assert_eq!(kc.init.as_deref(), Some(&250u32.to_le_bytes()[..]));
}

/// Each kind of `__kconfig` extern is stored as libbpf stores it: a string
/// truncated into its char array with a NUL, a tristate's letter in a
/// `char`, a bool as 0 or 1, libbpf's tristate enum as 1 for `y`, an int as
/// its number; packed by alignment, largest first, then by name. The
/// program reads them as constants (Linux 6.18 refused `version_dash` on a
/// configuration whose local version starts with '-' only in kfreg).
#[test]
fn kconfig_values_are_stored_by_the_extern_type() {
    let mut opts = LoadOptions {
        kconfig: kfreg_object::loader::kconfig::parse(
            "CONFIG_LOCALVERSION=\"-fc-v1300\"\nCONFIG_EXT4_FS=y\nCONFIG_BPF_SYSCALL=y\n\
             CONFIG_XFS_FS=m\nCONFIG_HZ=250\n",
        ),
        ..LoadOptions::default()
    };
    let obj = load_with("loader_externs.bpf.o", &opts);
    let kc = &obj.maps[map_index(&obj, ".kconfig") as usize];
    let mut want = Vec::new();
    want.extend_from_slice(&250u32.to_le_bytes()); // CONFIG_HZ
    want.extend_from_slice(&2u32.to_le_bytes()); // CONFIG_XFS_FS: m
    want.push(1); // CONFIG_BPF_SYSCALL
    want.push(b'y'); // CONFIG_EXT4_FS
    want.extend_from_slice(b"-fc-v13\0"); // CONFIG_LOCALVERSION
    assert_eq!(kc.init.as_deref(), Some(&want[..]));
    for name in ["version_dash", "ext4_builtin", "all_read"] {
        let report =
            kfreg_verifier::verify(&prog(&obj, name), Registry::global(), &Default::default());
        assert!(report.accepted(), "{name}: {:?}", report.error);
    }
    // Another local version: the dereference is reached.
    opts.kconfig
        .insert("CONFIG_LOCALVERSION".into(), Value::Str("+x".into()));
    let obj = load_with("loader_externs.bpf.o", &opts);
    let report = kfreg_verifier::verify(
        &prog(&obj, "version_dash"),
        Registry::global(),
        &Default::default(),
    );
    assert_eq!(
        report.error.map(|e| e.msg).as_deref(),
        Some("R1 invalid mem access 'scalar'")
    );
}

/// A weak typeless `__ksym` has the address kallsyms lists, or 0 when it
/// lists none; without kallsyms every symbol is taken to be there, a weak
/// one too (Linux 6.18 accepted `weak_symbol_present`: the symbol is in
/// its kallsyms).
#[test]
fn weak_typeless_ksyms_follow_kallsyms() {
    let verdict = |opts: &LoadOptions| {
        let obj = load_with("loader_externs.bpf.o", opts);
        let p = prog(&obj, "weak_symbol_present");
        kfreg_verifier::verify(&p, Registry::global(), &Default::default())
            .error
            .map(|e| e.msg)
    };
    let mut opts = LoadOptions::default();
    assert_eq!(verdict(&opts), None);
    let listed = "ffffffff8106a2a0 T bpf_fentry_test1\n";
    opts.kallsyms = Some(std::sync::Arc::new(kfreg_object::loader::Kallsyms::parse(
        listed,
    )));
    assert_eq!(verdict(&opts), None);
    let other = "ffffffff8106a2a0 T bpf_fentry_test2\n";
    opts.kallsyms = Some(std::sync::Arc::new(kfreg_object::loader::Kallsyms::parse(
        other,
    )));
    assert_eq!(
        verdict(&opts).as_deref(),
        Some("R1 invalid mem access 'scalar'")
    );
}

#[test]
fn line_info_maps_instructions_to_source() {
    let obj = all();
    let p = prog(&obj, "tc_main");
    let first = p.line_of(0).unwrap();
    assert_eq!(first.file, "./loader_all.bpf.c");
    assert!(first.text.contains("int tc_main(void *ctx)"), "{first:?}");
    let lookup = p.line_of(5).unwrap();
    assert!(lookup.text.contains("bpf_map_lookup_elem"), "{lookup:?}");
    // Lines of appended subprograms follow them.
    let sub = p.line_of(p.subprogs[1].start).unwrap();
    assert!(sub.text.contains("x + initialized"), "{sub:?}");
    assert!(p.lines.windows(2).all(|w| w[0].insn <= w[1].insn));
}

#[test]
fn exception_callbacks_are_appended() {
    let obj = all();
    let p = prog(&obj, "with_exc_cb");
    let names: Vec<&str> = p.subprogs.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["with_exc_cb", "exc_cb"]);
}

/// CO-RE relocation values of `core_prog` (see loader_all.bpf.c):
/// tgid offset (LDX), pid offset (ALU), state exists, state offset,
/// sizeof(task_struct), PIDTYPE_TGID, PIDTYPE_NOPE exists.
fn core_values(p: &Program) -> (i16, i32, i32, Option<i32>, i32, i32, i32) {
    let Insn::Ldx { off: tgid, .. } = p.insns[1] else {
        panic!("{:?}", p.insns[1])
    };
    let imm = |i: usize| match p.insns[i] {
        Insn::Alu {
            src: kfreg_isa::Src::Imm(v),
            ..
        } => v,
        Insn::LdImm64 { imm, .. } => imm,
        other => panic!("insn {i}: {other:?}"),
    };
    let state_off = match p.insns[13] {
        Insn::Call(Call::Helper(POISON_HELPER)) => None,
        _ => Some(imm(13)),
    };
    (tgid, imm(2), imm(11), state_off, imm(23), imm(25), imm(28))
}

#[test]
fn core_relocations_against_the_programs_own_btf() {
    let obj = all();
    let p = prog(&obj, "core_prog");
    assert_eq!(core_values(&p), (4, 0, 1, Some(0), 8, 1, 1));
    assert!(obj.program("core_prog").unwrap().poisoned.is_empty());
}

#[test]
fn core_relocations_against_a_target_btf() {
    let target = fixture("loader_target.bpf.o");
    let elf = ElfObject::parse(&target).unwrap();
    let btf = elf.section(".BTF").unwrap().data;
    let obj = load_with(
        "loader_all.bpf.o",
        &LoadOptions::with_target_btf(btf).unwrap(),
    );
    let p = prog(&obj, "core_prog");
    // tgid and pid moved into an anonymous struct in an anonymous union;
    // `state` is gone (exists = 0, its read poisoned); the enum changed.
    assert_eq!(core_values(&p), (8, 12, 0, None, 32, 11, 0));
    let poisoned = &obj.program("core_prog").unwrap().poisoned;
    assert_eq!(poisoned.len(), 1);
    assert_eq!(poisoned[0].insn, 13);
    // libbpf's words for it, with the local spec as bpf_core_format_spec
    // prints it.
    assert_eq!(
        poisoned[0].reason,
        "failed to resolve CO-RE relocation <byte_off> [76] struct task_struct___old.state (0:0 @ offset 0)"
    );
    // A rejection at the poisoned call reads as libbpf shows it.
    let err = kfreg_verifier::VerifyError {
        insn: Some(13),
        msg: format!("invalid func unknown#{POISON_HELPER}"),
    };
    assert_eq!(
        Object::libbpf_message(obj.program("core_prog").unwrap(), &err.msg, err.insn),
        poisoned[0].reason
    );
    let log = format!("13: (85) call unknown#{POISON_HELPER}\n{}\n", err.msg);
    assert_eq!(
        Object::libbpf_log(obj.program("core_prog").unwrap(), &log, err.insn),
        format!("13: <invalid CO-RE relocation>\n{}\n", poisoned[0].reason)
    );
}

/// Bitfield relocations of `bitfield_prog`: for `b` and `c`, byte offset,
/// byte size, left shift, signedness and right shift (both branches).
fn bitfield_values(p: &Program) -> [[i32; 6]; 2] {
    let imm = |i: usize| match p.insns[i] {
        Insn::Alu {
            src: kfreg_isa::Src::Imm(v),
            ..
        } => v,
        other => panic!("insn {i}: {other:?}"),
    };
    [
        [imm(3), imm(8), imm(11), imm(12), imm(14), imm(16)],
        [imm(19), imm(23), imm(27), imm(28), imm(30), imm(32)],
    ]
}

#[test]
fn bitfield_relocations() {
    // Own BTF: `unsigned b:3` at bit 3 and `int c:4` at bit 8 of an `unsigned int`.
    let obj = all();
    assert_eq!(
        bitfield_values(&prog(&obj, "bitfield_prog")),
        [[0, 4, 56, 0, 59, 59], [0, 4, 52, 1, 60, 60]]
    );
    // Target: `b` is 6 bits at bit 30 of a u64, `c` a plain short at byte 6.
    let target = fixture("loader_target.bpf.o");
    let btf = ElfObject::parse(&target)
        .unwrap()
        .section(".BTF")
        .unwrap()
        .data
        .to_vec();
    let obj = load_with(
        "loader_all.bpf.o",
        &LoadOptions::with_target_btf(&btf).unwrap(),
    );
    assert_eq!(
        bitfield_values(&prog(&obj, "bitfield_prog")),
        [[0, 8, 28, 0, 58, 58], [6, 2, 48, 1, 48, 48]]
    );
}

#[test]
fn core_relocations_against_vmlinux() {
    // The recorded kernel BTF, so the test means the same on every host.
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/corpus/vmlinux.btf");
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let opts = LoadOptions::with_target_btf(&bytes).unwrap();
    let vmlinux = opts.target_btf.clone().unwrap();
    let task = vmlinux.find("task_struct", Kind::Struct).unwrap();
    let size = vmlinux.size_of(task).unwrap().unwrap() as i32;
    let offset = |field: &str| match &vmlinux.type_by_id(task).unwrap().data {
        kfreg_object::btf::TypeData::Struct { members, .. } => members
            .iter()
            .find(|m| vmlinux.string(m.name_off) == Ok(field))
            .map(|m| (m.bit_offset / 8) as i32)
            .unwrap(),
        _ => unreachable!(),
    };
    let obj = load_with("loader_all.bpf.o", &opts);
    let (tgid, pid, _, _, sz, tgid_val, nope) = core_values(&prog(&obj, "core_prog"));
    assert_eq!(
        (tgid as i32, pid, sz, tgid_val, nope),
        (offset("tgid"), offset("pid"), size, 1, 0)
    );
}

/// The error every program of fixture `name` fails with: libbpf resolves
/// all externs before loading any program, so one it cannot resolve fails
/// them all (the object itself still lists them).
fn every_program_fails(name: &str) -> LoadError {
    let obj = load_with(name, &LoadOptions::default());
    let errors: Vec<LoadError> = obj
        .programs
        .iter()
        .map(|p| obj.to_program(p).expect_err(&p.name))
        .collect();
    assert!(!errors.is_empty(), "{name} has programs");
    assert!(errors.iter().all(|e| *e == errors[0]), "{errors:?}");
    errors[0].clone()
}

#[test]
fn kernel_symbols_resolve_in_name_order() {
    // bpf_zz_missing comes first in the symbol table; libbpf sorts the
    // kernel symbols by name before resolving them.
    let msg = every_program_fails("loader_bad_order.bpf.o").to_string();
    assert!(
        msg.starts_with("extern (func ksym) 'bpf_aa_missing': not found in kernel or module BTFs"),
        "{msg}"
    );
}

#[test]
fn missing_kfunc_is_an_error_with_a_suggestion() {
    let err = every_program_fails("loader_bad_kfunc.bpf.o");
    let msg = err.to_string();
    assert!(
        msg.starts_with(
            "extern (func ksym) 'bpf_obj_neww_impl': not found in kernel or module BTFs"
        ),
        "{msg}"
    );
    assert!(msg.contains("did you mean 'bpf_obj_new_impl'"), "{msg}");
    assert!(matches!(
        err,
        LoadError::Extern {
            suggestion: Some(_),
            ..
        }
    ));
}

#[test]
fn incompatible_kfunc_prototype_is_an_error() {
    let err = every_program_fails("loader_bad_proto.bpf.o");
    let msg = err.to_string();
    assert!(
        msg.starts_with("extern (func ksym) 'bpf_obj_new_impl': func_proto"),
        "{msg}"
    );
    assert!(
        msg.contains("1 parameter(s)") && msg.contains("takes 2"),
        "{msg}"
    );
}

/// libbpf fails only the program of a section it does not know: the
/// object loads, and that program's load is the error.
#[test]
fn unknown_section_is_that_programs_error() {
    let obj = load_with("loader_bad_section.bpf.o", &LoadOptions::default());
    let err = obj.load_program("prog").unwrap_err();
    assert_eq!(
        err,
        LoadError::UnknownSection {
            section: "tc/sideways".into(),
            program: Some("prog".into())
        }
    );
    assert_eq!(
        err.to_string(),
        "prog 'prog': missing BPF prog type, check ELF section name 'tc/sideways'"
    );
}

/// A tracing program whose attach target the kernel lacks (one a tool sets
/// at run time) fails in libbpf before the kernel sees it; the others load.
#[test]
fn missing_attach_targets_fail_their_program_alone() {
    let vmlinux = std::fs::read(format!(
        "{}/../tests/corpus/vmlinux.btf",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("tests/corpus/vmlinux.btf");
    let mut opts = LoadOptions::with_target_btf(&vmlinux).unwrap();
    opts.kconfig
        .insert("LINUX_KERNEL_VERSION".into(), Value::Number(0x06122c));
    let obj = load_with("loader_libbpf.bpf.o", &opts);
    let err = obj.load_program("no_such_target").unwrap_err();
    assert_eq!(
        err.to_string(),
        "prog 'no_such_target': failed to prepare load attributes: -3"
    );
    assert!(obj.load_program("existing_target").is_ok());
    assert!(obj.load_program("versioned").is_ok());
}

#[test]
fn gpl_compatible_licenses() {
    for l in ["GPL", "GPL v2", "Dual BSD/GPL", "Dual MIT/GPL"] {
        assert!(license_is_gpl(l), "{l}");
    }
    for l in ["", "MIT", "BSD", "Proprietary", "gpl"] {
        assert!(!license_is_gpl(l), "{l}");
    }
}

#[test]
fn loaded_programs_verify() {
    let reg = Registry::global();
    let obj = all();
    for name in ["iter_prog", "lsm_prog", "not_autoloaded"] {
        let report = kfreg_verifier::verify(&prog(&obj, name), reg, &Default::default());
        assert!(report.accepted(), "{name}: {:?}", report.error);
    }
    let report = kfreg_verifier::verify(&prog(&obj, "sys_prog"), reg, &Default::default());
    assert!(report.accepted(), "{:?}", report.error);
    for p in &obj.programs {
        obj.to_program(p).unwrap_or_else(|e| panic!("{e}"));
    }
    assert!(matches!(
        obj.load_program("nope"),
        Err(LoadError::NoSuchProgram(_))
    ));
}

/// Every object of the shared corpus loads, and its programs decode.
#[test]
fn corpus_objects_load() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/corpus");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let reg = Registry::global();
    for path in entries.flatten().map(|e| e.path()) {
        if path.extension().is_none_or(|e| e != "o") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let obj = load_object(&bytes, reg, &LoadOptions::default())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(!obj.programs.is_empty(), "{}", path.display());
        for p in &obj.programs {
            // Programs the kernel rejects before verifying (jumps out of
            // range, ...) do not decode; anything else must.
            match obj.to_program(p) {
                Ok(_) | Err(LoadError::Decode { .. }) => {}
                Err(e) => panic!("{}: {e}", path.display()),
            }
        }
    }
}

/// Loads `bytes`; it may fail, it must not panic.
fn try_load(bytes: &[u8], opts: &LoadOptions) -> Result<Object, LoadError> {
    let obj = load_object(bytes, Registry::global(), opts)?;
    for p in &obj.programs {
        let _ = kfreg_isa::decode(&p.insns);
    }
    Ok(obj)
}

#[test]
fn truncated_objects_are_errors() {
    let full = fixture("loader_all.bpf.o");
    let opts = LoadOptions::default();
    let mut len = 0;
    while len < full.len() {
        assert!(
            try_load(&full[..len], &opts).is_err(),
            "truncated to {len} bytes"
        );
        len += if len < 128 { 1 } else { 7 };
    }
    assert!(try_load(&full, &opts).is_ok());
}

#[test]
fn corrupted_objects_never_panic() {
    let full = fixture("loader_all.bpf.o");
    let elf = ElfObject::parse(&full).unwrap();
    let opts = LoadOptions::default();
    // Byte offsets of the sections the loader reads closely.
    let range_of = |name: &str| {
        let data = elf.section(name).unwrap().data;
        let start = data.as_ptr() as usize - full.as_ptr() as usize;
        start..start + data.len()
    };
    let mut spots: Vec<usize> = (0..64).collect();
    for sec in [
        ".BTF",
        ".BTF.ext",
        "tc",
        "xdp",
        "tp_btf/task_newtask",
        ".reltc",
        ".symtab",
        ".maps",
    ] {
        let r = range_of(sec);
        let step = (r.len() / 100).max(1);
        spots.extend(r.step_by(step));
    }
    // The section header table, at the end.
    spots.extend((full.len().saturating_sub(64 * 40)..full.len()).step_by(11));
    let mut failures = 0;
    for &i in &spots {
        for v in [0x00, 0xff, 0x80] {
            if full[i] == v {
                continue;
            }
            let mut bad = full.clone();
            bad[i] = v;
            if try_load(&bad, &opts).is_err() {
                failures += 1;
            }
        }
    }
    assert!(failures > 0);
    // Words set to large values: lengths, counts, offsets and ids.
    for sec in [".BTF", ".BTF.ext"] {
        let r = range_of(sec);
        for i in r.step_by(4).take(100) {
            for w in [u32::MAX, 0x8000_0000, 0x0001_0000] {
                let mut bad = full.clone();
                if let Some(s) = bad.get_mut(i..i + 4) {
                    s.copy_from_slice(&w.to_le_bytes());
                }
                let _ = try_load(&bad, &opts);
            }
        }
    }
}

#[test]
fn corrupted_objects_with_a_target_never_panic() {
    let target = fixture("loader_target.bpf.o");
    let tbtf = ElfObject::parse(&target)
        .unwrap()
        .section(".BTF")
        .unwrap()
        .data
        .to_vec();
    let opts = LoadOptions::with_target_btf(&tbtf).unwrap();
    let full = fixture("loader_all.bpf.o");
    let elf = ElfObject::parse(&full).unwrap();
    let ext = elf.section(".BTF.ext").unwrap().data;
    let start = ext.as_ptr() as usize - full.as_ptr() as usize;
    for i in (start..start + ext.len()).step_by(7) {
        for v in [0x00, 0xff, 0x03] {
            let mut bad = full.clone();
            bad[i] = v;
            let _ = try_load(&bad, &opts);
        }
    }
    // A corrupt target is refused up front.
    for len in [0, 8, 24, tbtf.len() - 1] {
        assert!(LoadOptions::with_target_btf(&tbtf[..len]).is_err());
    }
    assert!(Btf::parse(&tbtf).is_ok());
}

#[test]
fn unaligned_input_loads() {
    let full = fixture("loader_all.bpf.o");
    let mut shifted = vec![0u8; 3];
    shifted.extend_from_slice(&full);
    let obj = load_object(&shifted[3..], Registry::global(), &LoadOptions::default()).unwrap();
    assert_eq!(obj.programs.len(), all().programs.len());
}

#[test]
fn not_bpf_objects_are_errors() {
    let reg = Registry::global();
    let opts = LoadOptions::default();
    assert!(matches!(
        load_object(b"", reg, &opts),
        Err(LoadError::Elf(_))
    ));
    assert!(matches!(
        load_object(b"not an ELF file at all, just text", reg, &opts),
        Err(LoadError::Elf(_))
    ));
    // This test binary itself: an ELF, but not a BPF object.
    if let Ok(me) = std::env::current_exe().and_then(std::fs::read) {
        let err = load_object(&me, reg, &opts).unwrap_err();
        assert!(
            err.to_string().contains("BPF") || err.to_string().contains("relocatable"),
            "{err}"
        );
    }
}
/// Random mutations of the fixtures and the corpus, against no target, the
/// stand-in target and vmlinux. Slow: `FUZZ=N cargo test --release -p
/// kfreg-verifier --test loader -- --ignored` (add `RUSTFLAGS="-C
/// overflow-checks=on"` to catch arithmetic overflow in release builds).
#[test]
#[ignore = "slow; run with --ignored"]
fn random_mutations_never_panic() {
    let n: usize = std::env::var("FUZZ")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let target = fixture("loader_target.bpf.o");
    let tbtf = ElfObject::parse(&target)
        .unwrap()
        .section(".BTF")
        .unwrap()
        .data
        .to_vec();
    let topts = LoadOptions::with_target_btf(&tbtf).unwrap();
    let vm = LoadOptions::vmlinux().ok();
    let mut seeds = vec![fixture("loader_all.bpf.o")];
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/corpus");
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if e.path().extension().is_some_and(|x| x == "o") {
            seeds.push(std::fs::read(e.path()).unwrap());
        }
    }
    let mut x: u64 = 0x9e3779b97f4a7c15;
    let mut rnd = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut ok = 0;
    for it in 0..n {
        let seed = &seeds[(rnd() as usize) % seeds.len()];
        let mut bad = seed.clone();
        let k = 1 + rnd() % 4;
        for _ in 0..k {
            let i = (rnd() as usize) % bad.len();
            bad[i] = match rnd() % 4 {
                0 => 0,
                1 => 0xff,
                2 => rnd() as u8,
                _ => bad[i] ^ (1 << (rnd() % 8)),
            };
        }
        let opts = match it % 3 {
            0 => &topts,
            1 => vm.as_ref().unwrap_or(&topts),
            _ => &LoadOptions::default(),
        };
        if try_load(&bad, opts).is_ok() {
            ok += 1;
        }
    }
    println!("fuzz: {n} runs, {ok} loaded");
}

/// libbpf strips a weak kfunc's CO-RE flavor (`___two`) and leaves it at 0
/// when its prototype differs from the kernel's: the `bpf_ksym_exists()`
/// guard reads 0 and the guarded call is poisoned, while the object and its
/// other programs load.
#[test]
fn weak_kfunc_flavors_with_another_prototype_are_left_unresolved() {
    let obj = load_with("loader_libbpf.bpf.o", &version_opts());
    let lp = obj.program("flavored").unwrap();
    let p = prog(&obj, "flavored");
    assert_eq!(ldimm64(&p, 1), (Pseudo::Imm, 0, 0));
    match call(&p, 6) {
        Call::Helper(id) => {
            assert!((POISON_CALL_KFUNC_BASE..POISON_CALL_KFUNC_BASE + 100).contains(&id))
        }
        other => panic!("{other:?}"),
    }
    assert!(
        matches!(call(&p, 10), Call::Kfunc { .. }),
        "{:?}",
        call(&p, 10)
    );
    assert_eq!(lp.poisoned.len(), 1);
    let report = kfreg_verifier::verify(&p, Registry::global(), &Default::default());
    assert!(report.accepted(), "{:?}", report.error);
}

/// A flavor whose parameter is `void *` where the kernel's is a struct
/// pointer is another prototype too: libbpf compares what pointers point to.
#[test]
fn weak_kfunc_flavors_with_a_void_pointer_for_a_struct_pointer_are_left_unresolved() {
    let obj = load_with("loader_libbpf.bpf.o", &version_opts());
    let p = prog(&obj, "flavored_void");
    assert_eq!(ldimm64(&p, 1), (Pseudo::Imm, 0, 0));
    assert_eq!(obj.program("flavored_void").unwrap().poisoned.len(), 1);
}

fn version_opts() -> LoadOptions {
    let mut opts = LoadOptions::default();
    opts.kconfig
        .insert("LINUX_KERNEL_VERSION".into(), Value::Number(0x06122c));
    opts
}

/// `LINUX_KERNEL_VERSION` is a virtual kconfig value libbpf fills in; a
/// loader that has none fails with libbpf's message.
#[test]
fn linux_kernel_version_comes_from_the_options() {
    let obj = load_with("loader_libbpf.bpf.o", &version_opts());
    let kc = &obj.maps[map_index(&obj, ".kconfig") as usize];
    assert_eq!(kc.init.as_deref(), Some(&0x06122cu32.to_le_bytes()[..]));
    let err = every_program_fails("loader_libbpf.bpf.o");
    assert!(
        err.to_string()
            .contains("'LINUX_KERNEL_VERSION': value not found"),
        "{err}"
    );
}

/// A `?` section's program is loaded but marked not to autoload.
#[test]
fn question_mark_sections_do_not_autoload() {
    let obj = load_with("loader_libbpf.bpf.o", &version_opts());
    let autoload = |n: &str| obj.program(n).unwrap().autoload;
    assert!(autoload("flavored") && autoload("versioned"));
    assert!(!autoload("not_autoloaded"));
    assert_eq!(obj.program("not_autoloaded").unwrap().section, "?tc");
}

/// Every program of the libbpf-semantics fixture gets the verdict the
/// kernel gave it through libbpf (`scripts/kload.c` on Linux 6.18; the
/// fentry program with an existing target is left out: the recording VM
/// refuses fentry programs with EPERM before verifying).
#[test]
fn libbpf_fixture_programs_get_the_kernels_verdicts() {
    let vmlinux = std::fs::read(format!(
        "{}/../tests/corpus/vmlinux.btf",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("tests/corpus/vmlinux.btf");
    let mut opts = LoadOptions::with_target_btf(&vmlinux).unwrap();
    opts.kconfig
        .insert("LINUX_KERNEL_VERSION".into(), Value::Number(0x06122c));
    let obj = load_with("loader_libbpf.bpf.o", &opts);
    let kernel = [
        ("flavored", None),
        ("versioned", None),
        ("ksym_exists", None),
        ("ksym_missing", None),
        ("not_autoloaded", None),
        (
            "no_such_target",
            Some("prog 'no_such_target': failed to prepare load attributes: -3"),
        ),
        (
            "no_such_tracepoint",
            Some("prog 'no_such_tracepoint': failed to prepare load attributes: -3"),
        ),
        (
            "no_such_iter_target",
            Some("prog 'no_such_iter_target': failed to prepare load attributes: -3"),
        ),
        (
            "no_target_named",
            Some("prog 'no_target_named': failed to prepare load attributes: -22"),
        ),
    ];
    for (name, error) in kernel {
        let got = match obj.load_program(name) {
            Ok(p) => kfreg_verifier::verify(&p, Registry::global(), &Default::default())
                .error
                .map(|e| e.msg),
            Err(e) => Some(e.to_string()),
        };
        assert_eq!(got.as_deref(), error, "{name}");
    }
}

/// map_extra as libbpf 1.5 reads it (an enum of one value, `__ulong`, or an
/// array's length, `__uint`) and as the kernel creates the map with it: a
/// bloom filter's four bits of hash functions, nothing for a hash map
/// (object/tests/data/map-create.tsv records the kernel's side).
#[test]
fn map_extra_is_read_as_libbpf_reads_it() {
    let opts = LoadOptions::default();
    let obj = load_with("loader_map_extra_1.bpf.o", &opts);
    assert!(obj.load_program("peek").is_ok());
    for n in [2, 3] {
        let name = format!("loader_map_extra_{n}.bpf.o");
        let err = load_with(&name, &opts).load_program("peek").unwrap_err();
        assert_eq!(
            err.to_string(),
            "map 'filter': failed to create: Invalid argument(-22)",
            "{name}"
        );
    }
    let Err(err) = load_object(
        &fixture("loader_map_extra_4.bpf.o"),
        Registry::global(),
        &opts,
    ) else {
        panic!("an enum of two values is refused");
    };
    assert_eq!(
        err.to_string(),
        "map 'filter': attr 'map_extra': invalid __ulong"
    );
}

/// A struct in the object's BTF whose special fields break the kernel's
/// rules (a list node and an rb node but no refcount) makes the kernel
/// refuse the whole BTF (btf_parse_struct_metas, -EINVAL) though no program
/// uses the struct; libbpf goes on without it, so a callback has no
/// function info and a map value no lock. With a refcount the BTF loads.
/// The messages are those the running kernel gave.
#[test]
fn a_struct_breaking_the_special_field_rules_drops_the_btf() {
    let errno = |name: &str| {
        let bytes = fixture(name);
        let elf = ElfObject::parse(&bytes).expect("parses");
        let btf = Btf::parse(elf.section(".BTF").expect(".BTF").data).expect("BTF");
        btf.kernel_refusal().map(|r| r.errno)
    };
    let verdicts = |name: &str| {
        let obj = load_with(name, &LoadOptions::default());
        ["with_callback", "with_lock"].map(|p| {
            kfreg_verifier::verify(&prog(&obj, p), Registry::global(), &Default::default())
                .error
                .map(|e| e.msg)
        })
    };
    assert_eq!(errno("loader_struct_metas_1.bpf.o"), Some(22));
    assert_eq!(
        verdicts("loader_struct_metas_1.bpf.o"),
        [
            Some("missing btf func_info".to_string()),
            Some("map 'counts' has to have BTF in order to use bpf_spin_lock".to_string()),
        ]
    );
    assert_eq!(errno("loader_struct_metas_2.bpf.o"), None);
    assert_eq!(verdicts("loader_struct_metas_2.bpf.o"), [None, None]);
}

/// Subprograms are appended depth first, as libbpf's bpf_object__reloc_code
/// appends them: a called function's own callees come before its caller's
/// next one, which decides the func# numbers and instruction indexes the
/// kernel reports (its log for this program validates func#3 copy_str_in,
/// then func#4 loops_copying).
#[test]
fn subprograms_are_appended_depth_first() {
    let path = format!(
        "{}/../tests/corpus/sleep_globals.bpf.o",
        env!("CARGO_MANIFEST_DIR")
    );
    let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let obj = load_object(&data, Registry::global(), &LoadOptions::default())
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    let p = prog(&obj, "sleep_globals_in_syscall");
    let names: Vec<&str> = p.subprogs.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "sleep_globals_in_syscall",
            "copy_in",
            "calls_copy_in",
            "copy_str_in",
            "loops_copying",
            "copy_cb"
        ]
    );
}

/// A pseudo call with its offset or destination register set is no
/// subprogram call to libbpf (insn_is_subprog_call): it is left as written,
/// and the kernel, which reads only the source register, finds a function
/// at its target after a call, not an exit (Linux 6.18's verdict on the
/// fixture).
#[test]
fn pseudo_calls_with_other_fields_are_left_to_the_kernel() {
    let obj = load_with("loader_raw_calls.bpf.o", &LoadOptions::default());
    for name in ["call_with_offset", "call_with_dst"] {
        let err = obj.load_program(name).expect_err(name).to_string();
        assert!(
            err.ends_with("insn 1: last insn is not an exit or jmp"),
            "{err}"
        );
    }
}
