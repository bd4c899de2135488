//! The verifier's code made resident before anything is timed.
//!
//! A fresh process maps its code page by page as it first runs it: every
//! verifier function a program reaches costs a page fault the first time,
//! and in a process verifying one small program those faults are a large
//! part of `duration` (a quarter of it for an 84-instruction loop), where
//! the kernel's verifier, resident since boot, pays none. Populating the
//! code's mapping once at start moves that cost out of the timed part, at
//! the price of a fraction of a millisecond per process.

unsafe extern "C" {
    // The bounds of the executable's code (GNU ld's and lld's defaults).
    static __executable_start: u8;
    static etext: u8;
}

/// Maps every page of the executable's code in, and reads the clock once
/// (its first read maps the vDSO's data page). Failures are ignored: it
/// only moves cost.
pub fn make_resident() {
    let _ = std::time::Instant::now();
    // Only the symbols' addresses are taken, never their contents.
    let (start, end) = (
        &raw const __executable_start as usize,
        &raw const etext as usize,
    );
    let page = 4096;
    let start = start & !(page - 1);
    if end <= start {
        return;
    }
    // SAFETY: madvise only reads the range's mapping: MADV_POPULATE_READ
    // faults pages in as a read would, and the range is our own mapped code.
    unsafe {
        libc::madvise(
            start as *mut libc::c_void,
            end - start,
            libc::MADV_POPULATE_READ,
        );
    }
}
