//! Kernel structs helper prototypes name that no kfunc does.

kfreg::kernel_struct! {
    /// `struct inode`.
    pub struct Inode = "inode";
    /// `struct linux_binprm`.
    pub struct LinuxBinprm = "linux_binprm";
    /// `struct mptcp_sock`.
    pub struct MptcpSock = "mptcp_sock";
    /// `struct pt_regs`.
    pub struct PtRegs = "pt_regs";
    /// `struct seq_file`.
    pub struct SeqFile = "seq_file";
    /// `struct sk_buff`.
    pub struct SkBuff = "sk_buff";
    /// `struct socket`.
    pub struct Socket = "socket";
    /// `struct tcp6_sock`.
    pub struct Tcp6Sock = "tcp6_sock";
    /// `struct tcp_request_sock`.
    pub struct TcpRequestSock = "tcp_request_sock";
    /// `struct tcp_timewait_sock`.
    pub struct TcpTimewaitSock = "tcp_timewait_sock";
    /// `struct udp6_sock`.
    pub struct Udp6Sock = "udp6_sock";
    /// `struct unix_sock`.
    pub struct UnixSock = "unix_sock";
    /// `struct xdp_buff`.
    pub struct XdpBuff = "xdp_buff";
}
