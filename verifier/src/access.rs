//! What a memory access is, before any rule about the memory it touches:
//! its kind and the kernel's bound on variable offsets.

/// What an access does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// A load into a register.
    Read,
    /// A sign-extending load (`BPF_MEMSX`).
    ReadSx,
    /// A store of a value.
    Write,
    /// A read whose value goes to no register: an atomic's check that it
    /// may read the memory it changes (the kernel's `value_regno < 0`).
    Probe,
}

impl Access {
    /// How the kernel's stack messages name the access (`invalid write to
    /// stack`, `invalid read from stack`).
    pub fn direction(self) -> &'static str {
        if self == Access::Write {
            " write to"
        } else {
            " read from"
        }
    }
}

/// The kernel's bound on variable offsets (`BPF_MAX_VAR_OFF`).
pub const MAX_VAR_OFF: u64 = 1 << 29;
