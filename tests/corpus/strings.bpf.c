// SPDX-License-Identifier: GPL-2.0
/* strings: the bpf_str* kfuncs (args are __ign: unchecked pointers read with fault-safe copies). */
#include "corpus.h"

const char hello[] = "hello, world";
char scratch[32];

/* ACCEPT: bpf_strlen of a global string. */
SEC("tc")
int str_strlen_ok(struct __sk_buff *skb)
{
	return bpf_strlen(hello);
}

/* ACCEPT: bpf_strcmp / bpf_strstr between globals. */
SEC("tc")
int str_cmp_ok(struct __sk_buff *skb)
{
	int r = bpf_strcmp(hello, scratch);

	return r + bpf_strstr(hello, "world");
}

/* ACCEPT: an arbitrary scalar passed as the string (an __ign argument is not checked). */
SEC("tc")
int str_scalar_pointer_ok(struct __sk_buff *skb)
{
	return bpf_strlen((const char *)(unsigned long)skb->len);
}

/* ACCEPT: bpf_strnchr on the task's comm in a tp_btf program. */
SEC("tp_btf/task_newtask")
int BPF_PROG(str_task_comm_ok, struct task_struct *task, u64 clone_flags)
{
	return bpf_strnchr(task->comm, sizeof(task->comm), 'a');
}

/* REJECT: bpf_strlen returns a scalar (an int, not a pointer); dereferencing it. */
SEC("tc")
int str_deref_result(struct __sk_buff *skb)
{
	long r = bpf_strlen(hello);

	return *(char *)r;
}

/* REJECT: bpf_strnlen's count argument must be a scalar, not a pointer. */
SEC("tc")
int str_count_is_pointer(struct __sk_buff *skb)
{
	return bpf_strnlen(hello, (size_t)scratch);
}

/* ACCEPT: bpf_strnstr / bpf_strspn / bpf_strcspn in an xdp program (common kfuncs). */
SEC("xdp")
int str_in_xdp_ok(struct xdp_md *ctx)
{
	return bpf_strnstr(hello, "lo", 5) + bpf_strspn(hello, "hel") + bpf_strcspn(hello, ",");
}

/* ACCEPT: bpf_strchr on a string literal in a socket filter. */
SEC("socket")
int str_in_socket_ok(struct __sk_buff *skb)
{
	return bpf_strchr(hello, 'w') > 0;
}
