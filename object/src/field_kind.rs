//! The special fields a BTF-described value may hold (the kernel's
//! `enum btf_field_type`) and what the kernel knows of each kind: the struct
//! or type tag that makes one, its size and alignment. Both readers of
//! special fields (the map value's record in the loader, the program BTF's
//! struct metas in [`crate::btf`]) take these facts from here, so a kind's
//! size is written once.

/// The special fields BTF-described values may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldKind {
    /// `struct bpf_spin_lock`.
    SpinLock,
    /// `struct bpf_res_spin_lock`.
    ResSpinLock,
    /// `struct bpf_list_head`.
    ListHead,
    /// `struct bpf_list_node`.
    ListNode,
    /// `struct bpf_rb_root`.
    RbRoot,
    /// `struct bpf_rb_node`.
    RbNode,
    /// `struct bpf_refcount`.
    Refcount,
    /// `struct bpf_timer`.
    Timer,
    /// `struct bpf_wq`.
    Wq,
    /// `struct bpf_task_work`.
    TaskWork,
    /// A referenced kptr (`__kptr`).
    Kptr,
    /// An unreferenced kptr (`__kptr_untrusted`).
    KptrUntrusted,
    /// A referenced kptr to a per-CPU object (`__percpu_kptr`).
    KptrPercpu,
    /// A pointer to user memory pinned for the map (`__uptr`, task storage).
    Uptr,
}

impl FieldKind {
    /// The kinds a kernel struct makes (the others are tagged pointers).
    pub const STRUCTS: [FieldKind; 10] = [
        FieldKind::SpinLock,
        FieldKind::ResSpinLock,
        FieldKind::ListHead,
        FieldKind::ListNode,
        FieldKind::RbRoot,
        FieldKind::RbNode,
        FieldKind::Refcount,
        FieldKind::Timer,
        FieldKind::Wq,
        FieldKind::TaskWork,
    ];

    /// Whether a type with this field has a `btf_struct_meta` (the kernel's
    /// `btf_parse_struct_metas`: locks, graph fields, refcounts, kptrs).
    pub const fn in_struct_meta(self) -> bool {
        !matches!(
            self,
            FieldKind::Timer | FieldKind::Wq | FieldKind::TaskWork | FieldKind::Uptr
        )
    }

    /// The kernel struct name of the field (as in messages).
    pub const fn struct_name(self) -> &'static str {
        match self {
            FieldKind::SpinLock => "bpf_spin_lock",
            FieldKind::ResSpinLock => "bpf_res_spin_lock",
            FieldKind::ListHead => "bpf_list_head",
            FieldKind::ListNode => "bpf_list_node",
            FieldKind::RbRoot => "bpf_rb_root",
            FieldKind::RbNode => "bpf_rb_node",
            FieldKind::Refcount => "bpf_refcount",
            FieldKind::Timer => "bpf_timer",
            FieldKind::Wq => "bpf_wq",
            FieldKind::TaskWork => "bpf_task_work",
            FieldKind::Kptr => "kptr",
            FieldKind::KptrUntrusted => "kptr",
            FieldKind::KptrPercpu => "percpu_kptr",
            FieldKind::Uptr => "uptr",
        }
    }

    /// Whether the field holds a kernel pointer (any kptr flavour).
    pub const fn is_kptr(self) -> bool {
        matches!(
            self,
            FieldKind::Kptr | FieldKind::KptrUntrusted | FieldKind::KptrPercpu
        )
    }

    /// Whether a whole load may read the field: a kptr or a uptr.
    pub const fn is_loadable_pointer(self) -> bool {
        self.is_kptr() || matches!(self, FieldKind::Uptr)
    }

    /// The field's size in bytes (`btf_field_type_size`: the kernel's
    /// struct, or a pointer).
    pub const fn size(self) -> u32 {
        match self {
            FieldKind::SpinLock | FieldKind::ResSpinLock | FieldKind::Refcount => 4,
            FieldKind::Kptr
            | FieldKind::KptrUntrusted
            | FieldKind::KptrPercpu
            | FieldKind::Uptr
            | FieldKind::TaskWork => 8,
            FieldKind::ListHead | FieldKind::RbRoot | FieldKind::Timer | FieldKind::Wq => 16,
            FieldKind::ListNode => 24,
            FieldKind::RbNode => 32,
        }
    }

    /// The field's alignment (`btf_field_type_align`): a member at another
    /// place is no field at all.
    pub const fn align(self) -> u32 {
        match self {
            FieldKind::SpinLock | FieldKind::ResSpinLock | FieldKind::Refcount => 4,
            _ => 8,
        }
    }

    /// Whether an array may hold the field (`btf_repeat_fields`): a lock,
    /// node, refcount, timer or work item has one place in a value.
    pub const fn repeatable(self) -> bool {
        self.is_loadable_pointer() || matches!(self, FieldKind::ListHead | FieldKind::RbRoot)
    }

    /// Whether one struct level may hold only one field of the kind
    /// (`field_mask_test_name_check_seen`): locks, timers and work items.
    pub const fn one_per_struct(self) -> bool {
        matches!(
            self,
            FieldKind::SpinLock
                | FieldKind::ResSpinLock
                | FieldKind::Timer
                | FieldKind::Wq
                | FieldKind::TaskWork
        )
    }

    /// Whether the field is a graph node (an object in a list or tree).
    pub const fn is_node(self) -> bool {
        matches!(self, FieldKind::ListNode | FieldKind::RbNode)
    }

    /// The kind a member whose type is the struct named `name` is
    /// (`btf_get_field_type`), before its size and place are checked.
    pub fn of_struct(name: &str) -> Option<FieldKind> {
        FieldKind::STRUCTS
            .into_iter()
            .find(|k| k.struct_name() == name)
    }

    /// The kind a pointer whose pointee carries the type tag `tag` is
    /// (`btf_find_kptr`).
    pub fn of_type_tag(tag: &str) -> Option<FieldKind> {
        Some(match tag {
            "kptr" => FieldKind::Kptr,
            "kptr_untrusted" => FieldKind::KptrUntrusted,
            "percpu_kptr" => FieldKind::KptrPercpu,
            "uptr" => FieldKind::Uptr,
            _ => return None,
        })
    }
}
