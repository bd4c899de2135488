#!/usr/bin/env bash
# The Linux BPF selftests as a conformance corpus (issue 12).
#
#   scripts/selftests-corpus.sh [--record] [--force] [-j N] [--only NAME...]
#
# Build (default; cached, every step skipped when up to date):
#  1. Debian's linux-source-6.12 (apt-get install when the tarball is missing;
#     needs root then).
#  2. Unpacks tools/testing/selftests/bpf, tools/lib/bpf (libbpf 1.5) and the
#     few other directories they need into target/selftests/src.
#  3. Builds libbpf 1.5 (static) and installs its headers, bpf_helper_defs.h
#     included, into target/selftests/libbpf-install; builds scripts/kload.c
#     against it as target/selftests/kload (Debian's libbpf 1.1 drops exception
#     callbacks and does not know newer section names).
#  4. target/selftests/include/vmlinux.h from the RECORDED BTF
#     tests/corpus/vmlinux.btf (bpftool), so objects do not depend on the
#     machine's kernel.
#  5. Compiles every progs/*.c with clang-19 as the selftests' Makefile does
#     for test_progs (-g -O2 --target=bpf -mcpu=v3, -mcpu=v4 for files testing
#     __BPF_FEATURE_* macros, -D__TARGET_ARCH_x86, the same include dirs, the
#     Makefile's per-file CFLAGS; -Werror dropped) into
#     target/selftests/obj/NAME.bpf.o, two compilers at a time (-j N to change).
#     Files that do not compile are listed with their first error in
#     target/selftests/compile-failures.txt; that is not fatal.
#
# --record (needs root and a kernel that loads BPF): loads every program of
# every object into the running kernel, one program per BPF_PROG_LOAD, never
# attached, pinned or run (scripts/kload.c), and writes
# tests/selftests/verdicts.json with scripts/selftests-record.py (the
# selftests' own expectations from their BTF decl tags are recorded beside the
# kernel's verdict), tests/selftests/compile-failures.txt and
# tests/selftests/SOURCE (package, compiler and kernel versions; the build
# warns when the package differs) and tests/selftests/kconfig (the kernel's
# values of the CONFIG_ options the objects read). Full logs go to
# target/selftests/logs.
#
# --force rebuilds every object (with --only, only those); --only NAME...
# restricts compiling and recording to progs/NAME.c (for trying things out;
# the recorded file then holds only those).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/target/selftests"
SRC="$OUT/src"
ST="$SRC/tools/testing/selftests/bpf"
TARBALL=/usr/src/linux-source-6.12.tar.xz
CLANG="${CLANG:-clang-19}"
BTF="$ROOT/tests/corpus/vmlinux.btf"
jobs=2
record=0
force=0
only=()

while [[ $# -gt 0 ]]; do
	case "$1" in
	--record) record=1 ;;
	--force) force=1 ;;
	-j)
		jobs="$2"
		shift
		;;
	--only)
		shift
		while [[ $# -gt 0 && $1 != -* ]]; do
			only+=("$1")
			shift
		done
		continue
		;;
	-h | --help)
		sed -n '2,39p' "$0"
		exit 0
		;;
	*)
		echo "selftests-corpus: unknown argument $1" >&2
		exit 2
		;;
	esac
	shift
done

say() { echo "selftests-corpus: $*" >&2; }

for tool in "$CLANG" bpftool gcc make python3; do
	command -v "$tool" >/dev/null || {
		say "$tool not found (apt-get install clang-19 llvm-19 bpftool gcc make python3)"
		exit 1
	}
done

# 1. The kernel source package.
if [[ ! -s $TARBALL ]]; then
	if [[ $EUID -ne 0 ]]; then
		say "$TARBALL is missing; run as root or apt-get install linux-source-6.12"
		exit 1
	fi
	say "installing linux-source-6.12"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq linux-source-6.12 >/dev/null
fi
pkg_version="$(dpkg-query -W -f='${Version}' linux-source-6.12 2>/dev/null || echo unknown)"
# The verdicts were recorded from one build of one package version; another
# may add, drop or change programs.
recorded_source="$(sed -n 's/^linux-source-6.12 //p' "$ROOT/tests/selftests/SOURCE" 2>/dev/null || true)"
if [[ -n $recorded_source && $recorded_source != "$pkg_version" && $record == 0 ]]; then
	say "warning: verdicts.json was recorded from linux-source-6.12 $recorded_source, this is $pkg_version;" \
		"differences may come from the sources (re-record with --record)"
fi

# 2. Unpack what the programs and libbpf need (a fresh tree when the package changed).
mkdir -p "$OUT"
if [[ ! -f $SRC/.unpacked || "$(cat "$SRC/.unpacked")" != "$pkg_version" ]]; then
	say "unpacking the selftests and libbpf of linux-source $pkg_version"
	rm -rf "$SRC"
	mkdir -p "$SRC"
	tar -xJf "$TARBALL" -C "$SRC" --strip-components=1 \
		linux-source-6.12/tools/testing/selftests/bpf \
		linux-source-6.12/tools/testing/selftests/lib.mk \
		linux-source-6.12/tools/testing/selftests/kselftest.h \
		linux-source-6.12/tools/lib \
		linux-source-6.12/tools/include \
		linux-source-6.12/tools/scripts \
		linux-source-6.12/tools/build \
		linux-source-6.12/tools/arch/x86/include \
		linux-source-6.12/include/uapi \
		linux-source-6.12/scripts/bpf_doc.py
	echo "$pkg_version" >"$SRC/.unpacked"
	rm -rf "$OUT/libbpf-build" "$OUT/libbpf-install"
fi

# 3. libbpf 1.5 and the recording loader.
LIBBPF="$OUT/libbpf-install"
if [[ ! -f $LIBBPF/lib64/libbpf.a ]]; then
	say "building libbpf from the package (static)"
	mkdir -p "$OUT/libbpf-build"
	make -s -C "$SRC/tools/lib/bpf" -j"$jobs" BUILD_STATIC_ONLY=1 \
		OBJDIR="$OUT/libbpf-build" DESTDIR="$LIBBPF" prefix= install >/dev/null
fi
KLOAD="$OUT/kload"
if [[ ! -x $KLOAD || $ROOT/scripts/kload.c -nt $KLOAD || $LIBBPF/lib64/libbpf.a -nt $KLOAD ]]; then
	gcc -O2 -Wall -Wextra -I "$LIBBPF/include" -I "$SRC/tools/include/uapi" \
		-o "$KLOAD" "$ROOT/scripts/kload.c" "$LIBBPF/lib64/libbpf.a" -lelf -lz
fi

# 4. vmlinux.h from the recorded BTF, and libbpf's BPF-side headers beside it.
INC="$OUT/include"
mkdir -p "$INC"
if [[ ! -s $INC/vmlinux.h || $BTF -nt $INC/vmlinux.h ]]; then
	bpftool btf dump file "$BTF" format c >"$INC/vmlinux.h.new"
	mv "$INC/vmlinux.h.new" "$INC/vmlinux.h"
fi
rm -rf "$INC/bpf"
cp -r "$LIBBPF/include/bpf" "$INC/bpf"

# 5. The programs.
OBJ="$OUT/obj"
sys_includes=()
while read -r dir; do
	sys_includes+=(-idirafter "$dir")
done < <("$CLANG" -v -E - </dev/null 2>&1 | sed -n '/<...> search starts here:/,/End of search list./p' | sed '1d;$d')
flags=(-g -Wall -D__TARGET_ARCH_x86 -mlittle-endian -I "$INC" -I "$ST" -I "$SRC/tools/include/uapi"
	"${sys_includes[@]}" -Wno-compare-distinct-pointer-types -DENABLE_ATOMICS_TESTS -O2 --target=bpf)
stamp="$pkg_version $("$CLANG" --version | head -1) ${flags[*]} $(sha256sum "$INC/vmlinux.h" | cut -c1-16)"
if [[ ! -f $OBJ/.stamp || "$(cat "$OBJ/.stamp")" != "$stamp" ]]; then
	rm -rf "$OBJ"
fi
mkdir -p "$OBJ"
if [[ $force == 1 && ${#only[@]} -gt 0 ]]; then
	for n in "${only[@]}"; do rm -f "$OBJ/${n%.c}.bpf.o" "$OBJ/${n%.c}.err"; done
elif [[ $force == 1 ]]; then
	rm -f "$OBJ"/*.bpf.o "$OBJ"/*.err
fi

if [[ ${#only[@]} -gt 0 ]]; then
	srcs=()
	for n in "${only[@]}"; do srcs+=("$ST/progs/${n%.c}.c"); done
else
	srcs=("$ST"/progs/*.c)
fi

# Per-file CFLAGS of the Makefile: `progs/NAME.c-CFLAGS := ...` (the plain
# test_progs flavour only, not the `-bpf_gcc-` ones).
declare -A extra
while IFS= read -r line; do
	f="${line%%-CFLAGS*}"
	extra["${f#progs/}"]="${line#*:= }"
done < <(grep -E '^progs/[A-Za-z0-9_]+\.c-CFLAGS :=' "$ST/Makefile")

compile_list="$OUT/compile.list"
: >"$compile_list"
for s in "${srcs[@]}"; do
	n="$(basename "$s" .c)"
	o="$OBJ/$n.bpf.o"
	[[ -f $o && $o -nt $s ]] && continue
	[[ -f $OBJ/$n.err && $OBJ/$n.err -nt $s ]] && continue
	cpu=v3
	grep -q '__BPF_FEATURE_' "$s" && cpu=v4
	printf '%s\t%s\t%s\n' "$n" "$cpu" "${extra[$n.c]:-}" >>"$compile_list"
done
todo=$(wc -l <"$compile_list")
if [[ $todo -gt 0 ]]; then
	say "compiling $todo programs' sources with $CLANG (-j$jobs)"
	start=$SECONDS
	export CLANG ST OBJ
	FLAGS="${flags[*]}"
	export FLAGS
	# From inside the selftests directory, as the Makefile, so that paths in
	# line info read "progs/NAME.c" like the selftests' own logs.
	# shellcheck disable=SC2016
	tr '\t' '\037' <"$compile_list" | xargs -P"$jobs" -d '\n' -n1 bash -c '
		IFS=$'"'"'\037'"'"' read -r n cpu extra <<<"$1"
		cd "$ST"
		# shellcheck disable=SC2086
		if $CLANG $FLAGS $extra -mcpu=$cpu -c "progs/$n.c" -o "$OBJ/$n.bpf.o.tmp" 2>"$OBJ/$n.log"; then
			mv "$OBJ/$n.bpf.o.tmp" "$OBJ/$n.bpf.o"; rm -f "$OBJ/$n.err"
		else
			rm -f "$OBJ/$n.bpf.o.tmp" "$OBJ/$n.bpf.o"; mv "$OBJ/$n.log" "$OBJ/$n.err"
		fi
		rm -f "$OBJ/$n.log"' _
	say "compiled in $((SECONDS - start)) s"
fi
echo "$stamp" >"$OBJ/.stamp"

# The sources that did not compile, each with its first error.
fails="$OUT/compile-failures.txt"
: >"$fails"
for e in "$OBJ"/*.err; do
	[[ -e $e ]] || continue
	n="$(basename "$e" .err)"
	first="$(grep -m1 'error:' "$e" || head -1 "$e")"
	printf '%s: %s\n' "$n" "${first#*error: }" >>"$fails"
done
nobj=$(find "$OBJ" -name '*.bpf.o' | wc -l)
say "$nobj objects in $OBJ; $(wc -l <"$fails") sources did not compile (see $fails)"

[[ $record == 1 ]] || exit 0

# Recording: the running kernel's verdict for every program.
if [[ $EUID -ne 0 ]]; then
	say "--record needs root (BPF_PROG_LOAD)"
	exit 1
fi
LOGS="$OUT/logs"
rm -rf "$LOGS"
mkdir -p "$LOGS" "$ROOT/tests/selftests"
jsonl="$OUT/kload.jsonl"
: >"$jsonl"
mapfile -t objs < <(cd "$OBJ" && ls -1 ./*.bpf.o | sed 's|^\./||' | sort)
if [[ ${#only[@]} -gt 0 ]]; then
	objs=()
	for n in "${only[@]}"; do [[ -f $OBJ/${n%.c}.bpf.o ]] && objs+=("${n%.c}.bpf.o"); done
fi
say "recording ${#objs[@]} objects (one BPF_PROG_LOAD per program)"
start=$SECONDS
for o in "${objs[@]}"; do
	(cd "$OBJ" && "$KLOAD" --name-only --log "$LOGS" "$o") >>"$jsonl" 2>>"$OUT/kload.stderr" || true
done
say "recorded in $((SECONDS - start)) s"
python3 "$ROOT/scripts/selftests-record.py" "$jsonl" "$OBJ" "$fails" "$ROOT/tests/selftests/verdicts.json"
cp "$fails" "$ROOT/tests/selftests/compile-failures.txt"
{
	echo "linux-source-6.12 $pkg_version"
	echo "clang $("$CLANG" --version | head -1)"
	echo "kernel $(uname -r)"
} >"$ROOT/tests/selftests/SOURCE"
# The running kernel's values of the CONFIG_ options the objects read as
# __kconfig externs (libbpf reads them from /proc/config.gz), and of those
# saying whether kallsyms lists variables (the kernel needs their addresses
# for __ksym variables): the test gives them to kfreg's loader.
if [[ -r /proc/config.gz ]]; then
	{
		strings "$OBJ"/*.bpf.o | grep -oE '^CONFIG_[A-Z0-9_]+$'
		printf '%s\n' CONFIG_KALLSYMS CONFIG_KALLSYMS_ALL
	} | sort -u >"$OUT/kconfig.names"
	{
		zcat /proc/config.gz | awk -F= 'NR == FNR { want[$1] = 1; next } ($1 in want)' \
			"$OUT/kconfig.names" -
		# libbpf's own value, from the release (KERNEL_VERSION(a, b, min(c, 255))).
		IFS=. read -r a b c _ <<<"$(uname -r | sed 's/[^0-9.].*//')"
		echo "LINUX_KERNEL_VERSION=$(((a << 16) + (b << 8) + (c > 255 ? 255 : c)))"
		# libbpf's probe: a kprobe can be put on the syscall wrapper (a
		# kernel without kprobe events has no such PMU, and libbpf says 0).
		wrapper=0
		if [[ -d /sys/bus/event_source/devices/kprobe ]] && grep -q ' __x64_sys_bpf$' /proc/kallsyms; then
			wrapper=1
		fi
		echo "LINUX_HAS_SYSCALL_WRAPPER=$wrapper"
	} | sort >"$ROOT/tests/selftests/kconfig"
fi
