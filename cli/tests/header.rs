//! `kfreg header` is all a program author needs: a list, an rbtree, a
//! refcounted kptr and an iterator program compile with clang-19 against
//! the header and vmlinux.h only, and a list-and-loop program against the
//! header alone, all with `-Wall -Werror`; the verifier accepts each (the
//! running kernel does too: `veristat` or `bpftool prog load` them).

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn clang() -> String {
    std::env::var("CLANG").unwrap_or_else(|_| "clang-19".into())
}

#[test]
fn programs_build_from_the_header_alone_or_with_vmlinux_h() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("kfreg-header");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let o = Command::new(env!("CARGO_BIN_EXE_kfreg"))
        .arg("header")
        .arg("-o")
        .arg(dir.join("kfuncs.h"))
        .output()
        .expect("run kfreg header");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    let sources = root().join("cli/tests/header");
    let mut objects = Vec::new();
    for (name, with_vmlinux) in [
        ("list", true),
        ("rbtree", true),
        ("kptr", true),
        ("iter", true),
        ("alone", false),
    ] {
        let obj = dir.join(format!("{name}.bpf.o"));
        let mut cmd = Command::new(clang());
        cmd.args(["-g", "-O2", "-target", "bpf", "-D__TARGET_ARCH_x86"])
            .args(["-Wall", "-Werror", "-I"])
            .arg(&dir);
        if with_vmlinux {
            cmd.arg("-I").arg(root().join("tests/corpus/include"));
        }
        let out = cmd
            .arg("-c")
            .arg(sources.join(format!("{name}.bpf.c")))
            .arg("-o")
            .arg(&obj)
            .output()
            .unwrap_or_else(|e| panic!("{} not runnable ({e}): apt-get install clang-19", clang()));
        assert!(
            out.status.success(),
            "{name}.bpf.c does not compile against kfreg's header:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        objects.push(obj);
    }

    let o = Command::new(env!("CARGO_BIN_EXE_kfreg"))
        .arg("verify")
        .arg("--btf")
        .arg(root().join("tests/corpus/vmlinux.btf"))
        .args(&objects)
        .output()
        .expect("run kfreg verify");
    let table = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{table}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        table.contains("5 program(s): 5 accepted, 0 rejected"),
        "{table}"
    );
}
