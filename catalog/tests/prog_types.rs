//! The catalog's program types against the kernel: every program type of
//! the recorded BTF's `enum bpf_prog_type` is declared under its number, and
//! every context field lies on the kernel struct member it names, at its
//! offset, covering nothing but that member and padding.

use kfreg::{Context, CtxValue, ProgType, Registry};
use kfreg_object::btf::{Btf, Kind, TypeData};
use std::collections::BTreeMap;

kfreg::link!(kfreg_catalog);

fn btf() -> Btf {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/corpus/vmlinux.btf");
    Btf::from_file(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The named members of struct `id`, anonymous unions and structs opened,
/// as (name, byte offset, byte size).
fn members(btf: &Btf, id: u32, base: u32, out: &mut Vec<(String, u32, u32)>) {
    let ty = btf
        .type_by_id(btf.resolve(id).expect("resolve"))
        .expect("type");
    let (TypeData::Struct { members: ms, .. } | TypeData::Union { members: ms, .. }) = &ty.data
    else {
        return;
    };
    for m in ms {
        let off = base + m.bit_offset / 8;
        let name = btf.string(m.name_off).unwrap_or_default();
        if name.is_empty() {
            members(btf, m.ty, off, out);
        } else {
            let size = btf.size_of(m.ty).ok().flatten().unwrap_or(0) as u32;
            out.push((name.to_string(), off, size));
        }
    }
}

fn check_layout(btf: &Btf, ctx: &Context, problems: &mut Vec<String>) {
    let Some(name) = ctx.btf_name else { return };
    let Some(id) = btf.find(name, Kind::Struct) else {
        problems.push(format!("{}: no struct {name} in BTF", ctx.rust_name));
        return;
    };
    let mut ms = Vec::new();
    members(btf, id, 0, &mut ms);
    let size = btf.size_of(id).ok().flatten().unwrap_or(0) as u32;
    // A flexible array (`args[0]`) ends where the kernel's checks say.
    if size != 0 && ctx.size != size {
        problems.push(format!(
            "{}: {} bytes, struct {name} {size}",
            ctx.rust_name, ctx.size
        ));
    }
    for f in ctx.fields {
        let Some(&(_, off, msize)) = ms.iter().find(|(n, ..)| n == f.member) else {
            problems.push(format!(
                "{}.{}: struct {name} has no member `{}`",
                ctx.rust_name, f.name, f.member
            ));
            continue;
        };
        let (start, end) = (f.off, f.off + f.size);
        let inside = start >= off && (msize == 0 || start < off + msize);
        if !inside {
            problems.push(format!(
                "{}.{}: at {start}, member `{}` at {off} ({msize} bytes)",
                ctx.rust_name, f.name, f.member
            ));
        }
        // Beyond its member a field may cover only padding; the members
        // overlapping its own are union alternatives.
        let overlaps = |o: u32, s: u32, lo: u32, hi: u32| o < hi && o + s > lo;
        let covers_other = ms.iter().any(|(n, o, s)| {
            n != f.member && overlaps(*o, *s, start, end) && !overlaps(*o, *s, off, off + msize)
        });
        if covers_other {
            problems.push(format!(
                "{}.{}: covers another member of {name}",
                ctx.rust_name, f.name
            ));
        }
    }
}

#[test]
fn every_context_lies_on_its_kernel_struct() {
    let btf = btf();
    let reg = Registry::global();
    let mut problems = Vec::new();
    let mut seen = Vec::new();
    for d in reg.prog_types().iter() {
        if let Some(ctx) = d.ctx
            && !seen.contains(&ctx.rust_name)
        {
            seen.push(ctx.rust_name);
            check_layout(&btf, ctx, &mut problems);
        }
    }
    assert!(seen.len() >= 15, "{seen:?}");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_program_type_of_the_kernel_btf_is_declared() {
    let btf = btf();
    let id = btf
        .find("bpf_prog_type", Kind::Enum)
        .expect("enum bpf_prog_type");
    let TypeData::Enum { values, .. } = &btf.type_by_id(id).expect("type").data else {
        panic!("bpf_prog_type is not an enum");
    };
    let kernel: BTreeMap<u32, String> = values
        .iter()
        .map(|v| {
            (
                v.val as u32,
                btf.string(v.name_off).expect("name").to_string(),
            )
        })
        .filter(|(_, n)| n != "BPF_PROG_TYPE_UNSPEC" && n != "__MAX_BPF_PROG_TYPE")
        .collect();
    let reg = Registry::global();
    let declared: BTreeMap<u32, String> = reg
        .prog_types()
        .iter()
        .map(|d| (d.id.id(), d.kernel_name.to_string()))
        .collect();
    assert_eq!(declared, kernel);
    for p in ProgType::ALL {
        let d = reg.prog_types().get(*p).expect("declared");
        assert_eq!(d.name, p.name());
        assert!(!d.sections.is_empty() && !d.doc.is_empty(), "{}", d.name);
    }
}

#[test]
fn libbpf_section_names_give_libbpfs_program_types() {
    let reg = Registry::global();
    let ty = |sec: &str| {
        reg.prog_types()
            .classify(sec)
            .map(|(d, s)| (d.name, s.sleepable, s.iter))
    };
    let cases = [
        ("tc", Some(("sched_cls", false, false))),
        ("tcx/egress", Some(("sched_cls", false, false))),
        ("xdp.frags/devmap", Some(("xdp", false, false))),
        ("syscall", Some(("syscall", true, false))),
        ("iter.s/task", Some(("tracing", true, true))),
        ("uprobe.s//bin/sh:main", Some(("kprobe", true, false))),
        ("kprobe.multi/x", Some(("kprobe", false, false))),
        (
            "tp/syscalls/sys_enter_openat",
            Some(("tracepoint", false, false)),
        ),
        (
            "raw_tp.w/x",
            Some(("raw_tracepoint_writable", false, false)),
        ),
        ("sk_reuseport/migrate", Some(("sk_reuseport", false, false))),
        (
            "cgroup/recvmsg_unix",
            Some(("cgroup_sock_addr", false, false)),
        ),
        ("tcx", None),
        ("tc/whatever", None),
        ("kprobefoo", None),
        (".text", None),
    ];
    for (sec, want) in cases {
        assert_eq!(ty(sec), want, "{sec}");
    }
}

#[test]
fn context_fields_say_what_the_kernel_gives() {
    let reg = Registry::global();
    let field = |p: ProgType, attach, off| reg.prog_types().field_at(p, attach, off);
    // tc sees packet metadata; a socket filter sees no packet pointer.
    let meta = field(ProgType::SchedCls, None, 140).expect("data_meta");
    assert_eq!(meta.field.yields, CtxValue::PacketMeta);
    assert!(field(ProgType::SocketFilter, None, 76).is_none());
    // egress_ifindex only from a device map.
    assert!(field(ProgType::Xdp, Some(kfreg::AttachType::Xdp), 20).is_none());
    assert!(field(ProgType::Xdp, Some(kfreg::AttachType::XdpDevmap), 20).is_some());
    // sockopt's retval: getsockopt only; level: written by setsockopt only.
    let get = Some(kfreg::AttachType::CgroupGetsockopt);
    let set = Some(kfreg::AttachType::CgroupSetsockopt);
    assert!(field(ProgType::CgroupSockopt, set, 36).is_none());
    assert!(field(ProgType::CgroupSockopt, get, 36).is_some_and(|r| r.writable));
    assert!(field(ProgType::CgroupSockopt, set, 24).is_some_and(|r| r.writable));
    assert!(field(ProgType::CgroupSockopt, get, 24).is_some_and(|r| !r.writable));
    // The padding after tstamp_type is nobody's.
    assert!(field(ProgType::SchedCls, None, 181).is_none());
}
