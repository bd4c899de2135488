#!/usr/bin/env bash
# Record the running kernel's verdict for every program of the corpus.
#
#   scripts/record-verdicts.sh [-o OUT.json] [--logs DIR] [FILE.bpf.o...]
#
# Builds scripts/kload.c into target/corpus/kload if needed (gcc + libbpf),
# loads each program of each tests/corpus/*.bpf.o separately (never attached,
# pinned or run) and writes tests/corpus/verdicts.json (or OUT.json): a JSON
# array sorted by (file, program).  --logs DIR keeps every full verifier log.
# Needs root (or CAP_BPF + CAP_PERFMON + CAP_SYS_ADMIN) and /sys/kernel/btf/vmlinux.
# Exit status 1 if a program's verdict disagrees with the ACCEPT/REJECT
# comment above it in its source.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CORPUS="$ROOT/tests/corpus"
# libbpf 1.5 (built by scripts/selftests-corpus.sh) when it is there: the
# system's libbpf 1.1 cannot load exception callbacks, netfilter programs or
# __ulong map attributes, which the recorded verdicts were made with.
LIBBPF15="$ROOT/target/selftests/libbpf-install"
if [[ -f "$LIBBPF15/lib64/libbpf.a" ]]; then
	KLOAD="${KLOAD:-$ROOT/target/corpus/kload-libbpf15}"
else
	KLOAD="${KLOAD:-$ROOT/target/corpus/kload}"
fi
out="$CORPUS/verdicts.json"
logs=""
objs=()

while [[ $# -gt 0 ]]; do
	case "$1" in
	-o)
		out="$2"
		shift 2
		;;
	--logs)
		logs="$2"
		shift 2
		;;
	-h | --help)
		sed -n '2,13p' "$0"
		exit 0
		;;
	*)
		objs+=("$(basename "$1")")
		shift
		;;
	esac
done

if [[ ! -x "$KLOAD" || "$ROOT/scripts/kload.c" -nt "$KLOAD" ]]; then
	mkdir -p "$(dirname "$KLOAD")"
	if [[ "$KLOAD" == *-libbpf15 ]]; then
		gcc -O2 -Wall -Wextra -I "$LIBBPF15/include" -o "$KLOAD" "$ROOT/scripts/kload.c" \
			"$LIBBPF15/lib64/libbpf.a" -lelf -lz
	else
		gcc -O2 -Wall -Wextra -o "$KLOAD" "$ROOT/scripts/kload.c" -lbpf
	fi
fi

if [[ $EUID -ne 0 ]]; then
	echo "record-verdicts: warning: not root; BPF_PROG_LOAD will probably fail with EPERM" >&2
fi

cd "$CORPUS"
if [[ ${#objs[@]} == 0 ]]; then
	mapfile -t objs < <(ls -1 ./*.bpf.o | sed 's|^\./||' | sort)
fi
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
log_args=()
if [[ -n "$logs" ]]; then
	mkdir -p "$logs"
	log_args=(--log "$logs")
fi
"$KLOAD" --name-only "${log_args[@]}" "${objs[@]}" >"$tmp"
python3 "$ROOT/scripts/record-verdicts.py" "$tmp" "$CORPUS" "$out"

# The kernel BTF the verdicts belong to: the corpus test relocates and types
# tracing contexts against it, so `cargo test` needs no kernel. Only a new
# recording of the corpus replaces it; -o (check-drift.sh) leaves it alone.
if [[ "$out" == "$CORPUS/verdicts.json" ]]; then
	cp /sys/kernel/btf/vmlinux "$CORPUS/vmlinux.btf"
fi
