/// A field a program type names must be one of its context's: rustc says
/// so at the misspelt name.
#[kfreg::context]
#[repr(C)]
pub struct Ctx {
    pub len: u32,
    #[ctx(hidden)]
    pub mark: u32,
}

#[kfreg::prog_type(id = 41, name = probe, ctx = Ctx, show = [makr], write = [lne])]
#[sec("probe")]
pub struct Probe;

fn main() {}
