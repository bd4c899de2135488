//! The abstract machine state: registers, stack, references, locks and
//! regions, per call frame.

use crate::scalar::Scalar;

/// What a register holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RegType {
    /// Never written.
    NotInit,
    /// A number.
    Scalar,
    /// The program context.
    Ctx,
    /// A frame's stack; `aux` is the frame number.
    Stack,
    /// A map value; `aux` is the map index.
    MapValue,
    /// A map key; `aux` is the map index.
    MapKey,
    /// A map itself; `aux` is the map index.
    ConstMap,
    /// Memory of `aux` bytes.
    Mem,
    /// Packet data; `aux` is the verified range in bytes.
    Packet,
    /// Packet metadata; `aux` is the verified range in bytes.
    PacketMeta,
    /// One past the packet data.
    PacketEnd,
    /// A kernel (or program-BTF) object; `aux` is its BTF type id.
    BtfId,
    /// A subprogram; `aux` is its index.
    Func,
    /// A read-only dynptr given to a callback.
    ConstDynptr,
    /// A socket (`struct bpf_sock`) read from the context.
    Sock,
    /// A full socket (`struct bpf_sock`), as socket lookups return it.
    Socket,
    /// A TCP socket (`struct bpf_tcp_sock`).
    TcpSock,
    /// An AF_XDP socket (`struct bpf_xdp_sock`), as an XSKMAP lookup
    /// returns it; `aux` is the map index.
    XdpSock,
    /// A buffer an iterator target hands its program (`PTR_TO_BUF`: a map
    /// element's key or value), sized only when the program is attached.
    Buf,
    /// A writable raw tracepoint's buffer (`PTR_TO_TP_BUFFER`), sized only
    /// when the program is attached.
    TpBuffer,
}

impl RegType {
    /// A pointer into the packet, its metadata, or its end (the kernel's
    /// `reg_is_pkt_pointer_any`).
    pub const fn is_packet_any(self) -> bool {
        matches!(
            self,
            RegType::Packet | RegType::PacketMeta | RegType::PacketEnd
        )
    }

    /// A register of this type is saved whole when stored to the stack
    /// (the kernel's `is_spillable_regtype`; a tracepoint buffer or a
    /// callback's dynptr pointer is stored as data, and reads back as a
    /// number).
    pub const fn is_spillable(self) -> bool {
        !matches!(
            self,
            RegType::NotInit | RegType::TpBuffer | RegType::ConstDynptr
        )
    }

    /// One of the socket pointers (the kernel's `reg2btf_ids` types, whose
    /// kernel name is their struct's).
    pub const fn is_socket(self) -> bool {
        matches!(
            self,
            RegType::Sock | RegType::Socket | RegType::TcpSock | RegType::XdpSock
        )
    }

    /// The kernel's name for the type, as in verifier messages.
    pub const fn kernel_name(self) -> &'static str {
        match self {
            RegType::NotInit => "?",
            RegType::Scalar => "scalar",
            RegType::Ctx => "ctx",
            RegType::Stack => "fp",
            RegType::MapValue => "map_value",
            RegType::MapKey => "map_key",
            RegType::ConstMap => "map_ptr",
            RegType::Mem => "mem",
            RegType::Packet => "pkt",
            RegType::PacketMeta => "pkt_meta",
            RegType::PacketEnd => "pkt_end",
            RegType::BtfId => "ptr_",
            RegType::Func => "func",
            RegType::ConstDynptr => "dynptr_ptr",
            RegType::Sock => "sock_common",
            RegType::Socket => "sock",
            RegType::TcpSock => "tcp_sock",
            RegType::XdpSock => "xdp_sock",
            RegType::Buf => "buf",
            RegType::TpBuffer => "tp_buffer",
        }
    }
}

macro_rules! ptr_flags {
    ($($(#[doc = $doc:literal])* $name:ident = $bit:literal, $text:literal;)*) => {
        /// Pointer type modifiers (the kernel's `PTR_MAYBE_NULL`, `MEM_ALLOC`, ...).
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
        pub struct PtrFlags(pub u16);

        impl PtrFlags {
            $($(#[doc = $doc])* pub const $name: PtrFlags = PtrFlags(1 << $bit);)*

            /// The kernel's log spelling of each flag, in print order.
            pub const TEXT: &'static [(PtrFlags, &'static str)] = &[$((PtrFlags::$name, $text)),*];
        }
    };
}

ptr_flags! {
    /// May be NULL until checked.
    MAYBE_NULL = 0, "_or_null";
    /// Read-only memory.
    RDONLY = 1, "rdonly_";
    /// Allocated by the program (`bpf_obj_new`).
    ALLOC = 2, "alloc_";
    /// Per-CPU allocation.
    PERCPU = 3, "percpu_";
    /// Protected by RCU.
    RCU = 4, "rcu_";
    /// Trusted pointer.
    TRUSTED = 5, "trusted_";
    /// Untrusted pointer (loads only, through probe reads).
    UNTRUSTED = 6, "untrusted_";
    /// A non-owning reference to a graph element, valid until the lock is released.
    NON_OWN = 7, "non_own_";
    /// Pointer to the program-BTF type (not a kernel type).
    PROG_BTF = 8, "";
    /// Writable memory result of a kfunc (otherwise read-only for memory results).
    WRITABLE = 9, "";
    /// A slice of a packet dynptr: dies when packet data may move.
    PKT_SLICE = 10, "";
    /// A flow dissector's flow keys: only constant offsets may be added.
    FLOW_KEYS = 11, "";
    /// On an iterator's stack slots: its next call returned NULL, as every
    /// later one will.
    ITER_DRAINED = 12, "";
    /// A socket looked up in a sockmap or sockhash (its map in `aux`): the
    /// kernel's register keeps the map, so states compare it unequal to a
    /// socket a lookup helper returned.
    FROM_MAP = 13, "";
}

impl PtrFlags {
    /// No modifier.
    pub const NONE: PtrFlags = PtrFlags(0);

    /// Whether all of `f` is set.
    pub const fn has(self, f: PtrFlags) -> bool {
        self.0 & f.0 == f.0
    }

    /// With `f` added.
    pub const fn with(self, f: PtrFlags) -> PtrFlags {
        PtrFlags(self.0 | f.0)
    }

    /// With `f` removed.
    pub const fn without(self, f: PtrFlags) -> PtrFlags {
        PtrFlags(self.0 & !f.0)
    }
}

/// One register. Equality ignores [`Reg::precise`], a mark about how the
/// value is used rather than what it is.
#[derive(Clone, Copy, Debug)]
pub struct Reg {
    /// What it holds.
    pub ty: RegType,
    /// Pointer modifiers.
    pub flags: PtrFlags,
    /// Constant pointer offset.
    pub off: i32,
    /// For scalars the value; for pointers the variable offset.
    pub var: Scalar,
    /// Links copies for NULL checks and bound propagation (0 = none).
    pub id: u32,
    /// The reference this pointer carries (0 = none).
    pub ref_obj_id: u32,
    /// Type-dependent: map index, BTF type id, memory size, packet range, subprog, frame.
    pub aux: u32,
    /// For map-related pointers, the map's uid (inner maps); for BtfId, the allocation's id.
    pub aux2: u32,
    /// A scalar whose exact value some later check relied on: a stored
    /// state only covers states whose value lies in its range.
    pub precise: bool,
    /// For a dynptr slice, the stack buffer the kfunc may have copied the
    /// data into instead of pointing at it (the slice's size long): a
    /// store over it changes what the slice reads, and kills the slice.
    pub buf: StackBuf,
}

/// A byte offset into one frame's stack, or none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct StackBuf(u16);

impl StackBuf {
    /// No buffer.
    pub const NONE: StackBuf = StackBuf(0);

    /// Offset `off` (in `-MAX_STACK..0`) of frame `frame`'s stack.
    pub fn new(frame: usize, off: i32) -> StackBuf {
        debug_assert!((-(crate::limits::MAX_STACK as i32)..0).contains(&off) && frame < 32);
        StackBuf((frame as u16) << 10 | (-off) as u16)
    }

    /// The frame and offset, unless none.
    pub fn get(self) -> Option<(usize, i32)> {
        (self.0 != 0).then(|| (usize::from(self.0 >> 10), -i32::from(self.0 & 0x3ff)))
    }
}

/// A scalar's `id` with this bit is a copy of the scalar of the id without
/// it plus the constant in its `off`, added in 64 bits (the kernel's
/// `BPF_ADD_CONST64`): a test on either teaches the other, shifted by the
/// constant.
pub const ADD_CONST64: u32 = 1 << 31;
/// The same, added in 32 bits (`BPF_ADD_CONST32`): the copy is the low 32
/// bits of the sum, zero-extended.
pub const ADD_CONST32: u32 = 1 << 30;
/// Either kind of link plus a constant.
pub const ADD_CONST: u32 = ADD_CONST64 | ADD_CONST32;

impl PartialEq for Reg {
    fn eq(&self, o: &Reg) -> bool {
        (self.ty, self.flags, self.off, self.var, self.id) == (o.ty, o.flags, o.off, o.var, o.id)
            && (self.ref_obj_id, self.aux, self.aux2, self.buf)
                == (o.ref_obj_id, o.aux, o.aux2, o.buf)
    }
}

impl Eq for Reg {}

impl std::hash::Hash for Reg {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        (self.ty, self.flags, self.off, self.var, self.id).hash(h);
        (self.ref_obj_id, self.aux, self.aux2, self.buf).hash(h);
    }
}

impl Reg {
    /// A packet pointer's verified range: bytes past its fixed offset known
    /// to be in the packet, or negative when a test put it at or beyond the
    /// packet's end (`branch::AT_PKT_END`, `branch::BEYOND_PKT_END`).
    pub fn packet_range(&self) -> i32 {
        self.aux as i32
    }

    /// An uninitialised register.
    pub const NOT_INIT: Reg = Reg {
        ty: RegType::NotInit,
        flags: PtrFlags::NONE,
        off: 0,
        var: Scalar::UNKNOWN,
        id: 0,
        ref_obj_id: 0,
        aux: 0,
        aux2: 0,
        precise: false,
        buf: StackBuf::NONE,
    };

    /// An unknown scalar.
    pub const UNKNOWN: Reg = Reg {
        ty: RegType::Scalar,
        ..Reg::NOT_INIT
    };

    /// A scalar with known value `v`.
    pub const fn constant(v: u64) -> Reg {
        Reg {
            var: Scalar::constant(v),
            ..Reg::UNKNOWN
        }
    }

    /// A scalar with the given bounds.
    pub const fn scalar(var: Scalar) -> Reg {
        Reg {
            var,
            ..Reg::UNKNOWN
        }
    }

    /// A pointer of type `ty` at offset 0.
    pub const fn ptr(ty: RegType, aux: u32) -> Reg {
        Reg {
            ty,
            var: Scalar::constant(0),
            aux,
            ..Reg::NOT_INIT
        }
    }

    /// Whether this is a pointer.
    pub const fn is_pointer(&self) -> bool {
        !matches!(self.ty, RegType::NotInit | RegType::Scalar)
    }

    /// Whether this is the NULL constant (or a scalar zero).
    pub fn is_null(&self) -> bool {
        self.ty == RegType::Scalar && self.var.as_const() == Some(0)
    }

    /// The allocation a map value or allocated object pointer points into,
    /// as the kernel identifies it for locks: the map and the pointer's id
    /// (each lookup result is its own element), or the object.
    pub fn allocation(&self) -> u64 {
        match self.ty {
            RegType::MapValue => (u64::from(self.aux) + 1) << 32 | u64::from(self.id),
            _ => 1 << 63 | u64::from(self.ref_obj_id.max(self.id)),
        }
    }

    /// Where an object of `nslots` stack slots (a dynptr, an iterator) that
    /// this points to lives: (frame, offset of its first slot), or the line
    /// the kernel's `stack_slot_obj_get_spi` logs when it cannot say (empty
    /// when it logs none: the slots lie outside the stack).
    pub fn stack_object(&self, kind: &str, nslots: i32) -> Result<(usize, i32), String> {
        let Some(var) = self.var.as_const() else {
            return Err(format!("{kind} has to be at a constant offset"));
        };
        let off = self.off as i64 + var as i64;
        if off % 8 != 0 || off > -8 * nslots as i64 {
            return Err(format!("cannot pass in {kind} at an offset={off}"));
        }
        if off < -(crate::limits::MAX_STACK as i64) {
            return Err(String::new());
        }
        Ok((self.aux as usize, off as i32))
    }

    /// The kernel's `btf_ptr_types` (check_reg_type): a kernel object
    /// pointer whose type modifiers, those in `ignored` aside, are none,
    /// `PTR_TRUSTED` or `MEM_RCU` alone.
    pub fn is_btf_ptr_type(&self, ignored: PtrFlags) -> bool {
        let mods = self.kernel_modifiers().without(ignored);
        self.ty == RegType::BtfId
            && [PtrFlags::NONE, PtrFlags::TRUSTED, PtrFlags::RCU].contains(&mods)
    }

    /// The modifiers that are part of the kernel's register type (kfreg's
    /// own bookkeeping flags left out).
    pub fn kernel_modifiers(&self) -> PtrFlags {
        const MODIFIERS: PtrFlags = PtrFlags::MAYBE_NULL
            .with(PtrFlags::RDONLY)
            .with(PtrFlags::ALLOC)
            .with(PtrFlags::PERCPU)
            .with(PtrFlags::RCU)
            .with(PtrFlags::TRUSTED)
            .with(PtrFlags::UNTRUSTED)
            .with(PtrFlags::NON_OWN);
        PtrFlags(self.flags.0 & MODIFIERS.0)
    }

    /// The kernel's `is_trusted_reg`: referenced; a socket or map pointer
    /// (reg2btf_ids) or a pointer marked trusted, allocated or non-owning,
    /// with no other type modifier.
    pub fn is_trusted(&self) -> bool {
        const TRUSTED: PtrFlags = PtrFlags::TRUSTED
            .with(PtrFlags::ALLOC)
            .with(PtrFlags::NON_OWN);
        const UNSAFE: PtrFlags = PtrFlags::MAYBE_NULL
            .with(PtrFlags::RDONLY)
            .with(PtrFlags::PERCPU)
            .with(PtrFlags::RCU)
            .with(PtrFlags::UNTRUSTED);
        self.ref_obj_id != 0
            || self.flags.0 & UNSAFE.0 == 0
                && (self.ty.is_socket()
                    || self.ty == RegType::ConstMap
                    || self.flags.0 & TRUSTED.0 != 0)
    }

    /// Whether this pointer may be NULL.
    pub const fn maybe_null(&self) -> bool {
        self.flags.has(PtrFlags::MAYBE_NULL)
    }

    /// Whether the variable offset is the constant 0.
    pub fn fixed_offset(&self) -> bool {
        self.var.as_const() == Some(0)
    }
}

/// R0..R5 as a register mask: the registers a call clobbers (R0 then
/// holds its result).
pub const CALLER_SAVED: u16 = 0b11_1111;

/// What a byte of the stack holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum SlotKind {
    /// Never written.
    #[default]
    Invalid,
    /// Some data.
    Misc,
    /// Known zero.
    Zero,
    /// Part of a spilled register.
    Spill,
    /// Part of a dynptr.
    Dynptr,
    /// Part of an iterator state.
    Iter,
    /// Saved IRQ flags.
    IrqFlag,
}

impl SlotKind {
    /// Part of a stack object (a dynptr, an iterator, saved IRQ flags),
    /// which a program may only hand to the kfuncs and helpers made for it.
    pub fn is_object(self) -> bool {
        matches!(self, SlotKind::Dynptr | SlotKind::Iter | SlotKind::IrqFlag)
    }
}

/// One 8-byte stack slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Slot {
    /// What each byte holds (index 0 is the lowest address).
    pub bytes: [SlotKind; 8],
    /// The spilled register, or the special object's descriptor register
    /// (dynptr, iterator, irq flag: `aux` holds its type, `ref_obj_id` its reference).
    pub reg: Reg,
}

impl Slot {
    /// An unwritten slot.
    pub const EMPTY: Slot = Slot {
        bytes: [SlotKind::Invalid; 8],
        reg: Reg::NOT_INIT,
    };

    /// Whether the slot holds a spilled register (a scalar may be spilled
    /// into the slot's low 1, 2 or 4 bytes only).
    pub fn is_spill(&self) -> bool {
        self.bytes[0] == SlotKind::Spill
    }

    /// How many low bytes the spilled register covers.
    pub fn spill_size(&self) -> usize {
        self.bytes
            .iter()
            .take_while(|b| **b == SlotKind::Spill)
            .count()
    }

    /// Forgets a spilled register: its bytes hold some data now.
    pub fn scrub_spill(&mut self) {
        if self.is_spill() {
            for b in &mut self.bytes {
                if *b != SlotKind::Invalid {
                    *b = SlotKind::Misc;
                }
            }
            self.reg = Reg::NOT_INIT;
        }
    }

    /// The kind of a special object occupying the slot, if any.
    pub fn special(&self) -> Option<SlotKind> {
        Some(self.bytes[0]).filter(|k| k.is_object())
    }
}

/// A frame's stack slots, from the frame pointer downwards: `stack[i]`
/// covers `[fp-8*(i+1), fp-8*i)`.
///
/// Copies of a state share them until one side writes: a state is copied
/// at every stored state and every branch, a stack of a few hundred bytes
/// is kilobytes of slots, and often neither copy writes it before it is
/// copied again or ends. Reads go through `Deref`; writes through
/// [`Stack::make_mut`], which copies a shared stack first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Stack(std::rc::Rc<Vec<Slot>>);

impl Stack {
    /// The slots, to write: copied first when another state shares them.
    pub fn make_mut(&mut self) -> &mut Vec<Slot> {
        std::rc::Rc::make_mut(&mut self.0)
    }

    /// Rewrites the slots `f` returns a new value for, copying a shared
    /// stack only when one differs (precision mark included) from the old.
    pub fn update(&mut self, mut f: impl FnMut(usize, &Slot) -> Option<Slot>) {
        for i in 0..self.0.len() {
            let old = &self.0[i];
            if let Some(s) = f(i, old).filter(|s| s != old || s.reg.precise != old.reg.precise) {
                self.make_mut()[i] = s;
            }
        }
    }
}

impl std::ops::Deref for Stack {
    type Target = [Slot];

    fn deref(&self) -> &[Slot] {
        &self.0
    }
}

/// One call frame.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Frame {
    /// R0..R10.
    pub regs: [Reg; 11],
    /// Its stack slots.
    pub stack: Stack,
    /// The subprogram this frame runs.
    pub subprog: u32,
    /// The instruction to return to (after the call), for frames > 0.
    pub callsite: u32,
    /// Set when the frame runs a callback of a kfunc or helper.
    pub in_callback: Option<CallbackFrame>,
    /// Rounds of a callback this frame has run at the call it is at (the
    /// kernel's `callback_depth`): a counted callback runs no more.
    pub cb_rounds: u32,
}

/// What a callback frame needs to know about the call that started it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CallbackFrame {
    /// Smallest allowed return value.
    pub ret_min: i64,
    /// Largest allowed return value.
    pub ret_max: i64,
    /// The callback runs under a lock of a lock-requiring family.
    pub locked: bool,
    /// The callback is asynchronous (a separate verification root).
    pub is_async: bool,
    /// The caller's register counting the rounds of a counted callback
    /// (`CallbackShape::count_arg`).
    pub count_arg: Option<u8>,
}

impl Frame {
    /// The bottom frame of a path: the program's, a global function's or
    /// an asynchronous callback's. No call entered it: each has the same
    /// call site (the kernel's BPF_MAIN_FUNC), so states of an async
    /// callback queued from two calls compare.
    pub fn root(subprog: u32) -> Frame {
        Frame::new(subprog, 0)
    }

    /// A fresh frame running `subprog`, entered by the call at `callsite`.
    pub fn new(subprog: u32, callsite: u32) -> Frame {
        let mut regs = [Reg::NOT_INIT; 11];
        regs[10] = Reg::ptr(RegType::Stack, 0);
        Frame {
            regs,
            stack: Stack::default(),
            subprog,
            callsite,
            in_callback: None,
            cb_rounds: 0,
        }
    }

    /// The slot covering stack offset `off` (negative, from the frame pointer).
    pub fn slot(&self, off: i32) -> Option<&Slot> {
        self.stack.get(slot_index(off))
    }

    /// The dynptr with a slot covering `off`: its identity and, unless a
    /// store broke the pair, its other slot's offset.
    pub fn dynptr_at(&self, off: i32) -> Option<(u32, Option<i32>)> {
        let s = self
            .slot(off)
            .filter(|s| s.special() == Some(SlotKind::Dynptr))?;
        let partner = [off - 8, off + 8].into_iter().find(|o| {
            self.slot(*o)
                .is_some_and(|p| p.special() == Some(SlotKind::Dynptr) && p.reg.id == s.reg.id)
        });
        Some((s.reg.id, partner))
    }

    /// The slot covering `off`, allocated on demand.
    pub fn slot_mut(&mut self, off: i32) -> &mut Slot {
        let i = slot_index(off);
        let stack = self.stack.make_mut();
        if stack.len() <= i {
            stack.resize(i + 1, Slot::EMPTY);
        }
        &mut stack[i]
    }

    /// Makes the frame's stack reach down to offset `off` (a read there
    /// grows it as a write does: `grow_stack_state`).
    pub fn reach(&mut self, off: i32) {
        if self.stack.len() <= slot_index(off) {
            self.slot_mut(off);
        }
    }

    /// Bytes of stack this frame uses, rounded to slots.
    pub fn depth(&self) -> u32 {
        self.stack.len() as u32 * 8
    }
}

/// The slot index of the (negative) stack offset `off`.
pub fn slot_index(off: i32) -> usize {
    ((-off - 1) / 8) as usize
}

/// What kind of resource a reference tracks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RefKind {
    /// A pointer that must be released.
    Ptr,
    /// A held lock.
    Lock,
    /// A held resilient lock (optionally IRQ-saving).
    ResLock {
        /// Taken with IRQs saved.
        irq: bool,
    },
    /// Saved IRQ flags; `class` is the family's IRQ class id.
    Irq {
        /// The IRQ class.
        class: u32,
    },
}

/// An acquired resource.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RefState {
    /// Its id.
    pub id: u32,
    /// The instruction that acquired it.
    pub insn: u32,
    /// What it is.
    pub kind: RefKind,
    /// For locks: the allocation it lives in ([`Reg::allocation`]) ...
    pub ptr: u64,
    /// ... and the offset of the lock field.
    pub off: i32,
}

/// The whole abstract state at one instruction.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct State {
    /// Call frames, outermost first.
    pub frames: Vec<Frame>,
    /// Acquired references, locks and IRQ saves, in acquisition order.
    pub refs: Vec<RefState>,
    /// Inside an explicit RCU read section.
    pub rcu: bool,
    /// Running where it may sleep (the kernel's `in_sleepable`): a
    /// sleepable program's own paths and any workqueue or task work
    /// callback; never a timer callback, whatever armed it.
    pub sleepable: bool,
    /// Preemption-disable nesting.
    pub preempt: u32,
    /// Speculative branch depth for may_goto/iterator loops.
    pub loop_depth: u32,
    /// Instruction the state is at.
    pub insn: u32,
}

impl State {
    /// The innermost frame.
    pub fn cur(&self) -> &Frame {
        self.frames.last().expect("a state always has a frame")
    }

    /// The innermost frame, mutably.
    pub fn cur_mut(&mut self) -> &mut Frame {
        self.frames.last_mut().expect("a state always has a frame")
    }

    /// Register `r` of the innermost frame.
    pub fn reg(&self, r: u8) -> &Reg {
        &self.cur().regs[r as usize]
    }

    /// Register `r` of the innermost frame, mutably.
    pub fn reg_mut(&mut self, r: u8) -> &mut Reg {
        &mut self.cur_mut().regs[r as usize]
    }

    /// Drops the held reference `id` (a pointer's or saved IRQ flags', never
    /// a lock: a lock is known by the id of the pointer it was taken
    /// through, which other locks may share); whether it was held.
    pub fn drop_ref(&mut self, id: u32) -> bool {
        let before = self.refs.len();
        self.refs
            .retain(|r| r.id != id || matches!(r.kind, RefKind::Lock | RefKind::ResLock { .. }));
        self.refs.len() != before
    }

    /// Locks currently held (plain and resilient).
    pub fn locks(&self) -> impl Iterator<Item = &RefState> {
        self.refs
            .iter()
            .filter(|r| matches!(r.kind, RefKind::Lock | RefKind::ResLock { .. }))
    }

    /// Whether a callback runs that its caller's lock protects (the
    /// `less` of bpf_rbtree_add): it may not take or drop locks itself.
    pub fn in_locked_callback(&self) -> bool {
        self.frames
            .iter()
            .any(|f| f.in_callback.is_some_and(|c| c.locked))
    }

    /// Whether any lock is held.
    pub fn holds_lock(&self) -> bool {
        self.locks().next().is_some()
    }

    /// Whether IRQs are disabled by a save.
    pub fn irq_disabled(&self) -> bool {
        self.refs
            .iter()
            .any(|r| matches!(r.kind, RefKind::Irq { .. }))
    }

    /// Every stack slot of every frame.
    pub fn for_each_slot(&mut self, mut f: impl FnMut(&mut Slot)) {
        for frame in &mut self.frames {
            frame.stack.update(|_, s| {
                let mut new = *s;
                f(&mut new);
                Some(new)
            });
        }
    }

    /// Gathers into `set` the scalars that are copies of the scalar `id`
    /// names: live registers (`live` gives each frame's mask) and spilled
    /// slots of every frame, frames from the running one out, registers
    /// before slots (the kernel's `collect_linked_regs`). A copy that finds
    /// the set full loses its link, id and delta, so the comparison teaches
    /// it nothing.
    pub fn collect_linked(&mut self, id: u32, live: impl Fn(usize) -> u16, set: &mut Linked) {
        let base = id & !ADD_CONST;
        if base == 0 {
            return;
        }
        let mut gather = |r: &mut Reg, at: LinkedAt| {
            if r.ty != RegType::Scalar || r.id & !ADD_CONST != base || set.push(at) {
                return false;
            }
            r.id = 0;
            r.off = 0;
            true
        };
        for (i, frame) in self.frames.iter_mut().enumerate().rev() {
            let mask = live(i);
            for (reg, r) in frame.regs[..10].iter_mut().enumerate() {
                if mask & 1 << reg != 0 {
                    let at = LinkedAt::Reg {
                        frame: i as u8,
                        reg: reg as u8,
                    };
                    gather(r, at);
                }
            }
            frame.stack.update(|spi, s| {
                let mut new = *s;
                let at = LinkedAt::Slot {
                    frame: i as u8,
                    spi: spi.min(255) as u8,
                };
                (s.is_spill() && gather(&mut new.reg, at)).then_some(new)
            });
        }
    }

    /// Every register in every frame, including spilled ones.
    pub fn for_each_reg(&mut self, mut f: impl FnMut(&mut Reg)) {
        for frame in &mut self.frames {
            for r in &mut frame.regs {
                f(r);
            }
            frame.stack.update(|_, s| {
                if !s.is_spill() {
                    return None;
                }
                let mut new = *s;
                f(&mut new.reg);
                Some(new)
            });
        }
    }
}

/// Where a linked scalar is: a register or a spilled slot of a frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkedAt {
    /// Register `reg` of frame `frame`.
    Reg {
        /// The frame.
        frame: u8,
        /// The register.
        reg: u8,
    },
    /// Stack slot `spi` of frame `frame`.
    Slot {
        /// The frame.
        frame: u8,
        /// The slot index.
        spi: u8,
    },
}

/// The scalars a comparison found linked to its operands, at most
/// [`Linked::MAX`], packed into one word as the kernel packs them for its
/// jump history (three bits of count, then ten bits per place: frame, kind,
/// register or slot).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Linked(u64);

impl Linked {
    /// The kernel's `LINKED_REGS_MAX`.
    pub const MAX: usize = 6;

    /// How many places it holds.
    pub fn count(self) -> usize {
        (self.0 & 7) as usize
    }

    /// Adds `at`; false when the set is full (or the place cannot be
    /// named: a frame or slot past what the packing holds).
    pub fn push(&mut self, at: LinkedAt) -> bool {
        let n = self.count();
        let (frame, kind, no) = match at {
            LinkedAt::Reg { frame, reg } => (frame, 1, reg),
            LinkedAt::Slot { frame, spi } => (frame, 0, spi),
        };
        if n == Self::MAX || frame > 7 || no > 63 {
            return false;
        }
        let e = u64::from(frame) | kind << 3 | u64::from(no) << 4;
        self.0 = (self.0 & !7) | (n as u64 + 1) | e << (3 + 10 * n);
        true
    }

    /// The places, in the order they were added.
    pub fn iter(self) -> impl Iterator<Item = LinkedAt> {
        (0..self.count()).map(move |i| {
            let e = self.0 >> (3 + 10 * i);
            let (frame, no) = ((e & 7) as u8, (e >> 4 & 63) as u8);
            if e & 8 != 0 {
                LinkedAt::Reg { frame, reg: no }
            } else {
                LinkedAt::Slot { frame, spi: no }
            }
        })
    }
}

/// A dynptr kind as a register's or slot's `aux` holds it: numbered from one
/// in `DynptrInit` order, 0 for a kind not known.
pub fn dynptr_number(kind: kfreg::DynptrInit) -> u32 {
    kind as u32 + 1
}

/// The kind `aux` stands for (see [`dynptr_number`]).
pub fn dynptr_kind(aux: u32) -> Option<kfreg::DynptrInit> {
    aux.checked_sub(1)
        .and_then(|n| kfreg::DynptrInit::ALL.get(n as usize).copied())
}
