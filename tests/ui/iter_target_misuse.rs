use kfreg::*;

#[iter_target(args = [task = trusted_or_nul, vma = btf_id_or_null, vma = btf_id_or_null], helper = [])]
pub struct task_vma;

fn main() {}
