// SPDX-License-Identifier: GPL-2.0
/* Open-coded iterators through the header's loop macros, written against
 * `kfreg header` and vmlinux.h only. */
#include "vmlinux.h"
#include "kfuncs.h"

SEC("tc")
int iter_loops(struct __sk_buff *skb)
{
	int sum = 0, i, *v;

	bpf_for(i, 0, 10)
		sum += i;
	bpf_for_each(num, v, 0, 5)
		sum += *v;
	bpf_repeat(3)
		sum++;
	return sum;
}

char LICENSE[] SEC("license") = "GPL";
