/// Claims that contradict each other, each reported at its token.
#[kfreg::context]
#[repr(C)]
pub struct Ctx {
    pub len: u32,
    pub mark: u32,
}

#[kfreg::prog_type(
    id = 42,
    name = probe,
    ctx = Ctx,
    hide = [mark],
    write = [mark],
    ret = [1, 0],
    packet_write,
    trcing
)]
pub struct Probe;

/// A kernel number has the kernel's name; another number needs one.
#[kfreg::prog_type(id = 6, name = express_data_path)]
pub struct Xdp;

#[kfreg::prog_type(id = 43)]
pub struct Nameless;

/// Not a `#[context]` struct.
pub struct Plain;

#[kfreg::prog_type(id = 44, name = plain, ctx = Plain)]
pub struct UsesPlain;

fn main() {}
