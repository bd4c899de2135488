//! Kernel structs kfunc signatures point to.

kfreg::kernel_struct! {
    /// `struct task_struct`.
    pub struct TaskStruct = "task_struct";
    /// `struct bpf_iter_num`: numeric iterator state.
    pub struct IterNum = "bpf_iter_num", iter, size = 8;
    /// `struct __sk_buff`: the tc program context.
    pub struct SkBuffCtx = "__sk_buff", ctx;
}
