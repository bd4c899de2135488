//! Kprobe and uprobe sessions (`kernel/trace/bpf_trace.c`, registered for
//! kprobe programs with a filter keeping them to session attachments; see
//! `VOCAB-GAPS.md`).

use crate::families;
use kfreg::kfunc;

/// Whether the program runs at the return of the session.
#[kfunc(family = families::session, attach = [trace_kprobe_session, trace_uprobe_session])]
pub unsafe extern "C" fn bpf_session_is_return() -> bool {
    false
}

/// The session's 8-byte cookie, shared by its entry and return runs, which
/// the program writes.
#[kfunc(
    family = families::session,
    attach = [trace_kprobe_session, trace_uprobe_session],
    ret = writable
)]
pub unsafe extern "C" fn bpf_session_cookie() -> *mut u64 {
    std::ptr::null_mut()
}
