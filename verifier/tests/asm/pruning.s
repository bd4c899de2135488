; Pruning: where the kernel stores states and which stored state covers a
; path. Each case records the instructions the kernel processed (`; insns:`).

### prune_partial_spill_covers_full_spill
; A stored slot holding a 4-byte spill of an imprecise scalar and data
; bytes covers a slot holding an 8-byte spilled scalar: data bytes constrain
; nothing for a privileged loader, and the spilled scalars are imprecise.
; type: socket
; expect: ACCEPT
; insns: 14
call bpf_get_prandom_u32
r6 = r0
r7 = r0
r8 = r0
r9 = r0
if r6 > 5 goto pc+3
*(u32 *)(r10 -4) = r7
*(u32 *)(r10 -8) = r6
goto pc+2
*(u64 *)(r10 -8) = r6
goto pc+0
r0 = *(u32 *)(r10 -8)
exit

### prune_null_checked_pointer_drops_its_id
; A pointer found not NULL no longer needs the id linking its copies: the
; lookup's result then covers the same map value loaded directly (id 0).
; type: socket
; map: array key=4 value=8 max=1
; expect: ACCEPT
; insns: 27
call bpf_get_prandom_u32
*(u32 *)(r10 -4) = r0
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r6 = r0
call bpf_get_prandom_u32
r7 = r0
r8 = r0
if r7 > 5 goto direct
r9 = 1
r9 = 2
r9 = 3
r9 = 4
r9 = 5
r9 = 6
goto join
direct:
r6 = map[id:0][0]+0
goto join
join:
r0 = *(u32 *)(r6 +0)
out:
r0 = 0
exit

### prune_precise_scalars_without_ids_stand_alone
; Two precise scalars without an id in the stored state are two values: a
; state where they are one value (copies sharing an id) is not covered,
; though each lies in its stored range (the kernel's check_scalar_ids).
; type: socket
; expect: ACCEPT
; insns: 26
call bpf_get_prandom_u32
r6 = r0
r6 &= 7
call bpf_get_prandom_u32
r7 = r0
r7 &= 7
r8 = r0
if r8 > 100 goto linked
r9 = 1
r9 = 2
r9 = 3
r9 = 4
r9 = 5
r9 = 6
goto join
linked:
r7 = r6
goto join
join:
r1 = r10
r1 += -16
r1 += r6
r1 += r7
r2 = 0
*(u8 *)(r1 +0) = r2
r0 = 0
exit

### prune_precise_scalar_id_alone_covers_no_id
; A precise scalar whose id no other live register shares in the stored
; state covers the same value without an id.
; type: socket
; expect: ACCEPT
; insns: 26
call bpf_get_prandom_u32
r8 = r0
call bpf_get_prandom_u32
if r0 > 7 goto out
if r8 > 100 goto other
r6 = r0
r9 = 1
r9 = 2
r9 = 3
r9 = 4
r9 = 5
r9 = 6
goto join
other:
r6 = r0
r6 &= 7
goto join
join:
r1 = r10
r1 += -16
r1 += r6
r2 = 0
*(u8 *)(r1 +0) = r2
out:
r0 = 0
exit

### prune_caller_args_are_dead_in_the_callee
; The states of an instruction are kept apart by the call that entered the
; current frame, and a caller waiting on a subprogram only keeps what the
; call leaves it (R6-R9): the second call's argument (a stack pointer on
; one path, a number on the other) does not keep its stored state from
; covering the other path.
; type: socket
; expect: ACCEPT
; insns: 65
call bpf_get_prandom_u32
r6 = r0
r1 = 0
call sub
r1 = 1
if r6 > 5 goto second
r1 = r10
second:
call sub
r0 = 0
exit
sub:
r2 = r1
call bpf_get_prandom_u32
r7 = r0
r8 = r0
r9 = r0
if r0 > 3 goto join
r0 = 1
join:
r3 = 1
r3 = 2
r3 = 3
r3 = 4
r3 = 5
r3 = 6
r0 = 0
exit

### prune_unlinked_old_scalar_covers_linked_plus_constant
; A stored scalar with no link constrains no link: a later round's counter,
; linked to a copy plus a constant, is covered by the first round's counter
; when its range lies within (the kernel's regsafe: `rold->id == 0` compares
; ranges only).
; type: socket
; expect: ACCEPT
; insns: 18
call bpf_get_prandom_u32
r1 = r0
r1 &= 7
loop:
may_goto out
r2 = r1
r2 <<= 3
r3 = r10
r3 += -64
r3 += r2
r4 = 0
*(u64 *)(r3 +0) = r4
r1 += 1
if r1 < 8 goto loop
out:
r0 = 0
exit

### pruning_ignores_a_stack_pointer_a_call_does_not_take
; type: socket
; r3 points at fp-16 at a helper without arguments: the helper reads no
; stack, so fp-16 is dead at the join, where the second path is pruned
; though its fp-16 holds other bytes than the first's (enough jumps and
; instructions come first for the first path to store its state there).
; insns: 29
; expect: ACCEPT
call bpf_get_prandom_u32
r6 = r0
r2 = 0
if r6 == 0x1 goto skip
r2 = 1
skip:
r2 += 1
r2 += 1
r2 += 1
if r6 == 0x0 goto other
*(u64 *)(r10 -16) = r10
r2 += 1
r2 += 1
r2 += 1
r2 += 1
r2 += 1
r2 += 1
goto join
other:
r1 = 7
*(u32 *)(r10 -16) = r1
join:
r3 = r10
r3 += -16
call bpf_ktime_get_ns
r0 = 0
exit

### pruning_ignores_stack_a_dynptr_call_does_not_read
; type: socket
; map: ringbuf max=4096
; Discarding the dynptr at fp-32 reads its two slots only: fp-8, above
; it, is dead at the join, where the second path is pruned though its
; fp-8 differs.
; insns: 45
; expect: ACCEPT
r1 = map[id:0]
r2 = 8
r3 = 0
r4 = r10
r4 += -32
call bpf_ringbuf_reserve_dynptr
call bpf_get_prandom_u32
r6 = r0
r2 = 0
if r6 == 0x1 goto skip
r2 = 1
skip:
r2 += 1
r2 += 1
r2 += 1
if r6 == 0x0 goto other
*(u64 *)(r10 -8) = r10
r2 += 1
r2 += 1
r2 += 1
r2 += 1
r2 += 1
r2 += 1
goto join
other:
r1 = 7
*(u32 *)(r10 -8) = r1
join:
r1 = r10
r1 += -32
r2 = 0
call bpf_ringbuf_discard_dynptr
r0 = 0
exit

### pruning_needs_the_stored_stack_within_the_current_one
; type: socket
; The first path spills a number to fp-16; the second never reaches that
; deep. Its stack is smaller than the stored state's, whose fp-16 holds a
; spill: the kernel does not prune there ("explored stack has more
; populated slots than current stack") though the second path may read
; the slot too (unwritten bytes read as any number).
; insns: 28
; expect: ACCEPT
call bpf_get_prandom_u32
r6 = r0
r2 = 0
if r6 == 0x1 goto skip
r2 = 1
skip:
r2 += 1
r2 += 1
r2 += 1
if r6 == 0x0 goto other
*(u64 *)(r10 -16) = r6
r2 += 1
r2 += 1
r2 += 1
r2 += 1
r2 += 1
r2 += 1
goto join
other:
r1 = 7
join:
r3 = *(u64 *)(r10 -16)
r0 = 0
exit

### prune_states_of_two_calls_sharing_a_hash_bucket
; The kernel keeps an instruction's states in the bucket (insn ^ callsite)
; % length of its table. Here the leaf's exit (22) called from 11 and from
; 16 lands in the same bucket (6 of 23): the state stored there by the
; first call, still an ancestor of the second call's paths, keeps the
; second from storing one, which then prunes an instruction later.
; type: socket
; expect: ACCEPT
; insns: 37
r6 = *(u32 *)(r1 +0)
r7 = 0
r7 = 0
r7 = 0
r7 = 0
r7 = 0
r7 = 0
r7 = 0
r7 = 0
r7 = 0
r1 = r6
call leaf
r7 = 0
r7 = 0
r7 = 0
r1 = r6
call leaf
r0 = 0
exit
leaf:
r0 = 0
if r1 > 10 goto out
r2 = 1
out:
exit

### prune_states_of_two_calls_in_their_own_buckets
; The same with one more instruction: buckets 22^11 % 24 and 22^16 % 24
; differ, so the second call stores its state and prunes at the exit.
; type: socket
; expect: ACCEPT
; insns: 37
r6 = *(u32 *)(r1 +0)
r7 = 0
r7 = 0
r7 = 0
r7 = 0
r7 = 0
r7 = 0
r7 = 0
r7 = 0
r7 = 0
r1 = r6
call leaf
r7 = 0
r7 = 0
r7 = 0
r1 = r6
call leaf
r0 = 0
r0 = 0
exit
leaf:
r0 = 0
if r1 > 10 goto out
r2 = 1
out:
exit

### prune_stack_pointer_passed_as_a_number_is_not_a_read
; bpf_probe_read_kernel takes its source as a number (ARG_ANYTHING): a
; stack pointer passed there reads no stack slot, so fp-8, written before
; the call on every path, is dead where the paths join and they prune.
; type: kprobe
; expect: ACCEPT
; insns: 20
r6 = r1
call 7
r7 = r0
r0 &= 0x7fff
if r7 > 1000 goto narrow
*(u32 *)(r10 -8) = r0
goto join
narrow:
w1 = 11
*(u8 *)(r10 -8) = r1
join:
w1 = 11
*(u8 *)(r10 -8) = r1
r1 = r10
r1 += -16
w2 = 1
r3 = r10
r3 += -8
call 113
r0 = 0
exit

### prune_stack_read_through_a_memory_argument_keeps_the_slot
; The same with the byte loaded instead of passed: the slot is read, live
; where the paths join, and they do not prune.
; type: kprobe
; expect: ACCEPT
; insns: 19
r6 = r1
call 7
r7 = r0
r0 &= 0x7fff
if r7 > 1000 goto narrow
*(u32 *)(r10 -8) = r0
goto join
narrow:
w1 = 11
*(u8 *)(r10 -8) = r1
join:
w1 = 11
*(u8 *)(r10 -8) = r1
r1 = *(u8 *)(r10 -8)
r0 = 0
exit

### prune_reads_of_the_open_path_are_live_only_after_an_update
; The kernel recomputes which stack slots are live (bpf_update_live_stack)
; only when a path ends or a subprogram returns. The first path stores a
; number at fp-16 and reaches the test at 35 without reading it; the second
; comes back to 35 after reading fp-16 and spilling a pointer there. When it
; does, the stored state is cleaned with the slot still dead (the read was
; made on the open path), so the pointer spill is covered and the path
; pruned. (Found in KubeArmor's system monitor, whose argument loop prunes so.)
; type: socket
; expect: ACCEPT
; insns: 67
call bpf_get_prandom_u32
r6 = r0
call bpf_get_prandom_u32
r8 = r0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
if r6 == 0 goto pc+11
r7 = 0
*(u64 *)(r10 -16) = r8
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
goto pc+11
r7 = 1
*(u64 *)(r10 -16) = r8
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
goto pc+19
if r7 != 0 goto pc+18
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
exit
r0 = *(u64 *)(r10 -16)
r7 = 0
*(u64 *)(r10 -16) = r10
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
r0 = 0
goto pc-31

### prune_live_stack_read_write_join
; Stack liveness per path (the kernel's verifier_live_stack.c shapes): each
; side of a join reads its own slot and writes fp-32.
; type: socket
; expect: ACCEPT
; insns: 9
call bpf_get_prandom_u32
if r0 > 42 goto pc+4
r0 = *(u64 *)(r10 -8)
*(u64 *)(r10 -32) = r0
*(u64 *)(r10 -40) = r0
exit
r0 = *(u64 *)(r10 -16)
*(u64 *)(r10 -32) = r0
exit

### prune_live_stack_write_through_a_moved_pointer
; A store through a pointer that points at either of two slots writes
; neither for sure.
; type: socket
; expect: ACCEPT
; insns: 12
call bpf_get_prandom_u32
r1 = -8
if r0 > 42 goto pc+1
r1 = -16
r2 = r10
r2 += r1
*(u64 *)(r2 +0) = r0
exit

### prune_live_stack_caller_slot_dead_in_the_callee
; The caller's fp-8 holds a map pointer on one path and a number on the
; other; the callee reads it once and then no more, so its checkpoint after
; the read covers the second path.
; type: socket
; map: hash key=4 value=8 max=1
; expect: ACCEPT
; insns: 21
call bpf_get_prandom_u32
if r0 == 42 goto pc+2
r0 = map[id:0]
*(u64 *)(r10 -8) = r0
r1 = r10
r1 += -8
call f
exit
f:
r0 = *(u64 *)(r1 +0)
r0 = 0
goto pc+0
exit

### prune_live_stack_caller_slot_live_in_a_callback
; A bpf_loop callback reads the caller's slot each round and then stores a
; number in it: the second round's map argument is that number.
; type: socket
; map: hash key=4 value=8 max=1
; expect: REJECT R1 type=scalar expected=map_ptr
; insns: 28
r0 = map[id:0]
*(u64 *)(r10 -8) = r0
r1 = 2
r2 = subprog[cb]
r3 = r10
r3 += -8
r4 = 0
call bpf_loop
r0 = 42
exit
cb:
r6 = r2
r1 = *(u64 *)(r6 +0)
*(u64 *)(r10 -8) = 7
r2 = r10
r2 += -8
call bpf_map_lookup_elem
*(u64 *)(r6 +0) = 0
r0 = 0
exit

### prune_live_stack_iterator_creation_writes_its_slot
; Making an iterator writes its slot whole (mark_stack_slots_iter's
; bpf_mark_stack_write) and reads nothing: fp-8, which holds a pointer on
; one path and a number on the other, is dead at the join before
; bpf_iter_num_new, where the second path is pruned.
; type: socket
; expect: ACCEPT
; insns: 42
call bpf_get_prandom_u32
r6 = r0
r2 = 0
if r6 == 0x1 goto skip
r2 = 1
skip:
r2 += 1
r2 += 1
r2 += 1
if r6 == 0x0 goto other
*(u64 *)(r10 -8) = r10
r2 += 1
r2 += 1
r2 += 1
r2 += 1
r2 += 1
r2 += 1
goto join
other:
r1 = 7
*(u64 *)(r10 -8) = r1
join:
r1 = r10
r1 += -8
r2 = 0
r3 = 3
call bpf_iter_num_new
loop:
r1 = r10
r1 += -8
call bpf_iter_num_next
if r0 != 0x0 goto loop
r1 = r10
r1 += -8
call bpf_iter_num_destroy
r0 = 0
exit

### prune_live_stack_dynptr_creation_writes_its_slots
; Making a dynptr writes its two slots whole (mark_stack_slots_dynptr):
; fp-16 and fp-8 are dead at the join before bpf_ringbuf_reserve_dynptr
; though discarding the dynptr reads them.
; type: socket
; map: ringbuf max=4096
; expect: ACCEPT
; insns: 36
call bpf_get_prandom_u32
r6 = r0
r2 = 0
if r6 == 0x1 goto skip
r2 = 1
skip:
r2 += 1
r2 += 1
r2 += 1
if r6 == 0x0 goto other
*(u64 *)(r10 -8) = r10
r2 += 1
r2 += 1
r2 += 1
r2 += 1
r2 += 1
r2 += 1
goto join
other:
r1 = 7
*(u64 *)(r10 -8) = r1
join:
r1 = map[id:0]
r2 = 8
r3 = 0
r4 = r10
r4 += -16
call bpf_ringbuf_reserve_dynptr
r1 = r10
r1 += -16
r2 = 0
call bpf_ringbuf_discard_dynptr
r0 = 0
exit

### prune_live_stack_callee_write_kills_the_caller_slot
; A static subprogram that stores into the caller's fp-8 writes it for
; the call (propagate_to_outer_instance hands the callee's must_write_acc
; to the call site): the slot, read only after the call, is dead at the
; join before it, where the second path is pruned.
; type: socket
; expect: ACCEPT
; insns: 34
call bpf_get_prandom_u32
r6 = r0
r2 = 0
if r6 == 0x1 goto skip
r2 = 1
skip:
r2 += 1
r2 += 1
r2 += 1
if r6 == 0x0 goto other
*(u64 *)(r10 -8) = r10
r2 += 1
r2 += 1
r2 += 1
r2 += 1
r2 += 1
r2 += 1
goto join
other:
r1 = 7
*(u64 *)(r10 -8) = r1
join:
r1 = r10
r1 += -8
call f
r0 = *(u64 *)(r10 -8)
r0 = 0
exit
f:
r2 = 5
*(u64 *)(r1 +0) = r2
r0 = 0
exit

### prune_live_stack_callee_writes_found_after_its_first_return_count_for_nothing
; The callee stores into the caller's fp-8 on both of its paths, but its
; first return hands the call site what the explored path wrote for sure
; while the other was unexplored (nothing), and a call site's writes only
; shrink (commit_stack_write_marks intersects): the slot stays live at the
; join and the second path is explored.
; type: socket
; expect: ACCEPT
; insns: 55
call bpf_get_prandom_u32
r6 = r0
r2 = 0
if r6 == 0x1 goto skip
r2 = 1
skip:
r2 += 1
r2 += 1
r2 += 1
if r6 == 0x0 goto other
*(u64 *)(r10 -8) = r10
r2 += 1
r2 += 1
r2 += 1
r2 += 1
r2 += 1
r2 += 1
goto join
other:
r1 = 7
*(u64 *)(r10 -8) = r1
join:
r1 = r10
r1 += -8
call f
r0 = *(u64 *)(r10 -8)
r0 = 0
exit
f:
r6 = r1
call bpf_get_prandom_u32
if r0 > 3 goto big
*(u64 *)(r6 +0) = r0
r0 = 0
exit
big:
r1 = 1
*(u64 *)(r6 +0) = r1
r0 = 0
exit

### prune_live_stack_store_release_writes_its_slot
; A store-release writes the slot and reads nothing (check_atomic_store):
; fp-8 is dead at the join before it.
; type: socket
; expect: ACCEPT
; insns: 29
call bpf_get_prandom_u32
r6 = r0
r2 = 0
if r6 == 0x1 goto skip
r2 = 1
skip:
r2 += 1
r2 += 1
r2 += 1
if r6 == 0x0 goto other
*(u64 *)(r10 -8) = r10
r2 += 1
r2 += 1
r2 += 1
r2 += 1
r2 += 1
r2 += 1
goto join
other:
r1 = 7
*(u64 *)(r10 -8) = r1
join:
r1 = 5
store_release((u64 *)(r10 -8), r1)
r0 = *(u64 *)(r10 -8)
r0 = 0
exit

### prune_stack_pointer_needs_the_same_offset
; A stored stack pointer covers only the same pointer (regsafe's
; regs_exact for PTR_TO_STACK), not one whose offsets it takes in: the
; offset decides which slots a store through it overwrites. The first path
; reaches the join with fp-32 plus 0 or 16, and its store may destroy the
; context pointer spilled at fp-16; the second reaches it with fp-32 and
; keeps the spill, which is then multiplied.
; type: kprobe
; expect: REJECT R3 pointer arithmetic with *= operator prohibited
*(u64 *)(r10 -16) = r1
r0 = 0
*(u64 *)(r10 -32) = r0
*(u64 *)(r10 -24) = r0
call bpf_get_prandom_u32
r7 = r0
call bpf_get_prandom_u32
r8 = r0
if r7 > 100 goto other
r8 &= 16
r2 = r10
r2 += -32
r2 += r8
if r7 > 50 goto a
r3 = 1
a:
if r7 > 20 goto b
r3 = 2
b:
r1 = 5
r4 = 1
r4 += 1
r4 += 1
r4 += 1
goto join
other:
r2 = r10
r2 += -32
r1 = 7
join:
*(u64 *)(r2 +0) = r1
r3 = *(u64 *)(r10 -16)
r3 *= 3
r0 = 0
exit

### prune_fresh_ids_never_name_a_link
; An id-less current scalar gets a fresh id for the comparison, above every
; id handed out: the stored r2 (id 3) maps to it, and the linked r6
; (r0 + 1, its id with the link's flag bit set) must still map to the current
; r6. kfreg drew fresh ids from the flag's bit and took the two for one:
; the comparison the kernel wins at the loop head failed (kfreg 1275).
; type: kprobe
; expect: ACCEPT
; insns: 1277
r9 = r1
call bpf_get_prandom_u32
r6 = r0
r7 = r0
r8 = *(u32 *)(r9 +0)
r2 = r7
r4 = 0
head:
r8 += 4096
if w8 s<= -55133 goto skip
w8 -= w2
skip:
r2 >>= 37
r1 = r2
r7 &= r2
w2 = w8
r6 += 1
w8 s>>= 1
if r6 s>= r8 goto next
next:
r4 += 1
if r4 < 11 goto head
r0 = 0
exit
