//! Helper prototypes defined in the kernel's `include/uapi/linux/bpf.h`.

use kfreg::helper;

/// `BPF_FUNC_unspec`: no program type of the recorded kernel gets it.
#[helper(id = 0, prog_types = [])]
pub fn bpf_unspec();

/// `BPF_FUNC_override_return`: no program type of the recorded kernel gets it.
#[helper(id = 58, prog_types = [])]
pub fn bpf_override_return();

/// `BPF_FUNC_lwt_seg6_store_bytes`: no program type of the recorded kernel gets it.
#[helper(id = 74, prog_types = [])]
pub fn bpf_lwt_seg6_store_bytes();

/// `BPF_FUNC_lwt_seg6_adjust_srh`: no program type of the recorded kernel gets it.
#[helper(id = 75, prog_types = [])]
pub fn bpf_lwt_seg6_adjust_srh();

/// `BPF_FUNC_lwt_seg6_action`: no program type of the recorded kernel gets it.
#[helper(id = 76, prog_types = [])]
pub fn bpf_lwt_seg6_action();
