//! State lines of the level-2 log that only the log shows: each expected
//! line was printed by Linux 6.18 (`BPF_LOG_LEVEL2`, libbpf 1.5 loading the
//! same object compiled by clang-19 from the source below) and kfreg must
//! print it the same.

mod bpf_source;

const SOURCE: &str = r#"#include "corpus.h"
#define __arg_untrusted __attribute((btf_decl_tag("arg:untrusted")))
struct tval {
	long a;
	struct bpf_timer t;
};
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct tval);
} timers SEC(".maps");
static int tick(void *map, int *key, struct tval *v)
{
	v->a++;
	return 0;
}
SEC("tc")
int timer_callback_set(struct __sk_buff *skb)
{
	int k = 0;
	struct tval *v = bpf_map_lookup_elem(&timers, &k);

	if (!v)
		return 0;
	bpf_timer_init(&v->t, &timers, 1);
	bpf_timer_set_callback(&v->t, tick);
	return 0;
}
__noinline int untrusted_pid(struct task_struct *t __arg_untrusted)
{
	return t->pid;
}
long g;
SEC("tp_btf/sys_enter")
int untrusted_global_arg(void *ctx)
{
	struct task_struct *t = bpf_get_current_task_btf();

	g = untrusted_pid(t->real_parent);
	return 0;
}
SEC("kprobe/do_nanosleep")
int helper_write_beside_spill(void *ctx)
{
	unsigned int off = bpf_get_prandom_u32() & 7;
	asm volatile (
		"w1 = 3;"
		"*(u32 *)(r10 - 24) = w1;"
		"r1 = r10;"
		"r1 += -20;"
		"r1 += %[off];"
		"r2 = 4;"
		"r3 = 0;"
		"call %[bpf_probe_read_kernel];"
		"r2 = *(u32 *)(r10 - 24);"
		:: [off]"r"(off), [bpf_probe_read_kernel]"i"(BPF_FUNC_probe_read_kernel) : "r0", "r1", "r2", "r3", "r4", "r5");
	return 0;
}
char dbuf[16];
__noinline __weak int dynptr_first_byte(struct bpf_dynptr *d)
{
	char c = 0;

	bpf_dynptr_read(&c, 1, d, 0, 0);
	return c;
}
SEC("tc")
int global_dynptr_arg(struct __sk_buff *skb)
{
	struct bpf_dynptr d;

	bpf_dynptr_from_mem(dbuf, sizeof(dbuf), 0, &d);
	return dynptr_first_byte(&d);
}
SEC("socket")
int indirect_packet_load(struct __sk_buff *skb)
{
	asm volatile (
		"r6 = r1;"
		"r7 = 14;"
		"r0 = *(u8 *)skb[r7];"
		::: "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7");
	return 0;
}
"#;

fn assert_line(prog: &str, line: &str) {
    let log = bpf_source::log("kfreg-state-log", "state_log", SOURCE, prog);
    assert!(
        log.lines().any(|l| l == line),
        "{prog}: the kernel printed\n{line}\nkfreg's log:\n{log}"
    );
}

/// Making an async callback's frame marks the whole caller state scratched
/// (init_func_state), so the call's line shows every register and slot.
#[test]
fn an_async_callback_shows_the_callers_whole_state() {
    assert_line(
        "timer_callback_set",
        "18: (85) call bpf_timer_set_callback#170      ; R0=scalar() R6=map_value(map=timers,ks=4,vs=24,off=8) R10=fp0 fp-8=0000????",
    );
}

/// A global function's kernel-object argument gets an id, untrusted too.
#[test]
fn an_untrusted_global_argument_has_an_id() {
    assert_line(
        "untrusted_global_arg",
        "10: R1=untrusted_ptr_task_struct(id=1) R10=fp0",
    );
}

/// A helper's write at a variable offset makes the uninitialised bytes it
/// may cover unknown one by one: the 32-bit spill beside them stays.
#[test]
fn a_helper_write_beside_a_spill_keeps_it() {
    assert_line(
        "helper_write_beside_spill",
        "11: (61) r2 = *(u32 *)(r10 -24)       ; R2=3 R10=fp0 fp-24=mmmm3",
    );
}

/// A global function's dynptr argument has the skb type here, and reading
/// the caller's dynptr marks its slots.
#[test]
fn a_global_dynptr_argument() {
    assert_line(
        "global_dynptr_arg",
        "10: R0=scalar() fp-16=dynptr_local(id=1,dynptr_id=1)",
    );
    assert_line(
        "global_dynptr_arg",
        "11: R1=dynptr_ptr(id=2,type=skb) R10=fp0",
    );
}

/// An indirect packet load reads its index register.
#[test]
fn an_indirect_packet_load_shows_its_index() {
    assert_line(
        "indirect_packet_load",
        "2: (50) r0 = *(u8 *)skb[r7 + 0]       ; R0=scalar() R6=ctx() R7=14",
    );
}
