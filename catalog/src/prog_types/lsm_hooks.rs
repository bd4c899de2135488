//! The BPF LSM hooks of Linux 6.18 whose rules are not the default ones
//! (`kernel/bpf/bpf_lsm.c`): those that run sleepable programs
//! (`sleepable_lsm_hooks`), pass untrusted arguments (`untrusted_lsm_hooks`),
//! take no program (`bpf_lsm_disabled_hooks`), want 0 or 1 back
//! (`bool_lsm_hooks`) or let cgroup programs set and get socket options
//! (`bpf_lsm_locked_sockopt_hooks`, `bpf_lsm_unlocked_sockopt_hooks`).
//!
//! The sleepable list is 6.12's as its stable updates leave it (without
//! `task_to_inode` and `inet_conn_established`, which run in atomic
//! context), with the two `removexattr` hooks later kernels added and
//! without the `getsecid` hooks they renamed away. A hook both sleepable and
//! disabled (`inode_need_killpriv`) is disabled: the kernel refuses it
//! either way.

use kfreg::lsm_hook;

/// Its programs return 0 or 1.
#[lsm_hook(ret = [0, 1])]
pub struct audit_rule_known;

/// No program attaches.
#[lsm_hook(disabled)]
pub struct audit_rule_match;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct bpf;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct bpf_map;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct bpf_map_create;

/// Sleepable programs may attach. Its arguments are not trusted.
#[lsm_hook(sleepable, untrusted)]
pub struct bpf_map_free;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct bpf_prog;

/// Its arguments are not trusted.
#[lsm_hook(untrusted)]
pub struct bpf_prog_free;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct bpf_prog_load;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct bpf_token_capable;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct bpf_token_cmd;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct bpf_token_create;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct bpf_token_free;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct bprm_check_security;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct bprm_committed_creds;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct bprm_committing_creds;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct bprm_creds_for_exec;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct bprm_creds_from_file;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct capget;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct capset;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct cred_prepare;

/// Its arguments are not trusted.
#[lsm_hook(untrusted)]
pub struct file_alloc_security;

/// Its arguments are not trusted.
#[lsm_hook(untrusted)]
pub struct file_free_security;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct file_ioctl;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct file_lock;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct file_open;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct file_post_open;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct file_receive;

/// No program attaches.
#[lsm_hook(disabled)]
pub struct getprocattr;

/// No program attaches.
#[lsm_hook(disabled)]
pub struct getselfattr;

/// Its cgroup programs may set and get socket options (the socket is
/// locked).
#[lsm_hook(sockopt)]
pub struct inet_conn_established;

/// Its cgroup programs may set and get socket options (the socket is
/// locked).
#[lsm_hook(sockopt)]
pub struct inet_csk_clone;

/// No program attaches.
#[lsm_hook(disabled)]
pub struct inode_copy_up_xattr;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct inode_create;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct inode_free_security;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct inode_getattr;

/// No program attaches.
#[lsm_hook(disabled)]
pub struct inode_getsecurity;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct inode_getxattr;

/// No program attaches.
#[lsm_hook(disabled)]
pub struct inode_listsecurity;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct inode_mknod;

/// No program attaches.
#[lsm_hook(disabled)]
pub struct inode_need_killpriv;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct inode_post_removexattr;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct inode_post_setxattr;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct inode_readlink;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct inode_removexattr;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct inode_rename;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct inode_rmdir;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct inode_setattr;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct inode_setxattr;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct inode_symlink;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct inode_unlink;

/// Its programs return 0 or 1.
#[lsm_hook(ret = [0, 1])]
pub struct inode_xattr_skipcap;

/// No program attaches.
#[lsm_hook(disabled)]
pub struct ismaclabel;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct kernel_module_request;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct kernel_read_file;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct kernfs_init_security;

/// No program attaches.
#[lsm_hook(disabled)]
pub struct key_getsecurity;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct mmap_file;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct netlink_send;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct path_chmod;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct path_chown;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct path_link;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct path_mkdir;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct path_notify;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct path_rename;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct path_rmdir;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct path_symlink;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct path_truncate;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct path_unlink;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct release_secctx;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct sb_alloc_security;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct sb_eat_lsm_opts;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct sb_kern_mount;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct sb_mount;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct sb_remount;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct sb_set_mnt_opts;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct sb_show_options;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct sb_statfs;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct sb_umount;

/// No program attaches.
#[lsm_hook(disabled)]
pub struct setprocattr;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct settime;

/// Its arguments are not trusted.
#[lsm_hook(untrusted)]
pub struct sk_alloc_security;

/// Its arguments are not trusted.
#[lsm_hook(untrusted)]
pub struct sk_free_security;

/// Its cgroup programs may set and get socket options (the socket is
/// locked).
#[lsm_hook(sockopt)]
pub struct sock_graft;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct socket_accept;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct socket_bind;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct socket_connect;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct socket_create;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct socket_getpeername;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct socket_getpeersec_dgram;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct socket_getsockname;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct socket_getsockopt;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct socket_listen;

/// Sleepable programs may attach; its cgroup programs may set and get
/// socket options (the socket is still being made).
#[lsm_hook(sleepable, sockopt)]
pub struct socket_post_create;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct socket_recvmsg;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct socket_sendmsg;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct socket_shutdown;

/// Sleepable programs may attach; its cgroup programs may set and get
/// socket options (the socket is still being made).
#[lsm_hook(sleepable, sockopt)]
pub struct socket_socketpair;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct syslog;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct task_alloc;

/// Its arguments are not trusted.
#[lsm_hook(untrusted)]
pub struct task_free;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct task_prctl;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct task_setscheduler;

/// Sleepable programs may attach.
#[lsm_hook(sleepable)]
pub struct userns_create;

/// No program attaches.
#[lsm_hook(disabled)]
pub struct vm_enough_memory;

/// No program attaches.
#[lsm_hook(disabled)]
pub struct xfrm_decode_session;

/// Its programs return 0 or 1.
#[lsm_hook(ret = [0, 1])]
pub struct xfrm_state_pol_flow_match;
