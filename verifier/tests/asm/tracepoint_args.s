; Raw tracepoint arguments swept by scripts/tracepoint-arg-sweep.py
; (recorded with scripts/asm-kernel-verdicts.py --write): every argument a
; `btf_trace_EVENT` prototype types as a pointer to a struct or union,
; loaded and read through. The whole sweep (1,785 cases over 1,343
; tracepoints) agrees with the kernel; kept here: every argument of the 61
; tracepoints with an argument the kernel marks as possibly NULL or an
; error (its raw_tp_null_args), and two the sweep found kfreg getting wrong:
; a pointer to a union (a trusted pointer, not a number) and a walk into an
; anonymous struct (named `(anon)` in the message).

### tp_arg_break_lease_block_0
; type: tp_btf/break_lease_block
; expect: ACCEPT
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_break_lease_block_1
; type: tp_btf/break_lease_block
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_break_lease_noblock_0
; type: tp_btf/break_lease_noblock
; expect: ACCEPT
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_break_lease_noblock_1
; type: tp_btf/break_lease_noblock
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_break_lease_unblock_0
; type: tp_btf/break_lease_unblock
; expect: ACCEPT
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_break_lease_unblock_1
; type: tp_btf/break_lease_unblock
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_ext4_mballoc_discard_0
; type: tp_btf/ext4_mballoc_discard
; expect: REJECT cannot access ptr member next with moff 0 in struct list_head with off 0 size 1
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_ext4_mballoc_discard_1
; type: tp_btf/ext4_mballoc_discard
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_ext4_mballoc_free_0
; type: tp_btf/ext4_mballoc_free
; expect: REJECT cannot access ptr member next with moff 0 in struct list_head with off 0 size 1
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_ext4_mballoc_free_1
; type: tp_btf/ext4_mballoc_free
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_fcntl_setlk_0
; type: tp_btf/fcntl_setlk
; expect: ACCEPT
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_fcntl_setlk_1
; type: tp_btf/fcntl_setlk
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_fib_table_lookup_1
; type: tp_btf/fib_table_lookup
; expect: ACCEPT
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_fib_table_lookup_2
; type: tp_btf/fib_table_lookup
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +16)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_flock_lock_inode_0
; type: tp_btf/flock_lock_inode
; expect: ACCEPT
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_flock_lock_inode_1
; type: tp_btf/flock_lock_inode
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_folio_wait_writeback_0
; type: tp_btf/folio_wait_writeback
; expect: ACCEPT
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_folio_wait_writeback_1
; type: tp_btf/folio_wait_writeback
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_generic_delete_lease_0
; type: tp_btf/generic_delete_lease
; expect: ACCEPT
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_generic_delete_lease_1
; type: tp_btf/generic_delete_lease
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_hugetlbfs_alloc_inode_0
; type: tp_btf/hugetlbfs_alloc_inode
; expect: ACCEPT
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_hugetlbfs_alloc_inode_1
; type: tp_btf/hugetlbfs_alloc_inode
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_kfree_skb_0
; type: tp_btf/kfree_skb
; expect: REJECT cannot access ptr member next with moff 0 in struct (anon) with off 0 size 1
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_kfree_skb_3
; type: tp_btf/kfree_skb
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +24)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_locks_remove_posix_0
; type: tp_btf/locks_remove_posix
; expect: ACCEPT
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_locks_remove_posix_1
; type: tp_btf/locks_remove_posix
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_mm_collapse_huge_page_isolate_0
; type: tp_btf/mm_collapse_huge_page_isolate
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_mm_khugepaged_collapse_file_0
; type: tp_btf/mm_khugepaged_collapse_file
; expect: ACCEPT
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_mm_khugepaged_collapse_file_1
; type: tp_btf/mm_khugepaged_collapse_file
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_mm_khugepaged_collapse_file_5
; type: tp_btf/mm_khugepaged_collapse_file
; expect: ACCEPT
r1 = *(u64 *)(r1 +40)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_mm_khugepaged_scan_file_0
; type: tp_btf/mm_khugepaged_scan_file
; expect: ACCEPT
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_mm_khugepaged_scan_file_1
; type: tp_btf/mm_khugepaged_scan_file
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_mm_khugepaged_scan_file_2
; type: tp_btf/mm_khugepaged_scan_file
; expect: ACCEPT
r1 = *(u64 *)(r1 +16)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_mm_khugepaged_scan_pmd_0
; type: tp_btf/mm_khugepaged_scan_pmd
; expect: ACCEPT
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_mm_khugepaged_scan_pmd_1
; type: tp_btf/mm_khugepaged_scan_pmd
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_mm_page_alloc_0
; type: tp_btf/mm_page_alloc
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_mm_page_alloc_zone_locked_0
; type: tp_btf/mm_page_alloc_zone_locked
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_mm_page_pcpu_drain_0
; type: tp_btf/mm_page_pcpu_drain
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_posix_lock_inode_0
; type: tp_btf/posix_lock_inode
; expect: ACCEPT
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_posix_lock_inode_1
; type: tp_btf/posix_lock_inode
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_qdisc_dequeue_0
; type: tp_btf/qdisc_dequeue
; expect: REJECT cannot access ptr member enqueue with moff 0 in struct Qdisc with off 0 size 1
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_qdisc_dequeue_1
; type: tp_btf/qdisc_dequeue
; expect: REJECT cannot access ptr member dev with moff 0 in struct netdev_queue with off 0 size 1
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_qdisc_dequeue_3
; type: tp_btf/qdisc_dequeue
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +24)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_sched_pi_setprio_0
; type: tp_btf/sched_pi_setprio
; expect: ACCEPT
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_sched_pi_setprio_1
; type: tp_btf/sched_pi_setprio
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_sched_process_wait_0
; type: tp_btf/sched_process_wait
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_sched_stick_numa_0
; type: tp_btf/sched_stick_numa
; expect: ACCEPT
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_sched_stick_numa_2
; type: tp_btf/sched_stick_numa
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +16)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_sched_swap_numa_0
; type: tp_btf/sched_swap_numa
; expect: ACCEPT
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_sched_swap_numa_2
; type: tp_btf/sched_swap_numa
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +16)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_signal_deliver_1
; type: tp_btf/signal_deliver
; expect: REJECT R1 invalid mem access 'scalar'
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_signal_deliver_2
; type: tp_btf/signal_deliver
; expect: REJECT cannot access ptr member sa_handler with moff 0 in struct sigaction with off 0 size 1
r1 = *(u64 *)(r1 +16)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_signal_generate_1
; type: tp_btf/signal_generate
; expect: REJECT R1 invalid mem access 'scalar'
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_signal_generate_2
; type: tp_btf/signal_generate
; expect: ACCEPT
r1 = *(u64 *)(r1 +16)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_tcp_send_reset_0
; type: tp_btf/tcp_send_reset
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_tcp_send_reset_1
; type: tp_btf/tcp_send_reset
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_tcp_sendmsg_locked_0
; type: tp_btf/tcp_sendmsg_locked
; expect: ACCEPT
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_tcp_sendmsg_locked_1
; type: tp_btf/tcp_sendmsg_locked
; expect: REJECT cannot access ptr member msg_name with moff 0 in struct msghdr with off 0 size 1
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_tcp_sendmsg_locked_2
; type: tp_btf/tcp_sendmsg_locked
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +16)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_time_out_leases_0
; type: tp_btf/time_out_leases
; expect: ACCEPT
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_time_out_leases_1
; type: tp_btf/time_out_leases
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_tmigr_update_events_0
; type: tp_btf/tmigr_update_events
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_tmigr_update_events_1
; type: tp_btf/tmigr_update_events
; expect: ACCEPT
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_writeback_dirty_folio_0
; type: tp_btf/writeback_dirty_folio
; expect: ACCEPT
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_writeback_dirty_folio_1
; type: tp_btf/writeback_dirty_folio
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_blockgc_flush_all_0
; type: tp_btf/xfs_blockgc_flush_all
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_blockgc_free_space_0
; type: tp_btf/xfs_blockgc_free_space
; expect: ACCEPT
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_blockgc_free_space_1
; type: tp_btf/xfs_blockgc_free_space
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_blockgc_start_0
; type: tp_btf/xfs_blockgc_start
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_blockgc_stop_0
; type: tp_btf/xfs_blockgc_stop
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_blockgc_worker_0
; type: tp_btf/xfs_blockgc_worker
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_btree_overlapped_query_range_0
; type: tp_btf/xfs_btree_overlapped_query_range
; expect: REJECT cannot access ptr member bc_tp with moff 0 in struct xfs_btree_cur with off 0 size 1
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_btree_overlapped_query_range_2
; type: tp_btf/xfs_btree_overlapped_query_range
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +16)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_btree_updkeys_0
; type: tp_btf/xfs_btree_updkeys
; expect: REJECT cannot access ptr member bc_tp with moff 0 in struct xfs_btree_cur with off 0 size 1
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_btree_updkeys_2
; type: tp_btf/xfs_btree_updkeys
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +16)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_defer_add_item_0
; type: tp_btf/xfs_defer_add_item
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_defer_add_item_1
; type: tp_btf/xfs_defer_add_item
; expect: REJECT cannot access ptr member next with moff 0 in struct list_head with off 0 size 1
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_defer_cancel_item_0
; type: tp_btf/xfs_defer_cancel_item
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_defer_cancel_item_1
; type: tp_btf/xfs_defer_cancel_item
; expect: REJECT cannot access ptr member next with moff 0 in struct list_head with off 0 size 1
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_defer_cancel_list_0
; type: tp_btf/xfs_defer_cancel_list
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_defer_cancel_list_1
; type: tp_btf/xfs_defer_cancel_list
; expect: REJECT cannot access ptr member next with moff 0 in struct list_head with off 0 size 1
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_defer_create_intent_0
; type: tp_btf/xfs_defer_create_intent
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_defer_create_intent_1
; type: tp_btf/xfs_defer_create_intent
; expect: REJECT cannot access ptr member next with moff 0 in struct list_head with off 0 size 1
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_defer_finish_item_0
; type: tp_btf/xfs_defer_finish_item
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_defer_finish_item_1
; type: tp_btf/xfs_defer_finish_item
; expect: REJECT cannot access ptr member next with moff 0 in struct list_head with off 0 size 1
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_defer_isolate_paused_0
; type: tp_btf/xfs_defer_isolate_paused
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_defer_isolate_paused_1
; type: tp_btf/xfs_defer_isolate_paused
; expect: REJECT cannot access ptr member next with moff 0 in struct list_head with off 0 size 1
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_defer_item_pause_0
; type: tp_btf/xfs_defer_item_pause
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_defer_item_pause_1
; type: tp_btf/xfs_defer_item_pause
; expect: REJECT cannot access ptr member next with moff 0 in struct list_head with off 0 size 1
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_defer_item_unpause_0
; type: tp_btf/xfs_defer_item_unpause
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_defer_item_unpause_1
; type: tp_btf/xfs_defer_item_unpause
; expect: REJECT cannot access ptr member next with moff 0 in struct list_head with off 0 size 1
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_defer_pending_abort_0
; type: tp_btf/xfs_defer_pending_abort
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_defer_pending_abort_1
; type: tp_btf/xfs_defer_pending_abort
; expect: REJECT cannot access ptr member next with moff 0 in struct list_head with off 0 size 1
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_defer_pending_finish_0
; type: tp_btf/xfs_defer_pending_finish
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_defer_pending_finish_1
; type: tp_btf/xfs_defer_pending_finish
; expect: REJECT cannot access ptr member next with moff 0 in struct list_head with off 0 size 1
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_defer_relog_intent_0
; type: tp_btf/xfs_defer_relog_intent
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_defer_relog_intent_1
; type: tp_btf/xfs_defer_relog_intent
; expect: REJECT cannot access ptr member next with moff 0 in struct list_head with off 0 size 1
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_fs_sync_fs_0
; type: tp_btf/xfs_fs_sync_fs
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_inodegc_flush_0
; type: tp_btf/xfs_inodegc_flush
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_inodegc_push_0
; type: tp_btf/xfs_inodegc_push
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_inodegc_queue_0
; type: tp_btf/xfs_inodegc_queue
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_inodegc_start_0
; type: tp_btf/xfs_inodegc_start
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_inodegc_stop_0
; type: tp_btf/xfs_inodegc_stop
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_inodegc_throttle_0
; type: tp_btf/xfs_inodegc_throttle
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_ioc_free_eofblocks_0
; type: tp_btf/xfs_ioc_free_eofblocks
; expect: ACCEPT
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_ioc_free_eofblocks_1
; type: tp_btf/xfs_ioc_free_eofblocks
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_map_blocks_alloc_0
; type: tp_btf/xfs_map_blocks_alloc
; expect: REJECT cannot access ptr member i_mount with moff 0 in struct xfs_inode with off 0 size 1
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_map_blocks_alloc_4
; type: tp_btf/xfs_map_blocks_alloc
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +32)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_map_blocks_found_0
; type: tp_btf/xfs_map_blocks_found
; expect: REJECT cannot access ptr member i_mount with moff 0 in struct xfs_inode with off 0 size 1
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_map_blocks_found_4
; type: tp_btf/xfs_map_blocks_found
; expect: REJECT R1 invalid mem access 'trusted_ptr_or_null_'
r1 = *(u64 *)(r1 +32)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_xfs_btree_alloc_block_1
; type: tp_btf/xfs_btree_alloc_block
; expect: ACCEPT
r1 = *(u64 *)(r1 +8)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit

### tp_arg_consume_skb_0
; type: tp_btf/consume_skb
; expect: REJECT cannot access ptr member next with moff 0 in struct (anon) with off 0 size 1
r1 = *(u64 *)(r1 +0)
r0 = *(u8 *)(r1 +0)
r0 = 0
exit
