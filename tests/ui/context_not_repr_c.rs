/// A context's layout is the kernel's: without `#[repr(C)]` it is not.
#[kfreg::context]
pub struct NoRepr {
    pub len: u32,
}

fn main() {}
