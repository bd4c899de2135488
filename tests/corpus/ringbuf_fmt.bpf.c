// SPDX-License-Identifier: GPL-2.0
/* ringbuf_fmt: ring buffer records (reserve/submit/discard/output, sizes, offsets, double release) and the format strings of bpf_snprintf, bpf_trace_vprintk and bpf_seq_printf. */
#include "corpus.h"

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} rb SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, long);
} arr SEC(".maps");

struct rec {
	long a;
	long b;
};

/* ACCEPT: a record reserved, filled and submitted. */
SEC("tc")
int rf_reserve_ok(struct __sk_buff *skb)
{
	struct rec *r = bpf_ringbuf_reserve(&rb, sizeof(*r), 0);

	if (!r)
		return 0;
	r->a = skb->len;
	r->b = 0;
	bpf_ringbuf_submit(r, 0);
	return 0;
}

/* REJECT: a record written past its size. */
SEC("tc")
int rf_reserve_oob(struct __sk_buff *skb)
{
	long *r = bpf_ringbuf_reserve(&rb, 8, 0);

	if (!r)
		return 0;
	r[1] = 0;
	bpf_ringbuf_submit(r, 0);
	return 0;
}

/* REJECT: the reserve size is not constant. */
SEC("tc")
int rf_reserve_var(struct __sk_buff *skb)
{
	void *r = bpf_ringbuf_reserve(&rb, skb->len & 0xff, 0);

	if (!r)
		return 0;
	bpf_ringbuf_discard(r, 0);
	return 0;
}

/* REJECT: a record submitted through a moved pointer. */
SEC("tc")
int rf_submit_moved(struct __sk_buff *skb)
{
	char *r = bpf_ringbuf_reserve(&rb, 16, 0);

	if (!r)
		return 0;
	bpf_ringbuf_submit(r + 8, 0);
	return 0;
}

/* REJECT: a record submitted twice. */
SEC("tc")
int rf_double_submit(struct __sk_buff *skb)
{
	long *r = bpf_ringbuf_reserve(&rb, 8, 0);

	if (!r)
		return 0;
	bpf_ringbuf_submit(r, 0);
	bpf_ringbuf_discard(r, 0);
	return 0;
}

/* REJECT: a record written after submit. */
SEC("tc")
int rf_write_after_submit(struct __sk_buff *skb)
{
	long *r = bpf_ringbuf_reserve(&rb, 8, 0);

	if (!r)
		return 0;
	bpf_ringbuf_submit(r, 0);
	*r = 1;
	return 0;
}

/* REJECT: a record leaked on one path. */
SEC("tc")
int rf_leak_branch(struct __sk_buff *skb)
{
	long *r = bpf_ringbuf_reserve(&rb, 8, 0);

	if (!r)
		return 0;
	if (skb->len > 100)
		return 1;
	bpf_ringbuf_submit(r, 0);
	return 0;
}

/* REJECT: a map value submitted. */
SEC("tc")
int rf_submit_map_value(struct __sk_buff *skb)
{
	int key = 0;
	long *v = bpf_map_lookup_elem(&arr, &key);

	if (!v)
		return 0;
	bpf_ringbuf_submit(v, 0);
	return 0;
}

/* ACCEPT: bpf_ringbuf_output of a stack record. */
SEC("tc")
int rf_output_ok(struct __sk_buff *skb)
{
	struct rec r = { skb->len, 0 };

	return bpf_ringbuf_output(&rb, &r, sizeof(r), 0) & 1;
}

/* ACCEPT: a record passed to bpf_ringbuf_output as memory, then discarded. */
SEC("tc")
int rf_record_as_mem(struct __sk_buff *skb)
{
	struct rec *r = bpf_ringbuf_reserve(&rb, sizeof(*r), 0);

	if (!r)
		return 0;
	r->a = r->b = 0;
	bpf_ringbuf_output(&rb, r, sizeof(*r), 0);
	bpf_ringbuf_discard(r, 0);
	return 0;
}

/* ACCEPT: a record's address stored into a map value (a privileged loader may leak pointers). */
SEC("tc")
int rf_record_stored(struct __sk_buff *skb)
{
	int key = 0;
	long *v = bpf_map_lookup_elem(&arr, &key);
	long *r;

	if (!v)
		return 0;
	r = bpf_ringbuf_reserve(&rb, 8, 0);
	if (!r)
		return 0;
	*v = (long)r;
	bpf_ringbuf_discard(r, 0);
	return 0;
}

/* ACCEPT: bpf_ringbuf_query. */
SEC("tc")
int rf_query(struct __sk_buff *skb)
{
	return bpf_ringbuf_query(&rb, BPF_RB_AVAIL_DATA) & 1;
}

/* ACCEPT: bpf_snprintf with a constant format and matching arguments. */
SEC("tc")
int rf_snprintf_ok(struct __sk_buff *skb)
{
	static const char fmt[] = "len %u mark %d";
	char out[32];
	__u64 args[2] = { skb->len, skb->mark };

	return bpf_snprintf(out, sizeof(out), fmt, args, sizeof(args)) & 1;
}

/* REJECT: bpf_snprintf's format is not a constant string. */
SEC("tc")
int rf_snprintf_stack_fmt(struct __sk_buff *skb)
{
	char fmt[8] = "x %d";
	char out[16];
	__u64 args[1] = { 1 };

	return bpf_snprintf(out, sizeof(out), fmt, args, sizeof(args)) & 1;
}

/* REJECT: bpf_snprintf's format asks for more arguments than given. */
SEC("tc")
int rf_snprintf_few_args(struct __sk_buff *skb)
{
	static const char fmt[] = "%d %d";
	char out[16];
	__u64 args[1] = { 1 };

	return bpf_snprintf(out, sizeof(out), fmt, args, sizeof(args)) & 1;
}

/* REJECT: bpf_snprintf's format has an unknown conversion. */
SEC("tc")
int rf_snprintf_bad_conv(struct __sk_buff *skb)
{
	static const char fmt[] = "%n";
	char out[16];
	__u64 args[1] = { 1 };

	return bpf_snprintf(out, sizeof(out), fmt, args, sizeof(args)) & 1;
}

/* REJECT: bpf_snprintf's argument array is not a multiple of 8 bytes (refused without a message). */
SEC("tc")
int rf_snprintf_odd_args(struct __sk_buff *skb)
{
	static const char fmt[] = "%d";
	char out[16];
	__u32 args[3] = { 1, 2, 3 };

	return bpf_snprintf(out, sizeof(out), fmt, (__u64 *)args, sizeof(args)) & 1;
}

/* ACCEPT: bpf_trace_vprintk with a constant format. */
SEC("tc")
int rf_vprintk_ok(struct __sk_buff *skb)
{
	static const char fmt[] = "a %d b %d c %d d %d\n";
	__u64 args[4] = { 1, 2, 3, 4 };

	return bpf_trace_vprintk(fmt, sizeof(fmt), args, sizeof(args)) & 1;
}

/* ACCEPT: bpf_trace_vprintk's format is not terminated within its size (checked when it runs). */
SEC("tc")
int rf_vprintk_short(struct __sk_buff *skb)
{
	static const char fmt[] = "a %d\n";
	__u64 args[1] = { 1 };

	return bpf_trace_vprintk(fmt, 3, args, sizeof(args)) & 1;
}

/* ACCEPT: bpf_trace_printk with a stack format (checked when it runs). */
SEC("tc")
int rf_printk_stack(struct __sk_buff *skb)
{
	char fmt[] = "x %d\n";

	return bpf_trace_printk(fmt, sizeof(fmt), skb->len) & 1;
}

/* REJECT: bpf_snprintf's format is in a writable map value. */
SEC("tc")
int rf_snprintf_map_fmt(struct __sk_buff *skb)
{
	int key = 0;
	char *fmt = bpf_map_lookup_elem(&arr, &key);
	char out[16];
	__u64 args[1] = { 1 };

	if (!fmt)
		return 0;
	return bpf_snprintf(out, sizeof(out), fmt, args, sizeof(args)) & 1;
}

/* ACCEPT: bpf_snprintf with %s of a stack string and %pI4 of an address. */
SEC("tc")
int rf_snprintf_str(struct __sk_buff *skb)
{
	static const char fmt[] = "%s %pI4";
	char name[4] = "ab";
	__u32 ip = 0x0100007f;
	char out[32];
	__u64 args[2] = { (__u64)(long)name, (__u64)(long)&ip };

	return bpf_snprintf(out, sizeof(out), fmt, args, sizeof(args)) & 1;
}

#define SNPRINTF(fmt_text, n)                                                    \
	({                                                                       \
		static const char fmt[] = fmt_text;                              \
		char out[64];                                                    \
		__u64 args[n] = {};                                              \
		bpf_snprintf(out, sizeof(out), fmt, args, sizeof(args)) & 1;      \
	})

/* ACCEPT: every conversion bpf_snprintf prints, with flags and widths. */
SEC("tc")
int rf_snprintf_all_conv(struct __sk_buff *skb)
{
	return SNPRINTF("%-5d %+3i %05u %lx %llX %c %s, %p %pK %px %ps %pS %pB %pI4 %pi6 %pks %pus %%", 17);
}

/* REJECT: bpf_snprintf with a short (h) modifier. */
SEC("tc")
int rf_snprintf_short_mod(struct __sk_buff *skb)
{
	return SNPRINTF("%hd", 1);
}

/* REJECT: bpf_snprintf with %s followed by a letter. */
SEC("tc")
int rf_snprintf_str_letter(struct __sk_buff *skb)
{
	return SNPRINTF("%sa", 1);
}

/* REJECT: bpf_snprintf with a %p extension it does not print. */
SEC("tc")
int rf_snprintf_pm(struct __sk_buff *skb)
{
	return SNPRINTF("%pM", 1);
}

/* ACCEPT: bpf_snprintf with a byte above ASCII in its text (UTF-8 text passes in 6.18's stable updates). */
SEC("tc")
int rf_snprintf_non_ascii(struct __sk_buff *skb)
{
	return SNPRINTF("caf\xe9", 1);
}

/* ACCEPT: bpf_snprintf with fewer conversions than arguments. */
SEC("tc")
int rf_snprintf_extra_args(struct __sk_buff *skb)
{
	return SNPRINTF("%d", 3);
}

/* REJECT: bpf_snprintf with a trailing lone percent sign. */
SEC("tc")
int rf_snprintf_trailing_pct(struct __sk_buff *skb)
{
	return SNPRINTF("x %", 1);
}

/* REJECT: bpf_snprintf with a byte above ASCII right after a percent sign. */
SEC("tc")
int rf_snprintf_pct_non_ascii(struct __sk_buff *skb)
{
	return SNPRINTF("%\xe9", 1);
}

/* REJECT: bpf_snprintf with an ASCII control character. */
SEC("tc")
int rf_snprintf_control(struct __sk_buff *skb)
{
	return SNPRINTF("a\x01", 1);
}
