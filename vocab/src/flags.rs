//! Call-level kfunc properties.
//!
//! The low 16 bits are the kernel's `KF_*` flags with the kernel's values, so a
//! set can be printed as a `BTF_ID_FLAGS` line. The bits above are properties
//! the 6.18 kernel expresses by comparing a kfunc's id against its special
//! list; kfreg declares them instead.

macro_rules! flags {
    ($($(#[doc = $doc:literal])* $konst:ident = $bit:literal, $dsl:literal, $kernel:expr;)*) => {
        /// A set of call-level kfunc properties.
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
        pub struct Flags(u64);

        impl Flags {
            $($(#[doc = $doc])* pub const $konst: Flags = Flags(1 << $bit);)*

            /// Every flag: its value, its DSL name and its kernel `KF_*` name (if the kernel has one).
            pub const ALL: &'static [(Flags, &'static str, Option<&'static str>)] =
                &[$((Flags::$konst, $dsl, $kernel)),*];
        }
    };
}

flags! {
    /// `KF_ACQUIRE`: returns a new reference the program must release.
    ACQUIRE = 0, "acquire", Some("KF_ACQUIRE");
    /// `KF_RELEASE`: consumes the reference passed in (implies trusted arguments).
    RELEASE = 1, "release", Some("KF_RELEASE");
    /// `KF_RET_NULL`: the returned pointer may be NULL.
    RET_NULL = 2, "ret_null", Some("KF_RET_NULL");
    /// `KF_TRUSTED_ARGS`: pointer arguments must be trusted or referenced.
    TRUSTED_ARGS = 4, "trusted_args", Some("KF_TRUSTED_ARGS");
    /// `KF_SLEEPABLE`: may sleep; only in sleepable programs, outside RCU/preempt/IRQ regions.
    SLEEPABLE = 5, "sleepable", Some("KF_SLEEPABLE");
    /// `KF_DESTRUCTIVE`: needs `CAP_SYS_BOOT`.
    DESTRUCTIVE = 6, "destructive", Some("KF_DESTRUCTIVE");
    /// `KF_RCU`: pointer arguments may be RCU-protected as well as trusted.
    RCU = 7, "rcu", Some("KF_RCU");
    /// `KF_ITER_NEW`: open-coded iterator constructor.
    ITER_NEW = 8, "iter_new", Some("KF_ITER_NEW");
    /// `KF_ITER_NEXT`: open-coded iterator step; NULL when exhausted.
    ITER_NEXT = 9, "iter_next", Some("KF_ITER_NEXT");
    /// `KF_ITER_DESTROY`: open-coded iterator destructor.
    ITER_DESTROY = 10, "iter_destroy", Some("KF_ITER_DESTROY");
    /// `KF_RCU_PROTECTED`: must be called inside an RCU read section; results are RCU-protected.
    RCU_PROTECTED = 11, "rcu_protected", Some("KF_RCU_PROTECTED");
    /// `KF_FASTCALL`: follows the no-clobber fastcall convention.
    FASTCALL = 12, "fastcall", Some("KF_FASTCALL");
    /// `KF_ARENA_RET`: returns an arena pointer.
    ARENA_RET = 13, "arena_ret", Some("KF_ARENA_RET");
    /// `KF_ARENA_ARG1`: the first argument is an arena pointer.
    ARENA_ARG1 = 14, "arena_arg1", Some("KF_ARENA_ARG1");
    /// `KF_ARENA_ARG2`: the second argument is an arena pointer.
    ARENA_ARG2 = 15, "arena_arg2", Some("KF_ARENA_ARG2");
    /// May be called while a spin lock is held (all other kfuncs are refused then).
    LOCK_SAFE = 16, "lock_safe", None;
    /// `ret_null` holds only when the refcounted argument is a non-owning reference.
    NULL_UNLESS_OWNING = 17, "null_unless_owning", None;
    /// Invalidates packet pointers (the program's packet data may move).
    PKT_CHANGING = 18, "pkt_changing", None;
    /// Ends the current path with an exception (`bpf_throw`).
    THROWS = 19, "throws", None;
    /// Never callable: any call is refused (a trap planted by the compiler).
    TRAP = 20, "trap", None;
    /// Enters the explicit RCU read section.
    RCU_LOCK = 21, "rcu_lock", None;
    /// Leaves the explicit RCU read section.
    RCU_UNLOCK = 22, "rcu_unlock", None;
    /// Disables preemption (nesting counter).
    PREEMPT_DISABLE = 23, "preempt_disable", None;
    /// Re-enables preemption.
    PREEMPT_ENABLE = 24, "preempt_enable", None;
    /// Saves IRQ state into its `irq_flag` argument and disables IRQs.
    IRQ_SAVE = 25, "irq_save", None;
    /// Restores IRQ state from its `irq_flag` argument.
    IRQ_RESTORE = 26, "irq_restore", None;
    /// Takes the lock passed as its `res_spin_lock` argument.
    LOCK = 27, "lock", None;
    /// Releases the lock passed as its `res_spin_lock` argument; non-owning references die.
    UNLOCK = 28, "unlock", None;
    /// Returns 0 on success or a negative errno; on failure no effect happens.
    FALLIBLE = 29, "fallible", None;
    /// Refused inside a synchronous callback of a lock-requiring family (the rbtree `less`).
    NOT_IN_LOCKED_CB = 30, "not_in_locked_cb", None;
    /// Callable only where the program may sleep or is known to run in process
    /// context: sleepable programs, LSM hooks and BPF iterators.
    PROCESS_CONTEXT = 31, "process_context", None;
    /// Only in device-bound XDP programs (XDP metadata); refused when the
    /// program is loaded, reachable or not.
    DEVICE_BOUND = 32, "device_bound", None;
    /// Refused by the target kernel's build once its arguments are checked
    /// (`NAME() is not allowed`, EPERM), although the kernel still declares it.
    REFUSED = 33, "refused", None;
}

impl Flags {
    /// No flag.
    pub const EMPTY: Flags = Flags(0);
    /// The mask of the bits that are kernel `KF_*` flags.
    pub const KERNEL_MASK: u64 = 0xffff;

    /// The union of two sets.
    pub const fn union(self, other: Flags) -> Flags {
        Flags(self.0 | other.0)
    }

    /// Whether every flag of `other` is set.
    pub const fn contains(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether any flag of `other` is set.
    pub const fn intersects(self, other: Flags) -> bool {
        self.0 & other.0 != 0
    }

    /// The raw bits.
    pub const fn bits(self) -> u64 {
        self.0
    }

    /// How many flags are set.
    pub const fn count(self) -> u32 {
        self.0.count_ones()
    }

    /// The kernel's `KF_*` names of the kernel flags set, in bit order.
    pub fn kernel_names(self) -> Vec<&'static str> {
        Flags::ALL
            .iter()
            .filter(|(f, _, k)| k.is_some() && self.contains(*f))
            .filter_map(|(_, _, k)| *k)
            .collect()
    }

    /// The DSL names of the flags set, in bit order.
    pub fn names(self) -> Vec<&'static str> {
        Flags::ALL
            .iter()
            .filter(|(f, _, _)| self.contains(*f))
            .map(|(_, n, _)| *n)
            .collect()
    }

    /// The flag with DSL name `name`.
    pub fn from_name(name: &str) -> Option<Flags> {
        Flags::ALL
            .iter()
            .find(|(_, n, _)| *n == name)
            .map(|(f, _, _)| *f)
    }
}
