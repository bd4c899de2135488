// SPDX-License-Identifier: GPL-2.0
/* core_type_matches: bpf_core_type_matches() is libbpf's type match, which
 * is stricter than bpf_core_type_exists()'s compatibility: every member of
 * a local flavor must exist in the kernel's type by name with a matching
 * type, integers agree in size and sign, arrays in length, enumerators by
 * name; behind a pointer only the aggregate's name and kind count. Each
 * program reads through a number, which the kernel refuses, unless the
 * relocation said the types match. Found by a helper in below's exitstat
 * program (kfreg took a match for mere existence). */
#include "corpus.h"

struct task_struct___same {
	pid_t pid;
	pid_t tgid;
} __attribute__((preserve_access_index));

/* The kernel is built with -funsigned-char: its char is unsigned. */
struct task_struct___signed_char {
	char comm[16];
} __attribute__((preserve_access_index));

struct netns_ipv4___same_length {
	int sysctl_tcp_wmem[3];
} __attribute__((preserve_access_index));

/* clang names the type "unsigned long", the kernel "long unsigned int". */
struct rlimit___ulong {
	__kernel_ulong_t rlim_cur;
} __attribute__((preserve_access_index));

struct task_struct___wide_pid {
	long pid;
} __attribute__((preserve_access_index));

struct task_struct___unsigned_pid {
	unsigned int pid;
} __attribute__((preserve_access_index));

struct task_struct___no_such_member {
	int no_such_member;
} __attribute__((preserve_access_index));

struct netns_ipv4___short {
	int sysctl_tcp_wmem[2];
} __attribute__((preserve_access_index));

struct mm_struct___only_name {
	int no_such_member;
} __attribute__((preserve_access_index));

struct task_struct___mm_behind_ptr {
	struct mm_struct___only_name *mm;
} __attribute__((preserve_access_index));

struct task_struct___mm_other_name {
	struct inode *mm;
} __attribute__((preserve_access_index));

union task_struct___union {
	pid_t pid;
} __attribute__((preserve_access_index));

typedef int pid_t___same;
typedef long long pid_t___wide;

enum bpf_map_type___subset {
	BPF_MAP_TYPE_HASH___subset = 1,
	BPF_MAP_TYPE_ARRAY___subset = 2,
};

enum bpf_map_type___extra {
	BPF_MAP_TYPE_HASH___extra = 1,
	NO_SUCH_MAP_TYPE___extra = 7,
};

#define ACCEPT_IF_MATCHES(type)                                              \
	if (bpf_core_type_matches(type))                                     \
		return 0;                                                    \
	return *(volatile long *)(long)bpf_get_prandom_u32();

/* ACCEPT: a flavor whose members all match the kernel's. */
SEC("tc")
int same_members(struct __sk_buff *skb)
{
	ACCEPT_IF_MATCHES(struct task_struct___same)
}

/* REJECT: a member of another size (it exists: type_exists says 1). */
SEC("tc")
int member_of_another_size(struct __sk_buff *skb)
{
	ACCEPT_IF_MATCHES(struct task_struct___wide_pid)
}

/* REJECT: a member of another sign. */
SEC("tc")
int member_of_another_sign(struct __sk_buff *skb)
{
	ACCEPT_IF_MATCHES(struct task_struct___unsigned_pid)
}

/* REJECT: a member the kernel's struct lacks. */
SEC("tc")
int member_missing(struct __sk_buff *skb)
{
	ACCEPT_IF_MATCHES(struct task_struct___no_such_member)
}

/* REJECT: char, which the kernel's BTF says is unsigned. */
SEC("tc")
int char_of_another_sign(struct __sk_buff *skb)
{
	ACCEPT_IF_MATCHES(struct task_struct___signed_char)
}

/* REJECT: integers match by name too. */
SEC("tc")
int integer_of_another_name(struct __sk_buff *skb)
{
	ACCEPT_IF_MATCHES(struct rlimit___ulong)
}

/* ACCEPT: an array of the kernel's length. */
SEC("tc")
int array_of_the_same_length(struct __sk_buff *skb)
{
	ACCEPT_IF_MATCHES(struct netns_ipv4___same_length)
}

/* REJECT: an array of another length. */
SEC("tc")
int array_of_another_length(struct __sk_buff *skb)
{
	ACCEPT_IF_MATCHES(struct netns_ipv4___short)
}

/* ACCEPT: behind a pointer only the struct's name and kind count. */
SEC("tc")
int struct_behind_pointer(struct __sk_buff *skb)
{
	ACCEPT_IF_MATCHES(struct task_struct___mm_behind_ptr)
}

/* REJECT: a pointer to a struct of another name. */
SEC("tc")
int pointer_to_another_struct(struct __sk_buff *skb)
{
	ACCEPT_IF_MATCHES(struct task_struct___mm_other_name)
}

/* REJECT: a union where the kernel has a struct. */
SEC("tc")
int union_for_struct(struct __sk_buff *skb)
{
	ACCEPT_IF_MATCHES(union task_struct___union)
}

/* ACCEPT: a typedef of an integer of the kernel's size and sign. */
SEC("tc")
int typedef_same_int(struct __sk_buff *skb)
{
	ACCEPT_IF_MATCHES(pid_t___same)
}

/* REJECT: a typedef of a wider integer. */
SEC("tc")
int typedef_wider_int(struct __sk_buff *skb)
{
	ACCEPT_IF_MATCHES(pid_t___wide)
}

/* ACCEPT: some of the kernel's enumerators, whatever their values. */
SEC("tc")
int enum_subset(struct __sk_buff *skb)
{
	ACCEPT_IF_MATCHES(enum bpf_map_type___subset)
}

/* REJECT: an enumerator the kernel's enum lacks. */
SEC("tc")
int enum_extra_enumerator(struct __sk_buff *skb)
{
	ACCEPT_IF_MATCHES(enum bpf_map_type___extra)
}

/* ACCEPT: existence alone, for the flavor that does not match. */
SEC("tc")
int exists_without_matching(struct __sk_buff *skb)
{
	if (bpf_core_type_exists(struct task_struct___no_such_member))
		return 0;
	return *(volatile long *)(long)bpf_get_prandom_u32();
}
