use kfreg::*;

#[tracepoint(or_null = [0, 12, x], err_ptr = [0], or_nul = [1])]
pub struct tcp_send_reset;

#[tracepoint(or_null = [1])]
pub struct NotUnit(u32);

fn main() {}
