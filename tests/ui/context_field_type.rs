/// Context fields are integers or arrays of them.
#[kfreg::context]
#[repr(C)]
pub struct Ctx {
    pub len: u32,
    pub name: &'static str,
}

fn main() {}
