// SPDX-License-Identifier: MIT
/*
 * Turns the kernel's test_verifier cases (the struct arrays of
 * tools/testing/selftests/bpf/verifier/*.c in a Linux source tree) into
 * JSON cases of the form verifier/tests/asm_cases.rs and
 * scripts/asm-kernel-verdicts.py share: meta lines and raw instructions.
 *
 * Built at test time by scripts/test-verifier.sh against an unpacked tree
 * (nothing of the tree is committed). The generated `cases.h` includes each
 * verifier/*.c into its own array, so a case is named by its file.
 *
 * A map fixup becomes a `map:` line, its instructions' immediates the map's
 * index, as the asm cases number their maps. What the cases cannot say
 * (generated programs, kfuncs of the test module, BTF of their own,
 * alignment and pruning flags) is a `skip` with its reason.
 */
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <linux/types.h>
#include <linux/bpf.h>
#include <linux/bpf_perf_event.h>
#include <linux/filter.h>
#include <linux/if_ether.h>
#include <linux/btf.h>
#include "test_btf.h"

#define MAX_INSNS BPF_MAXINSNS
#define MAX_EXPECTED_INSNS 32
#define MAX_UNEXPECTED_INSNS 32
#define MAX_FIXUPS 8
#define MAX_TEST_RUNS 8
#define POINTER_VALUE 0xcafe4all
#define TEST_DATA_LEN 64
#define MAX_FUNC_INFOS 8
#define MAX_BTF_STRINGS 256
#define MAX_BTF_TYPES 256
#define MAX_ENTRIES 11
#define MAX_JMP_SEQ 8192
#define FUNC_NEST 7
#define INSN_OFF_MASK ((__s16)0xFFFF)
#define INSN_IMM_MASK ((__s32)0xFFFFFFFF)
#define SKIP_INSNS() BPF_RAW_INSN(0xde, 0xa, 0xd, 0xbeef, 0xdeadbeef)
#define F_NEEDS_EFFICIENT_UNALIGNED_ACCESS (1 << 0)
#define F_LOAD_WITH_STRICT_ALIGNMENT (1 << 1)
#define F_NEEDS_JIT_ENABLED (1 << 2)
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define offsetofend(TYPE, MEMBER) \
	(offsetof(TYPE, MEMBER) + sizeof(((TYPE *)0)->MEMBER))

/* The value types the fixups' maps hold (their sizes are what matters). */
struct test_val {
	unsigned int index;
	int foo[MAX_ENTRIES];
};

struct other_val {
	long long foo;
	long long bar;
};

struct kfunc_btf_id_pair {
	const char *kfunc;
	int insn_idx;
};

struct bpf_test {
	const char *descr;
	struct bpf_insn insns[MAX_INSNS];
	struct bpf_insn *fill_insns;
	struct bpf_insn expected_insns[MAX_EXPECTED_INSNS];
	struct bpf_insn unexpected_insns[MAX_UNEXPECTED_INSNS];
	int fixup_map_hash_8b[MAX_FIXUPS];
	int fixup_map_hash_48b[MAX_FIXUPS];
	int fixup_map_hash_16b[MAX_FIXUPS];
	int fixup_map_array_48b[MAX_FIXUPS];
	int fixup_map_sockmap[MAX_FIXUPS];
	int fixup_map_sockhash[MAX_FIXUPS];
	int fixup_map_xskmap[MAX_FIXUPS];
	int fixup_map_stacktrace[MAX_FIXUPS];
	int fixup_prog1[MAX_FIXUPS];
	int fixup_prog2[MAX_FIXUPS];
	int fixup_map_in_map[MAX_FIXUPS];
	int fixup_cgroup_storage[MAX_FIXUPS];
	int fixup_percpu_cgroup_storage[MAX_FIXUPS];
	int fixup_map_spin_lock[MAX_FIXUPS];
	int fixup_map_array_ro[MAX_FIXUPS];
	int fixup_map_array_wo[MAX_FIXUPS];
	int fixup_map_array_small[MAX_FIXUPS];
	int fixup_sk_storage_map[MAX_FIXUPS];
	int fixup_map_event_output[MAX_FIXUPS];
	int fixup_map_reuseport_array[MAX_FIXUPS];
	int fixup_map_ringbuf[MAX_FIXUPS];
	int fixup_map_timer[MAX_FIXUPS];
	int fixup_map_kptr[MAX_FIXUPS];
	struct kfunc_btf_id_pair fixup_kfunc_btf_id[MAX_FIXUPS];
	const char *errstr;
	const char *errstr_unpriv;
	uint32_t insn_processed;
	int prog_len;
	enum { UNDEF, ACCEPT, REJECT, VERBOSE_ACCEPT } result, result_unpriv;
	enum bpf_prog_type prog_type;
	uint8_t flags;
	void (*fill_helper)(struct bpf_test *self);
	int runs;
#define bpf_testdata_struct_t                                                  \
	struct {                                                               \
		uint32_t retval, retval_unpriv;                                \
		union {                                                        \
			__u8 data[TEST_DATA_LEN];                              \
			__u64 data64[TEST_DATA_LEN / 8];                       \
		};                                                             \
	}
	union {
		bpf_testdata_struct_t;
		bpf_testdata_struct_t retvals[MAX_TEST_RUNS];
	};
	enum bpf_attach_type expected_attach_type;
	const char *kfunc;
	struct bpf_func_info func_info[MAX_FUNC_INFOS];
	int func_info_cnt;
	char btf_strings[MAX_BTF_STRINGS];
	__u32 btf_types[MAX_BTF_TYPES];
};

/*
 * Generated programs: the cases that name one are skipped, so the
 * generators are never called.
 */
#define GENERATOR(name) \
	static void name(struct bpf_test *self) { (void)self; }
GENERATOR(bpf_fill_ld_abs_vlan_push_pop)
GENERATOR(bpf_fill_jump_around_ld_abs)
GENERATOR(bpf_fill_rand_ld_dw)
GENERATOR(bpf_fill_scale)
GENERATOR(bpf_fill_torturous_jumps)
GENERATOR(bpf_fill_big_prog_with_loop_1)

/* Instruction sequences the cases share, as the tree's test_verifier.c
 * defines them: a socket lookup with a zeroed tuple on the stack, direct
 * packet access through r2 with 8 bytes checked, and a random value in r7
 * zero- or sign-extended. */
#define BPF_SK_LOOKUP(func)                                                    \
	BPF_MOV64_IMM(BPF_REG_2, 0),                                           \
	BPF_STX_MEM(BPF_W, BPF_REG_10, BPF_REG_2, -8),                         \
	BPF_STX_MEM(BPF_DW, BPF_REG_10, BPF_REG_2, -16),                       \
	BPF_STX_MEM(BPF_DW, BPF_REG_10, BPF_REG_2, -24),                       \
	BPF_STX_MEM(BPF_DW, BPF_REG_10, BPF_REG_2, -32),                       \
	BPF_STX_MEM(BPF_DW, BPF_REG_10, BPF_REG_2, -40),                       \
	BPF_STX_MEM(BPF_DW, BPF_REG_10, BPF_REG_2, -48),                       \
	BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),                                  \
	BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -48),                                \
	BPF_MOV64_IMM(BPF_REG_3, sizeof(struct bpf_sock_tuple)),               \
	BPF_MOV64_IMM(BPF_REG_4, 0),                                           \
	BPF_MOV64_IMM(BPF_REG_5, 0),                                           \
	BPF_EMIT_CALL(BPF_FUNC_##func)

#define BPF_DIRECT_PKT_R2                                                      \
	BPF_MOV64_IMM(BPF_REG_0, 0),                                           \
	BPF_LDX_MEM(BPF_W, BPF_REG_2, BPF_REG_1,                               \
		    offsetof(struct __sk_buff, data)),                         \
	BPF_LDX_MEM(BPF_W, BPF_REG_3, BPF_REG_1,                               \
		    offsetof(struct __sk_buff, data_end)),                     \
	BPF_MOV64_REG(BPF_REG_4, BPF_REG_2),                                   \
	BPF_ALU64_IMM(BPF_ADD, BPF_REG_4, 8),                                  \
	BPF_JMP_REG(BPF_JLE, BPF_REG_4, BPF_REG_3, 1),                         \
	BPF_EXIT_INSN()

#define BPF_RAND_UEXT_R7                                                       \
	BPF_RAW_INSN(BPF_JMP | BPF_CALL, 0, 0, 0, BPF_FUNC_get_prandom_u32),   \
	BPF_MOV64_REG(BPF_REG_7, BPF_REG_0),                                   \
	BPF_ALU64_IMM(BPF_LSH, BPF_REG_7, 33),                                 \
	BPF_ALU64_IMM(BPF_RSH, BPF_REG_7, 33)

#define BPF_RAND_SEXT_R7                                                       \
	BPF_RAW_INSN(BPF_JMP | BPF_CALL, 0, 0, 0, BPF_FUNC_get_prandom_u32),   \
	BPF_MOV64_REG(BPF_REG_7, BPF_REG_0),                                   \
	BPF_ALU64_IMM(BPF_OR, BPF_REG_7, 0x80000000),                          \
	BPF_ALU64_IMM(BPF_LSH, BPF_REG_7, 32),                                 \
	BPF_ALU64_IMM(BPF_ARSH, BPF_REG_7, 32)

struct case_file {
	const char *name;
	struct bpf_test *tests;
	size_t count;
};

/* cases.h: the tree's tools/include/linux/filter.h (the instruction
 * macros), then `static struct bpf_test file_N[] = {#include "verifier/F.c"};`
 * per file and `static struct case_file files[] = {...};`. */
#include "cases.h"

/* A fixup: its field, the map it makes (a `map:` line of the asm cases'
 * vocabulary) or why the case is skipped. */
struct fixup {
	size_t field;
	const char *map;
	const char *skip;
};

#define FIX(f) offsetof(struct bpf_test, fixup_##f)
static const struct fixup fixups[] = {
	{ FIX(map_hash_8b), "hash key=8 value=8 max=1 flags=1", NULL },
	{ FIX(map_hash_48b), "hash key=8 value=48 max=1 flags=1", NULL },
	{ FIX(map_hash_16b), "hash key=8 value=16 max=1 flags=1", NULL },
	{ FIX(map_array_48b), "array key=4 value=48 max=1", NULL },
	{ FIX(map_sockmap), "sockmap key=4 value=4 max=1", NULL },
	{ FIX(map_sockhash), "sockhash key=4 value=4 max=1", NULL },
	{ FIX(map_xskmap), "xskmap key=4 value=4 max=1", NULL },
	{ FIX(map_stacktrace), "stack_trace key=4 value=8 max=1", NULL },
	{ FIX(prog1), "prog_array key=4 value=4 max=4", NULL },
	{ FIX(prog2), "prog_array key=4 value=4 max=8", NULL },
	{ FIX(map_in_map), "array_of_maps key=4 value=4 max=1 inner=array:4:4:1", NULL },
	{ FIX(cgroup_storage), "cgroup_storage key=16 value=64 max=0", NULL },
	{ FIX(percpu_cgroup_storage), "percpu_cgroup_storage key=16 value=64 max=0", NULL },
	{ FIX(map_spin_lock), "array key=4 value=8 max=1 btf=spin_lock", NULL },
	{ FIX(map_array_ro), "array key=4 value=48 max=1 flags=128", NULL },
	{ FIX(map_array_wo), "array key=4 value=48 max=1 flags=256", NULL },
	{ FIX(map_array_small), "array key=4 value=1 max=1", NULL },
	{ FIX(sk_storage_map), "sk_storage key=4 value=8 max=0 flags=1 btf=spin_lock", NULL },
	{ FIX(map_event_output), "perf_event_array key=4 value=4 max=1", NULL },
	{ FIX(map_reuseport_array), "reuseport_sockarray key=4 value=8 max=1", NULL },
	{ FIX(map_ringbuf), "ringbuf key=0 value=0 max=4096", NULL },
	{ FIX(map_timer), "array key=4 value=16 max=1 btf=timer", NULL },
	{ FIX(map_kptr), NULL, "a map of the test module's kptrs" },
};

static void json_string(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		unsigned char c = *s;
		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

/* The tree's own rule: a program ends at its last instruction with a
 * non-zero code or immediate. */
static int length(const struct bpf_insn *insns)
{
	int len;

	for (len = MAX_INSNS - 1; len > 0; --len)
		if (insns[len].code || insns[len].imm)
			break;
	return len + 1;
}

static const char *skip_reason(const struct bpf_test *t)
{
	if (t->fill_helper)
		return "a generated program";
	if (t->fixup_kfunc_btf_id[0].kfunc)
		return "kfuncs resolved by name at load time";
	if (t->btf_types[0] || t->func_info_cnt)
		return "BTF of its own";
	if ((t->prog_type == BPF_PROG_TYPE_TRACING ||
	     t->prog_type == BPF_PROG_TYPE_LSM) && t->kfunc)
		return "attached to a kernel function";
	if (t->flags & F_LOAD_WITH_STRICT_ALIGNMENT)
		return "loaded with BPF_F_STRICT_ALIGNMENT";
	if (t->flags & BPF_F_TEST_STATE_FREQ)
		return "loaded with BPF_F_TEST_STATE_FREQ";
	return NULL;
}

static void emit(const char *file, const struct bpf_test *t, int dup)
{
	struct bpf_insn insns[MAX_INSNS];
	const char *skip = skip_reason(t);
	int len = length(t->insns), nmaps = 0, i, k;
	unsigned flags = t->flags & ~3u;

	memcpy(insns, t->insns, sizeof(insns));
	printf("{\"name\":");
	{
		char name[512];
		if (dup)
			snprintf(name, sizeof(name), "%s/%s #%d", file, t->descr, dup + 1);
		else
			snprintf(name, sizeof(name), "%s/%s", file, t->descr);
		json_string(name);
	}
	printf(",\"meta\":[\"load: %u %u\"", t->prog_type ? t->prog_type : BPF_PROG_TYPE_SOCKET_FILTER,
	       t->expected_attach_type);
	if (flags)
		printf(",\"flags: %u\"", flags);
	for (i = 0; i < (int)ARRAY_SIZE(fixups); i++) {
		const int *at = (const int *)((const char *)t + fixups[i].field);
		if (!at[0])
			continue;
		if (fixups[i].skip) {
			skip = skip ? skip : fixups[i].skip;
			continue;
		}
		printf(",\"map: %s\"", fixups[i].map);
		for (k = 0; k < MAX_FIXUPS && at[k]; k++)
			insns[at[k]].imm = nmaps;
		nmaps++;
	}
	printf("],\"insns\":\"");
	for (i = 0; i < len; i++) {
		const unsigned char *b = (const unsigned char *)&insns[i];
		for (k = 0; k < 8; k++)
			printf("%02x", b[k]);
	}
	printf("\"");
	if (skip) {
		printf(",\"skip\":");
		json_string(skip);
	}
	printf("}");
}

int main(void)
{
	size_t f, i, j;
	int first = 1;

	printf("[\n");
	for (f = 0; f < ARRAY_SIZE(files); f++) {
		for (i = 0; i < files[f].count; i++) {
			const struct bpf_test *t = &files[f].tests[i];
			int dup = 0;

			for (j = 0; j < i; j++)
				dup += !strcmp(files[f].tests[j].descr, t->descr);
			if (!first)
				printf(",\n");
			first = 0;
			emit(files[f].name, t, dup);
		}
	}
	printf("\n]\n");
	return 0;
}
