/// A global function's context parameter may point to `"*"`, `"u64"`,
/// `"struct NAME"` or `"typedef NAME"`: anything else is reported at its
/// token, per attach type too.
#[kfreg::prog_type(
    id = 45,
    name = probe,
    ctx_args = ["u64", "pt_regs", "struct", "typedef x*"],
    ctx_args_for = [trace_iter = ["struct bpf_iter__*", "u32"], trace_rawtp = ["u64"]]
)]
pub struct Probe;

fn main() {}
