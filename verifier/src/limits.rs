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

/// kfreg's own limit on the references held by the states it stores for
/// pruning, summed (some 400 MiB of them; a large program that holds a few
/// references in each of 100,000 stored states needs a fiftieth of it). A
/// loop that acquires a reference every round and never prunes makes every
/// stored state hold one more: the kernel copies them too, until its
/// instruction limit, at a cost quadratic in the rounds (gigabytes,
/// minutes). kfreg stops there, with the kernel's verdict.
pub const MAX_STORED_REFS: u64 = 16 << 20;
