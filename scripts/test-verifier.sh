#!/usr/bin/env bash
# Extracts the kernel's test_verifier cases from an unpacked Linux source tree
# as JSON (scripts/test-verifier/dump.c): `scripts/test-verifier.sh TREE OUT.json`.
# TREE holds tools/testing/selftests/bpf/verifier/*.c and tools/include.
set -euo pipefail
tree="$(cd "$1" && pwd)"
out="$2"
here="$(cd "$(dirname "$0")" && pwd)"
sel="$tree/tools/testing/selftests/bpf"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
{
	echo "#include \"$tree/tools/include/linux/filter.h\""
	n=0
	names=()
	for f in "$sel"/verifier/*.c; do
		echo "static struct bpf_test file_$n[] = {"
		echo "#include \"$f\""
		echo "};"
		names+=("{ \"verifier/$(basename "$f")\", file_$n, ARRAY_SIZE(file_$n) },")
		n=$((n + 1))
	done
	echo "static struct case_file files[] = {"
	printf '%s\n' "${names[@]}"
	echo "};"
} > "$work/cases.h"
gcc -O0 -w -I "$work" -I "$sel" -I "$tree/tools/include/uapi" -I "$tree/tools/include" \
	-o "$work/dump" "$here/test-verifier/dump.c"
"$work/dump" > "$out"
