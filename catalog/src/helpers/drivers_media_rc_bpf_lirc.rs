//! Helper prototypes defined in the kernel's `drivers/media/rc/bpf-lirc.c`.

use kfreg::helper;
use kfreg::helper::*;

/// This helper is used in programs implementing IR decoding, to report a successfully decoded repeat key message.
#[helper(id = 77, gpl_only, prog_types = [lirc_mode2])]
pub fn bpf_rc_repeat(ctx: Ctx) -> Integer;

/// This helper is used in programs implementing IR decoding, to report a successfully decoded key press with `scancode`, `toggle` value in the given `protocol`.
#[helper(id = 78, gpl_only, prog_types = [lirc_mode2])]
pub fn bpf_rc_keydown(
    ctx: Ctx,
    protocol: Anything,
    scancode: Anything,
    toggle: Anything,
) -> Integer;

/// This helper is used in programs implementing IR decoding, to report a successfully decoded pointer movement.
#[helper(id = 92, gpl_only, prog_types = [lirc_mode2])]
pub fn bpf_rc_pointer_rel(ctx: Ctx, rel_x: Anything, rel_y: Anything) -> Integer;
