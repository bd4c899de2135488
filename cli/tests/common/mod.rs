//! Running the built `kfreg` as a user would, for the CLI tests.

use std::process::Command;

/// `kfreg ARGS`: its exit status and standard output.
pub fn kfreg(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kfreg"))
        .args(args)
        .output()
        .expect("run kfreg");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}
