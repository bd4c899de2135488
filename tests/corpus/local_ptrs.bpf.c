// SPDX-License-Identifier: GPL-2.0
/* local_ptrs: a pointer held in an object the program allocated is, when
 * loaded, read-only memory of unknown size and trust, unless it points to a
 * struct: then it is a number. */
#include "corpus.h"

struct cell {
	struct cell *next;
	long vals[2];
	char *names[2];
};

/* REJECT: a pointer to a struct loads as a number. */
SEC("tc")
int read_through_member(struct __sk_buff *skb)
{
	struct cell *c = bpf_obj_new(typeof(*c));
	char v;

	if (!c)
		return 0;
	v = *(volatile char *)c->next;
	bpf_obj_drop(c);
	return v;
}

/* ACCEPT: a byte read through a char pointer held in an array member. */
SEC("tc")
int read_through_array_member(struct __sk_buff *skb)
{
	struct cell *c = bpf_obj_new(typeof(*c));
	char v;

	if (!c)
		return 0;
	v = *(volatile char *)c->names[1];
	bpf_obj_drop(c);
	return v;
}

/* REJECT: the memory behind a char pointer member is read-only. */
SEC("tc")
int write_through_member(struct __sk_buff *skb)
{
	struct cell *c = bpf_obj_new(typeof(*c));

	if (!c)
		return 0;
	*(volatile char *)c->names[0] = 1;
	bpf_obj_drop(c);
	return 0;
}

/* REJECT: a scalar member is not a pointer. */
SEC("tc")
int read_through_scalar_member(struct __sk_buff *skb)
{
	struct cell *c = bpf_obj_new(typeof(*c));
	char v;

	if (!c)
		return 0;
	v = *(volatile char *)c->vals[0];
	bpf_obj_drop(c);
	return v;
}
