//! The words of the kfunc DSL, shared by the `#[kfunc]` macro (which parses
//! them) and the runtime (which stores and queries them), so both read the
//! same table.

mod attach;
mod flags;
mod helper;
mod kind;
mod map;
mod prog;
mod suggest;

pub use attach::{AttachType, AttachTypes};
pub use flags::Flags;
pub use helper::{
    ArgFlags, ArgType, CallbackShape, HelperArg, HelperFlags, HelperRet, RetFlags, RetType,
};
pub use kind::{ArgKind, DynptrInit, KindSet, Roles};
pub use map::{MapKind, MapKinds};
pub use prog::{ProgType, ProgTypes};
pub use suggest::did_you_mean;
