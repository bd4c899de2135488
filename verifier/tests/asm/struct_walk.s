; Loads through kernel struct pointers, walked as the kernel's
; btf_struct_walk walks the kernel's BTF.

### struct_walk_flex_element_int_read_into_its_padding_ok
; struct pid ends in a flexible array of struct upid { int nr; struct
; pid_namespace *ns; }: an 8-byte load at an element's nr, through the
; padding after it, is a number (the walk into a flexible array's element
; is an untrusted one), where the same load past a member of the struct's
; fixed part is refused (next case).
; type: tp_btf/sched_process_wait
; expect: ACCEPT
r1 = *(u64 *)(r1 +0)
if r1 == 0 goto out
r0 = *(u64 *)(r1 +144)
r0 = *(u64 *)(r1 +160)
out:
r0 = 0
exit

### struct_walk_fixed_part_read_past_a_member
; type: tp_btf/sched_process_wait
; expect: REJECT access beyond the end of member level (mend:8) in struct pid with off 4 size 8
r1 = *(u64 *)(r1 +0)
if r1 == 0 goto out
r0 = *(u64 *)(r1 +4)
out:
r0 = 0
exit
