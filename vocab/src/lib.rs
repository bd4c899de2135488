//! The words of the kfunc DSL, shared by the `#[kfunc]` macro (which parses
//! them) and the runtime (which stores and queries them), so both read the
//! same table.

/// A set of named bits, each with the kernel's (or the DSL's) name for it.
macro_rules! bits {
    ($(#[doc = $tdoc:literal])* $name:ident: $repr:ty { $($(#[doc = $doc:literal])* $konst:ident = $bit:literal, $kernel:literal;)* }) => {
        $(#[doc = $tdoc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
        pub struct $name(pub $repr);

        impl $name {
            /// No modifier.
            pub const NONE: $name = $name(0);
            $($(#[doc = $doc])* pub const $konst: $name = $name(1 << $bit);)*

            /// Every modifier with the kernel's name for it.
            pub const ALL: &'static [($name, &'static str)] = &[$(($name::$konst, $kernel)),*];

            /// The union of two sets.
            pub const fn union(self, other: $name) -> $name {
                $name(self.0 | other.0)
            }

            /// This set without the modifiers of `other`.
            pub const fn difference(self, other: $name) -> $name {
                $name(self.0 & !other.0)
            }

            /// Whether every modifier of `other` is set.
            pub const fn contains(self, other: $name) -> bool {
                self.0 & other.0 == other.0
            }

            /// The kernel's names of the set modifiers.
            pub fn names(self) -> Vec<&'static str> {
                Self::ALL.iter().filter(|(f, _)| self.contains(*f)).map(|(_, n)| *n).collect()
            }
        }
    };
}

mod attach;
mod context;
mod flags;
mod helper;
mod iter;
pub mod kfunc_rules;
mod kind;
mod map;
mod prog;
mod suggest;

pub use attach::{AttachType, AttachTypes};
pub use context::{CtxArgAlias, CtxValue, Loads, PacketArgs, ProgFlags};
pub use flags::Flags;
pub use helper::{
    ArgFlags, ArgType, CallbackShape, HelperArg, HelperFlags, HelperRet, RetFlags, RetType,
};
pub use iter::{IterArg, open_coded_iter_name};
pub use kind::{ArgKind, DynptrInit, KindSet, Roles};
pub use map::{MapKind, MapKinds};
pub use prog::{ProgType, ProgTypes};
pub use suggest::did_you_mean;
