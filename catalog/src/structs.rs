//! Kernel structs that kfunc signatures point to.
//!
//! Plain structs are kernel objects (`btf_id` arguments); `iter` structs are
//! open-coded iterator states whose sizes come from this kernel's BTF; `ctx`
//! structs are program contexts.

kfreg::kernel_struct! {
    /// `struct task_struct`: a task.
    pub struct TaskStruct = "task_struct";
    /// `struct cgroup`: a cgroup.
    pub struct Cgroup = "cgroup";
    /// `struct cgroup_subsys_state`: a cgroup's per-subsystem state.
    pub struct CgroupSubsysState = "cgroup_subsys_state";
    /// `struct vm_area_struct`: a virtual memory area.
    pub struct VmAreaStruct = "vm_area_struct";
    /// `struct bpf_cpumask`: a BPF-allocated, refcounted CPU mask.
    pub struct BpfCpumask = "bpf_cpumask";
    /// `struct cpumask`: a kernel CPU mask.
    pub struct Cpumask = "cpumask";
    /// `struct bpf_crypto_ctx`: a BPF crypto context.
    pub struct BpfCryptoCtx = "bpf_crypto_ctx";
    /// `struct bpf_crypto_params`: parameters of a crypto context (408 bytes, passed as memory).
    pub struct BpfCryptoParams = "bpf_crypto_params";
    /// `struct nf_conn`: an inserted conntrack entry.
    pub struct NfConn = "nf_conn";
    /// `struct nf_conn___init`: a conntrack entry allocated but not yet inserted.
    pub struct NfConnInit = "nf_conn___init";
    /// `struct bpf_sock_tuple`: a socket 4-tuple (36 bytes, passed as memory).
    pub struct BpfSockTuple = "bpf_sock_tuple";
    /// `struct bpf_ct_opts`: conntrack lookup options (16 bytes, passed as memory).
    pub struct BpfCtOpts = "bpf_ct_opts";
    /// `struct xfrm_state`: an IPsec security association.
    pub struct XfrmState = "xfrm_state";
    /// `struct bpf_xfrm_state_opts`: xfrm state lookup options (36 bytes, passed as memory).
    pub struct BpfXfrmStateOpts = "bpf_xfrm_state_opts";
    /// `struct dentry`: a directory entry.
    pub struct Dentry = "dentry";
    /// `struct file`: an open file.
    pub struct File = "file";
    /// `struct path`: a mount and dentry pair.
    pub struct Path = "path";
    /// `struct kmem_cache`: a slab cache.
    pub struct KmemCache = "kmem_cache";
    /// `struct dma_buf`: a DMA buffer.
    pub struct DmaBuf = "dma_buf";
    /// `struct bpf_key`: a key handle for signature verification.
    pub struct BpfKey = "bpf_key";
    /// `struct bpf_map`: a BPF map.
    pub struct BpfMap = "bpf_map";
    /// `struct sock`: a socket.
    pub struct Sock = "sock";
    /// `struct sock_common`: the common head of sockets.
    pub struct SockCommon = "sock_common";
    /// `struct tcp_sock`: a TCP socket.
    pub struct TcpSock = "tcp_sock";
    /// `struct rate_sample`: a TCP delivery rate sample.
    pub struct RateSample = "rate_sample";
    /// `struct ack_sample`: a TCP ACK sample.
    pub struct AckSample = "ack_sample";
    /// `struct bpf_sock_addr_kern`: the kernel context of cgroup sock_addr programs.
    pub struct BpfSockAddrKern = "bpf_sock_addr_kern";
    /// `struct bpf_sock_ops_kern`: the kernel context of sock_ops programs.
    pub struct BpfSockOpsKern = "bpf_sock_ops_kern";
    /// `struct bpf_tcp_req_attrs`: attributes of a TCP request socket (20 bytes, passed as memory).
    pub struct BpfTcpReqAttrs = "bpf_tcp_req_attrs";
    /// `struct prog_test_ref_kfunc`: a test object of the BPF test runner.
    pub struct ProgTestRefKfunc = "prog_test_ref_kfunc";
    /// `struct prog_test_member`: a test object member of the BPF test runner.
    pub struct ProgTestMember = "prog_test_member";

    /// `struct __sk_buff`: the context of socket-buffer programs.
    pub struct SkBuff = "__sk_buff", ctx;
    /// `struct xdp_md`: the context of XDP programs.
    pub struct XdpMd = "xdp_md", ctx;

    /// `struct bpf_iter_num`: numeric iterator state.
    pub struct IterNum = "bpf_iter_num", iter, size = 8;
    /// `struct bpf_iter_bits`: bit iterator state.
    pub struct IterBits = "bpf_iter_bits", iter, size = 16;
    /// `struct bpf_iter_task`: task iterator state.
    pub struct IterTask = "bpf_iter_task", iter, size = 24;
    /// `struct bpf_iter_task_vma`: VMA iterator state.
    pub struct IterTaskVma = "bpf_iter_task_vma", iter, size = 8;
    /// `struct bpf_iter_css`: cgroup subsystem state iterator state.
    pub struct IterCss = "bpf_iter_css", iter, size = 24;
    /// `struct bpf_iter_css_task`: iterator state over a css's tasks.
    pub struct IterCssTask = "bpf_iter_css_task", iter, size = 8;
    /// `struct bpf_iter_kmem_cache`: slab cache iterator state.
    pub struct IterKmemCache = "bpf_iter_kmem_cache", iter, size = 8;
    /// `struct bpf_iter_dmabuf`: DMA buffer iterator state.
    pub struct IterDmabuf = "bpf_iter_dmabuf", iter, size = 8;
}

kfreg::kernel_union! {
    /// `union nf_inet_addr`: an IPv4/IPv6 address.
    pub union NfInetAddr = "nf_inet_addr";
}

kfreg::kernel_enum! {
    /// `enum pid_type`: which ids a signal targets.
    pub enum PidType = "pid_type";
    /// `enum tcp_ca_event`: congestion-control events.
    pub enum TcpCaEvent = "tcp_ca_event";
    /// `enum nf_nat_manip_type`: source or destination NAT.
    pub enum NfNatManipType = "nf_nat_manip_type";
    /// `enum xdp_rss_hash_type`: what a receive hash covers.
    pub enum XdpRssHashType = "xdp_rss_hash_type";
}
