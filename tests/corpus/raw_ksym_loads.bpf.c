// SPDX-License-Identifier: GPL-2.0
/* raw_ksym_loads: 64-bit loads of a kernel symbol by BTF id written as raw
 * instructions, which libbpf passes as they are; the kernel checks each
 * before it walks the program, reached or not (check_pseudo_btf_id): a
 * module BTF fd, an id its BTF lacks, an id naming no variable or function.
 * The ids here mean the same in any kernel's BTF (1 is an integer type).
 * Found by two helpers' instruction sweeps. */
#include "corpus.h"

#define RAW(x) ".8byte " #x ";"

/* REJECT: a module BTF fd. */
SEC("tc")
__attribute__((naked)) int module_btf_fd(void)
{
	asm volatile(RAW(0x0000000100003118) RAW(0x0000000700000000) "r0 = 0; exit;");
}

/* REJECT: an id the BTF lacks. */
SEC("tc")
__attribute__((naked)) int id_out_of_range(void)
{
	asm volatile(RAW(0x7fffffff00003118) RAW(0x0000000000000000) "r0 = 0; exit;");
}

/* REJECT: an integer type is no symbol. */
SEC("tc")
__attribute__((naked)) int id_names_a_type(void)
{
	asm volatile(RAW(0x0000000100003118) RAW(0x0000000000000000) "r0 = 0; exit;");
}

/* REJECT: the same in code no path reaches. */
SEC("tc")
__attribute__((naked)) int unreached_id_names_a_type(void)
{
	asm volatile("r0 = 0; if r0 == 0 goto 1f;" RAW(0x0000000100003118) RAW(0x0000000000000000) "1: r0 = 0; exit;");
}
