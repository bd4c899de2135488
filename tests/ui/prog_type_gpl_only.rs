/// `gpl_only` takes how the kernel names the programs, as a string.
#[kfreg::context]
#[repr(C)]
pub struct Ctx {
    pub len: u32,
}

#[kfreg::prog_type(id = 44, name = unnamed_license, ctx = Ctx, gpl_only = struct_ops)]
pub struct Bare;

#[kfreg::prog_type(id = 45, name = empty_license, ctx = Ctx, gpl_only = "")]
pub struct Empty;

fn main() {}
