use kfreg::*;

#[lsm_hook(sleepable, sleepable, ret = [0], trusted)]
pub struct file_open;

#[lsm_hook(disabled, untrusted)]
pub struct getprocattr;

#[lsm_hook(sleepable)]
pub struct NotUnit(u32);

fn main() {}
