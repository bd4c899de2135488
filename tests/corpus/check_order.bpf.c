// SPDX-License-Identifier: GPL-2.0
/* check_order: which of two faults of one instruction the kernel reports
 * first. A conditional jump reads its destination before it looks at its
 * reserved fields (check_cond_jmp_op); an ALU instruction's reserved
 * fields come before its registers, a bad register number included; a
 * legacy packet load first asks whether the program type may use one
 * (check_ld_abs); a load-acquire asks where it loads from before it checks
 * its destination; a socket map's value argument is resolved before a NULL
 * one is let through (resolve_map_arg_type). The malformed instructions
 * are raw encodings. Found by a helper's instruction sweeps. */
#include "corpus.h"

#define RAW(x) ".8byte " #x ";"

struct {
	__uint(type, BPF_MAP_TYPE_SOCKMAP);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} socks SEC(".maps");

/* REJECT: `if r0 < 8` with src_reg 3 set, R0 unwritten: R0 !read_ok. */
SEC("socket")
__attribute__((naked)) int jump_reads_dst_before_fields(void)
{
	asm volatile(RAW(0x00000008000030a5) "r0 = 0; exit;");
}

/* REJECT: the same with R0 written: the reserved field. */
SEC("socket")
__attribute__((naked)) int jump_fields_after_dst(void)
{
	asm volatile("r0 = 0;" RAW(0x00000008000030a5) "r0 = 0; exit;");
}

/* REJECT: `if r0 == r7` with imm set: the field before R7 is read. */
SEC("socket")
__attribute__((naked)) int jump_fields_before_src(void)
{
	asm volatile("r0 = 0;" RAW(0x000000050000701d) "r0 = 0; exit;");
}

/* REJECT: `if r0 == r11`, R0 unwritten: R0 !read_ok before R11. */
SEC("socket")
__attribute__((naked)) int jump_reads_dst_before_bad_src(void)
{
	asm volatile(RAW(0x000000000000b01d) "r0 = 0; exit;");
}

/* REJECT: `w11 += w0` with imm set, R0 unwritten: the field first. */
SEC("socket")
__attribute__((naked)) int alu_fields_before_registers(void)
{
	asm volatile(RAW(0x0000000100000b0c) "r0 = 0; exit;");
}

/* REJECT: a byte LD_ABS into R1 in XDP: not allowed here at all. */
SEC("xdp")
__attribute__((naked)) int ld_abs_type_before_fields(void)
{
	asm volatile("r6 = r1;" RAW(0x0000000000000130) "r0 = 0; exit;");
}

/* REJECT: the same in a socket filter: the reserved field. */
SEC("socket")
__attribute__((naked)) int ld_abs_fields_where_allowed(void)
{
	asm volatile("r6 = r1;" RAW(0x0000000000000130) "r0 = 0; exit;");
}

/* REJECT: `r10 = load_acquire(r1 + 0)` with R1 the context: the source. */
SEC("socket")
__attribute__((naked)) int load_acquire_source_before_destination(void)
{
	asm volatile(RAW(0x0000010000001adb) "r0 = 0; exit;");
}

/* REJECT: a NULL value for a socket map's storage lookup. */
SEC("kprobe/do_nanosleep")
int sockmap_value_resolved_before_null(void *ctx)
{
	return bpf_task_storage_get(&socks, bpf_get_current_task_btf(), 0, 0) != 0;
}
