//! The raw tracepoints of Linux 6.18 that may pass NULL, or an error encoded
//! as a pointer, in an argument their prototype types as a pointer to a
//! struct (the kernel's `raw_tp_null_args` in `kernel/bpf/btf.c`, whose
//! masks give 4 bits per argument: `0x1` NULL, `0x2` an error). Arguments
//! are counted from 0, after the hidden `void *__data`. The group comments
//! follow the kernel's.

use kfreg::tracepoint;

// sched
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct sched_pi_setprio;
/// Argument 0 may be NULL: `do_wait()` passes none for `wait4(-1)` and
/// `waitid(P_ALL)`.
#[tracepoint(or_null = [0])]
pub struct sched_process_wait;

// ... from sched_numa_pair_template event class
/// Argument 2 may be NULL.
#[tracepoint(or_null = [2])]
pub struct sched_stick_numa;
/// Argument 2 may be NULL.
#[tracepoint(or_null = [2])]
pub struct sched_swap_numa;

// afs
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct afs_make_fs_call;
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct afs_make_fs_calli;
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct afs_make_fs_call1;
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct afs_make_fs_call2;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct afs_protocol_error;
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct afs_flock_ev;

// cachefiles
/// Argument 0 may be NULL; argument 2 may be an error.
#[tracepoint(or_null = [0], err_ptr = [2])]
pub struct cachefiles_lookup;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct cachefiles_unlink;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct cachefiles_rename;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct cachefiles_prep_read;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct cachefiles_mark_active;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct cachefiles_mark_failed;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct cachefiles_mark_inactive;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct cachefiles_vfs_error;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct cachefiles_io_error;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct cachefiles_ondemand_open;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct cachefiles_ondemand_copen;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct cachefiles_ondemand_close;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct cachefiles_ondemand_read;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct cachefiles_ondemand_cread;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct cachefiles_ondemand_fd_write;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct cachefiles_ondemand_fd_release;

// ext4, from ext4__mballoc event class
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct ext4_mballoc_discard;
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct ext4_mballoc_free;

// fib
/// Argument 2 may be NULL.
#[tracepoint(or_null = [2])]
pub struct fib_table_lookup;

// filelock

// ... from filelock_lock event class
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct posix_lock_inode;
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct fcntl_setlk;
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct locks_remove_posix;
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct flock_lock_inode;

// ... from filelock_lease event class
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct break_lease_noblock;
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct break_lease_block;
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct break_lease_unblock;
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct generic_delete_lease;
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct time_out_leases;

// host1x
/// Argument 4 may be NULL.
#[tracepoint(or_null = [4])]
pub struct host1x_cdma_push_gather;

// huge_memory
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct mm_khugepaged_scan_pmd;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct mm_collapse_huge_page_isolate;
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct mm_khugepaged_scan_file;
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct mm_khugepaged_collapse_file;

// kmem
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct mm_page_alloc;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct mm_page_pcpu_drain;

// .. from mm_page event class
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct mm_page_alloc_zone_locked;

// netfs
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct netfs_failure;

// power
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct device_pm_callback_start;

// qdisc
/// Argument 3 may be NULL.
#[tracepoint(or_null = [3])]
pub struct qdisc_dequeue;

// rxrpc
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct rxrpc_recvdata;
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct rxrpc_resend;
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct rxrpc_tq;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct rxrpc_client;

// signal
/// Argument 1 may be an error.
#[tracepoint(err_ptr = [1])]
pub struct signal_generate;
/// Argument 1 may be an error.
#[tracepoint(err_ptr = [1])]
pub struct signal_deliver;

// skb
/// Argument 3 may be NULL.
#[tracepoint(or_null = [3])]
pub struct kfree_skb;

// sunrpc
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct xs_stream_read_data;

// ... from xprt_cong_event event class
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct xprt_reserve_cong;
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct xprt_release_cong;
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct xprt_get_cong;
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct xprt_put_cong;

// tcp
/// Arguments 0 and 1 may be NULL.
#[tracepoint(or_null = [0, 1])]
pub struct tcp_send_reset;
/// Argument 2 may be NULL.
#[tracepoint(or_null = [2])]
pub struct tcp_sendmsg_locked;

// tegra_apb_dma
/// Argument 2 may be NULL.
#[tracepoint(or_null = [2])]
pub struct tegra_dma_tx_status;

// timer_migration
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct tmigr_update_events;

// writeback, from writeback_folio_template event class
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct writeback_dirty_folio;
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct folio_wait_writeback;

// rdma
/// Argument 3 may be an error.
#[tracepoint(err_ptr = [3])]
pub struct mr_integ_alloc;

// bpf_testmod
/// No argument: a module tracepoint the kernel lists so that its arguments are not all taken as possibly NULL.
#[tracepoint]
pub struct bpf_testmod_test_read;

// amdgpu
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct amdgpu_vm_bo_map;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct amdgpu_vm_bo_unmap;

// netfs
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct netfs_folioq;

// xfs from xfs_defer_pending_class
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct xfs_defer_create_intent;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct xfs_defer_cancel_list;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct xfs_defer_pending_finish;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct xfs_defer_pending_abort;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct xfs_defer_relog_intent;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct xfs_defer_isolate_paused;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct xfs_defer_item_pause;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct xfs_defer_item_unpause;

// xfs from xfs_defer_pending_item_class
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct xfs_defer_add_item;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct xfs_defer_cancel_item;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct xfs_defer_finish_item;

// xfs from xfs_icwalk_class
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct xfs_ioc_free_eofblocks;
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct xfs_blockgc_free_space;

// xfs from xfs_btree_cur_class
/// Argument 2 may be NULL.
#[tracepoint(or_null = [2])]
pub struct xfs_btree_updkeys;
/// Argument 2 may be NULL.
#[tracepoint(or_null = [2])]
pub struct xfs_btree_overlapped_query_range;

// xfs from xfs_imap_class
/// Argument 4 may be NULL.
#[tracepoint(or_null = [4])]
pub struct xfs_map_blocks_found;
/// Argument 4 may be NULL.
#[tracepoint(or_null = [4])]
pub struct xfs_map_blocks_alloc;
/// Argument 3 may be NULL.
#[tracepoint(or_null = [3])]
pub struct xfs_iomap_alloc;
/// Argument 3 may be NULL.
#[tracepoint(or_null = [3])]
pub struct xfs_iomap_found;

// xfs from xfs_fs_class
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct xfs_inodegc_flush;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct xfs_inodegc_push;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct xfs_inodegc_start;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct xfs_inodegc_stop;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct xfs_inodegc_queue;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct xfs_inodegc_throttle;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct xfs_fs_sync_fs;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct xfs_blockgc_start;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct xfs_blockgc_stop;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct xfs_blockgc_worker;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct xfs_blockgc_flush_all;

// xfs_scrub
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct xchk_nlinks_live_update;

// xfs_scrub from xchk_metapath_class
/// Argument 2 may be NULL.
#[tracepoint(or_null = [2])]
pub struct xchk_metapath_lookup;

// nfsd
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct nfsd_dirent;
/// Arguments 0 and 3 may be NULL.
#[tracepoint(or_null = [0, 3])]
pub struct nfsd_file_acquire;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct nfsd_file_insert_err;
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct nfsd_file_cons_err;

// nfs4
/// Argument 0 may be NULL.
#[tracepoint(or_null = [0])]
pub struct nfs4_setup_sequence;
/// Argument 4 may be NULL.
#[tracepoint(or_null = [4])]
pub struct pnfs_update_layout;
/// Argument 2 may be an error.
#[tracepoint(err_ptr = [2])]
pub struct nfs4_inode_callback_event;
/// Argument 2 may be an error.
#[tracepoint(err_ptr = [2])]
pub struct nfs4_inode_stateid_callback_event;

// nfs from pnfs_layout_event
/// Argument 4 may be NULL.
#[tracepoint(or_null = [4])]
pub struct pnfs_mds_fallback_pg_init_read;
/// Argument 4 may be NULL.
#[tracepoint(or_null = [4])]
pub struct pnfs_mds_fallback_pg_init_write;
/// Argument 4 may be NULL.
#[tracepoint(or_null = [4])]
pub struct pnfs_mds_fallback_pg_get_mirror_count;
/// Argument 4 may be NULL.
#[tracepoint(or_null = [4])]
pub struct pnfs_mds_fallback_read_done;
/// Argument 4 may be NULL.
#[tracepoint(or_null = [4])]
pub struct pnfs_mds_fallback_write_done;
/// Argument 4 may be NULL.
#[tracepoint(or_null = [4])]
pub struct pnfs_mds_fallback_read_pagelist;
/// Argument 4 may be NULL.
#[tracepoint(or_null = [4])]
pub struct pnfs_mds_fallback_write_pagelist;

// coda
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct coda_dec_pic_run;
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct coda_dec_pic_done;

// cfg80211
/// Arguments 0 and 1 may be NULL.
#[tracepoint(or_null = [0, 1])]
pub struct cfg80211_scan_done;
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct rdev_set_coalesce;
/// Argument 2 may be NULL.
#[tracepoint(or_null = [2])]
pub struct cfg80211_report_wowlan_wakeup;
/// Argument 2 may be NULL.
#[tracepoint(or_null = [2])]
pub struct cfg80211_inform_bss_frame;
/// Argument 4 may be NULL.
#[tracepoint(or_null = [4])]
pub struct cfg80211_michael_mic_failure;

// cfg80211 from wiphy_work_event
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct wiphy_work_queue;
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct wiphy_work_run;
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct wiphy_work_cancel;
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct wiphy_work_flush;

// hugetlbfs
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct hugetlbfs_alloc_inode;

// spufs
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct spufs_context;

// kvm_hv
/// Argument 2 may be NULL.
#[tracepoint(or_null = [2])]
pub struct kvm_page_fault_enter;

// dpu
/// Argument 2 may be NULL.
#[tracepoint(or_null = [2])]
pub struct dpu_crtc_setup_mixer;

// binder
/// Argument 2 may be NULL.
#[tracepoint(or_null = [2])]
pub struct binder_transaction;

// bcachefs
/// Argument 2 may be NULL.
#[tracepoint(or_null = [2])]
pub struct btree_path_free;

// hfi1_tx
/// Argument 3 may be NULL.
#[tracepoint(or_null = [3])]
pub struct hfi1_sdma_progress;

// iptfs
/// Argument 3 may be NULL.
#[tracepoint(or_null = [3])]
pub struct iptfs_ingress_postq_event;

// neigh
/// Argument 1 may be NULL.
#[tracepoint(or_null = [1])]
pub struct neigh_update;

// snd_firewire_lib
/// Argument 2 may be NULL.
#[tracepoint(or_null = [2])]
pub struct amdtp_packet;
