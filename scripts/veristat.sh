#!/usr/bin/env bash
# Builds the real veristat (the kernel's BPF verifier statistics tool) for
# kfreg's compatibility tests (issue 16), from Debian's linux-source-6.12:
# tools/testing/selftests/bpf/veristat.c against the libbpf 1.5 beside it in
# tools/lib/bpf, with gcc. Nothing built here is ever committed.
#
#   scripts/veristat.sh            build (cached) and print the binary's path
#   scripts/veristat.sh --record   also record tests/veristat/kernel.csv: real
#                                  veristat on the objects in
#                                  tests/veristat/OBJECTS, loaded (never
#                                  attached) into the running kernel; needs
#                                  root and a kernel with BPF
#   scripts/veristat.sh --compare  the live comparison: real veristat's run
#                                  of those objects in the running kernel now
#                                  (target/veristat/kernel.csv) against
#                                  kfreg's (target/veristat/kfreg.csv, from
#                                  a release build), compared by both
#                                  veristat -C and kfreg verify -C; fails
#                                  when a verdict differs that
#                                  tests/veristat/DIFFERENCES does not list;
#                                  needs root and a kernel with BPF
#
# Output goes to target/veristat: src/ (the unpacked sources), libbpf/ (the
# static libbpf) and bin/veristat. Needs gcc, make, libelf-dev and zlib1g-dev
# (.ci/run installs them) and linux-source-6.12 (installed when missing, as
# root).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/target/veristat"
SRC="$OUT/src"
TARBALL=/usr/src/linux-source-6.12.tar.xz
record=0
compare=0

case "${1:-}" in
--record) record=1 ;;
--compare) compare=1 ;;
"") ;;
-h | --help)
	sed -n '2,26p' "$0"
	exit 0
	;;
*)
	echo "veristat.sh: unknown argument $1" >&2
	exit 2
	;;
esac

say() { echo "veristat.sh: $*" >&2; }

for tool in gcc make python3; do
	command -v "$tool" >/dev/null || {
		say "$tool not found (apt-get install gcc make python3 libelf-dev zlib1g-dev)"
		exit 1
	}
done

if [[ ! -s $TARBALL ]]; then
	if [[ $EUID -ne 0 ]]; then
		say "$TARBALL is missing; run as root or apt-get install linux-source-6.12"
		exit 1
	fi
	say "installing linux-source-6.12"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq linux-source-6.12 >/dev/null
fi
pkg_version="$(dpkg-query -W -f='${Version}' linux-source-6.12 2>/dev/null || echo unknown)"

# A lock: cargo runs tests in parallel, and two builds in one tree would
# trample each other.
mkdir -p "$OUT"
exec 9>"$OUT/.lock"
flock 9

if [[ ! -f $SRC/.unpacked || "$(cat "$SRC/.unpacked")" != "$pkg_version" ]]; then
	say "unpacking veristat.c and libbpf from linux-source $pkg_version"
	rm -rf "$SRC" "$OUT/libbpf" "$OUT/bin"
	mkdir -p "$SRC"
	tar -xJf "$TARBALL" -C "$SRC" --strip-components=1 \
		linux-source-6.12/tools/testing/selftests/bpf/veristat.c \
		linux-source-6.12/tools/lib/bpf \
		linux-source-6.12/tools/include \
		linux-source-6.12/tools/scripts \
		linux-source-6.12/tools/build \
		linux-source-6.12/tools/arch/x86/include \
		linux-source-6.12/include/uapi \
		linux-source-6.12/scripts/bpf_doc.py
	echo "$pkg_version" >"$SRC/.unpacked"
fi

LIBBPF="$OUT/libbpf"
if [[ ! -f $LIBBPF/install/lib64/libbpf.a ]]; then
	say "building libbpf 1.5 (static)"
	mkdir -p "$LIBBPF/build"
	make -s -C "$SRC/tools/lib/bpf" -j2 BUILD_STATIC_ONLY=1 \
		OBJDIR="$LIBBPF/build" DESTDIR="$LIBBPF/install" prefix= install >/dev/null
fi

BIN="$OUT/bin/veristat"
if [[ ! -x $BIN ]]; then
	say "building veristat"
	mkdir -p "$OUT/bin"
	gcc -O2 -Wall -I "$LIBBPF/install/include" -I "$SRC/tools/include" -I "$SRC/tools/include/uapi" \
		-o "$BIN.new" "$SRC/tools/testing/selftests/bpf/veristat.c" \
		"$LIBBPF/install/lib64/libbpf.a" -lelf -lz -lm
	mv "$BIN.new" "$BIN"
fi

objs=()
while read -r obj; do
	[[ -z $obj || $obj == \#* ]] && continue
	objs+=("$ROOT/$obj")
done <"$ROOT/tests/veristat/OBJECTS"
if [[ ($record == 1 || $compare == 1) && $EUID -ne 0 ]]; then
	say "--record and --compare load programs into the kernel: run as root"
	exit 1
fi

if [[ $record == 1 ]]; then
	# Real veristat's CSV, exactly as it writes it; its stderr (libbpf's
	# complaints about objects it cannot load) is not part of the record.
	"$BIN" -o csv "${objs[@]}" >"$ROOT/tests/veristat/kernel.csv" 2>"$OUT/record.stderr" || {
		say "veristat failed; see $OUT/record.stderr"
		exit 1
	}
	{
		echo "veristat $(sha256sum "$SRC/tools/testing/selftests/bpf/veristat.c" | cut -c1-16) from linux-source-6.12 $pkg_version"
		echo "kernel $(uname -r)"
	} >"$ROOT/tests/veristat/SOURCE"
	say "recorded tests/veristat/kernel.csv ($(($(wc -l <"$ROOT/tests/veristat/kernel.csv") - 1)) programs)"
fi
if [[ $compare == 1 ]]; then
	"$BIN" -o csv "${objs[@]}" >"$OUT/kernel.csv" 2>"$OUT/compare.stderr" || {
		say "veristat failed; see $OUT/compare.stderr"
		exit 1
	}
	(cd "$ROOT" && cargo build -q --release -p kfreg-cli)
	KFREG="$ROOT/target/release/kfreg"
	# Exit status 1 only says a program was rejected.
	"$KFREG" verify -o csv "${objs[@]}" >"$OUT/kfreg.csv" || [[ $? == 1 ]]
	"$BIN" -C -e file,prog,verdict,insns -f 'verdict_diff=mismatch' "$OUT/kernel.csv" "$OUT/kfreg.csv" >&2 || true
	# kfreg's exit status 1 says a verdict differs; 2 would be an error.
	{ "$KFREG" verify -C "$OUT/kernel.csv" "$OUT/kfreg.csv" -o csv -e file,prog,verdict \
		-f 'verdict_diff=mismatch' || [[ $? == 1 ]]; } | tail -n +2 | cut -d, -f1,2 | tr , / >"$OUT/mismatches"
	unexpected="$(grep -v '^#' "$ROOT/tests/veristat/DIFFERENCES" | cut -d' ' -f1 | grep -vxF -f - "$OUT/mismatches" || true)"
	if [[ -n $unexpected ]]; then
		say "verdicts that differ and are not in tests/veristat/DIFFERENCES:"
		echo "$unexpected" >&2
		exit 1
	fi
	say "every verdict agrees but the $(wc -l <"$OUT/mismatches") listed in tests/veristat/DIFFERENCES"
fi
echo "$BIN"
