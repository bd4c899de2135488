// SPDX-License-Identifier: GPL-2.0
/* raw_kfunc_calls: kfunc calls written as raw instructions, which libbpf
 * passes as they are. The kernel checks every kfunc call before it walks
 * the program (add_kfunc_call), reached or not: an offset naming a module's
 * BTF without an fd array, a negative offset, an id that names no function
 * in its BTF. The ids here name no function in any kernel's BTF (1, -1).
 * Found by the helpers' instruction sweeps. */
#include "corpus.h"

#define RAW(x) ".8byte " #x ";"

/* REJECT: id 1 (an integer type) is no function. */
SEC("tc")
__attribute__((naked)) int id_names_no_function(void)
{
	asm volatile(RAW(0x0000000100002085) "r0 = 0; exit;");
}

/* REJECT: the same in code no path reaches. */
SEC("tc")
__attribute__((naked)) int unreached_id_names_no_function(void)
{
	asm volatile("r0 = 0; if r0 == 0 goto 1f;" RAW(0x0000000100002085) "1: r0 = 0; exit;");
}

/* REJECT: the id is printed unsigned. */
SEC("tc")
__attribute__((naked)) int negative_id(void)
{
	asm volatile(RAW(0xffffffff00002085) "r0 = 0; exit;");
}

/* REJECT: a negative offset names no module. */
SEC("tc")
__attribute__((naked)) int negative_offset(void)
{
	asm volatile(RAW(0x00000001ffff2085) "r0 = 0; exit;");
}

/* REJECT: a positive offset names a module's BTF in no fd array. */
SEC("tc")
__attribute__((naked)) int offset_without_fd_array(void)
{
	asm volatile(RAW(0x0000000100052085) "r0 = 0; exit;");
}
