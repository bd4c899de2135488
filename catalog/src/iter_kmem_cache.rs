//! The slab cache iterator and slab lookups (`kernel/bpf/helpers.c` and
//! `kernel/bpf/kmem_cache_iter.c`, common set: every program type).

use crate::families;
use crate::structs::{IterKmemCache, KmemCache};
use kfreg::kfunc;

/// Starts iterating over the slab caches.
#[kfunc(family = families::iter_kmem_cache, iter_new, sleepable)]
pub unsafe extern "C" fn bpf_iter_kmem_cache_new(it: *mut IterKmemCache) -> i32 {
    0
}

/// The next slab cache, NULL at the end.
#[kfunc(family = families::iter_kmem_cache, iter_next, ret_null, sleepable)]
pub unsafe extern "C" fn bpf_iter_kmem_cache_next(it: *mut IterKmemCache) -> *mut KmemCache {
    std::ptr::null_mut()
}

/// Ends the slab cache iteration.
#[kfunc(family = families::iter_kmem_cache, iter_destroy, sleepable)]
pub unsafe extern "C" fn bpf_iter_kmem_cache_destroy(it: *mut IterKmemCache) {}

/// The slab cache the object at `addr` belongs to, as an untrusted pointer (NULL if none).
#[kfunc(ret = untrusted, prog_types = any)]
pub unsafe extern "C" fn bpf_get_kmem_cache(addr: u64) -> *mut KmemCache {
    std::ptr::null_mut()
}
