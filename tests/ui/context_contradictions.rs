/// A pointer is loaded whole and never written; unknown words get a hint.
#[kfreg::context(btf = "probe_ctx")]
#[repr(C)]
pub struct Ctx {
    #[ctx(yields = packet, loads = narrow)]
    pub data: u64,
    #[ctx(yields = socket, write)]
    pub sk: u64,
    #[ctx(yields = kernel)]
    pub state: u64,
    #[ctx(yeilds = scalar, loads = partial)]
    pub len: u32,
}

fn main() {}
