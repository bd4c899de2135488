use kfreg::*;

#[iter_target(args = [sk_common = trusted_or_null], helpers = [bpf_no_such_sockopt])]
pub struct tcp;

fn main() {}
