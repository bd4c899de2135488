//! The kernel's limits on one verification.

/// The kernel's limit on processed instructions.
pub const INSN_LIMIT: u64 = 1_000_000;
/// The kernel's limit on pending branches.
pub const JMP_SEQ_LIMIT: usize = 8192;
/// The kernel stores a state anyway once a path's jump history is longer.
pub const JMP_HISTORY_LIMIT: usize = 40;
/// Maximum call depth (frames).
pub const MAX_CALL_FRAMES: usize = 8;
/// Maximum stack per program (all frames of one call chain).
pub const MAX_STACK: u32 = 512;
