//! Heap accounting for veristat's `mem_peak`: the kernel's veristat reads
//! its cgroup's peak memory around each load; kfreg counts what its own
//! allocator hands out, which is what verifying a program costs.
//!
//! The counts are per thread, and a program is verified on one thread from
//! start to end, so with `-j N` each program's peak is still its own: what
//! the other threads allocate meanwhile is not in it. (A few bytes move
//! between programs with the thread they run on: the process-wide table of
//! kernel struct names grows in whichever program meets a name first.)

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// The system allocator, counting the bytes each thread holds and their
/// peak (a program is verified on one thread; plain thread-local counters
/// cost the allocator far less than atomics would).
pub struct Counting;

thread_local! {
    // `const` initialisers: no lazy setup and no destructor, so the
    // allocator may touch them at any time.
    // Signed: a thread that frees blocks another thread allocated (the
    // last holder of a shared object) goes below zero, and its peak must
    // still be compared above that.
    static CURRENT: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn grew(by: usize) {
    let now = CURRENT.get().wrapping_add_unsigned(by);
    CURRENT.set(now);
    if now > PEAK.get() {
        PEAK.set(now);
    }
}

fn shrank(by: usize) {
    CURRENT.set(CURRENT.get().wrapping_sub_unsigned(by));
}

// SAFETY: every call is passed to `System` unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is `System::alloc`'s.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is `System::alloc_zeroed`'s.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract is `System::dealloc`'s.
        unsafe { System.dealloc(ptr, layout) };
        shrank(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract is `System::realloc`'s.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                shrank(layout.size() - new_size);
            }
        }
        p
    }
}

/// Starts measuring a peak on this thread: returns the bytes it holds now.
pub fn start_peak() -> isize {
    let now = CURRENT.get();
    PEAK.set(now);
    now
}

/// The most bytes this thread held since [`start_peak`] returned `base`,
/// above `base`.
pub fn peak_since(base: isize) -> usize {
    PEAK.get().wrapping_sub(base).max(0).unsigned_abs()
}
