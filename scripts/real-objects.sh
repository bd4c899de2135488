#!/usr/bin/env bash
# The real-object corpus: BPF objects Debian ships, with the running
# kernel's verdict for every program.
#
#   scripts/real-objects.sh [--install-only] [-o OUT.json]
#
# 1. Installs the packages (apt-get, quietly; nothing when already there):
#    libbpf-tools xdp-tools libxdp1 xdp-tests golang-github-cilium-ebpf-dev.
# 2. Collects their objects into target/real-objects/objs/: plain objects
#    (libxdp1's bpf/*.o, xdp-tests' *.o, cilium/ebpf's testdata *.elf) and
#    the objects embedded in the binaries of libbpf-tools and xdp-tools
#    (libbpf skeletons), extracted and named by `kfreg extract` as
#    `kfreg verify` names them (BINARY@SKELETON, or BINARY@0xOFFSET).
#    Nothing here is committed: only the verdicts are.
# 3. Loads each program alone with scripts/kload.c (libbpf; 16 MiB log;
#    load only: nothing is attached, pinned or run) and writes
#    tests/real/verdicts.json (or OUT.json) with scripts/real-verdicts.py.
# Needs root and /sys/kernel/btf/vmlinux.  Tracing programs the kernel
# refuses before verifying (fentry/fexit/fmod_ret/lsm with EPERM on this VM)
# are recorded as SKIP with the reason.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PKGS=(libbpf-tools xdp-tools libxdp1 xdp-tests golang-github-cilium-ebpf-dev)
WORK="$ROOT/target/real-objects"
KLOAD="${KLOAD:-$ROOT/target/corpus/kload}"
out="$ROOT/tests/real/verdicts.json"
install_only=0

while [[ $# -gt 0 ]]; do
	case "$1" in
	--install-only) install_only=1; shift ;;
	-o) out="$2"; shift 2 ;;
	-h | --help) sed -n '2,19p' "$0"; exit 0 ;;
	*) echo "real-objects: unknown argument $1" >&2; exit 2 ;;
	esac
done

missing=()
for p in "${PKGS[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [[ ${#missing[@]} -gt 0 ]]; then
	apt=(apt-get)
	[[ $EUID -ne 0 ]] && apt=(sudo -n apt-get)
	export DEBIAN_FRONTEND=noninteractive
	"${apt[@]}" install -y -qq "${missing[@]}" >/dev/null ||
		{ "${apt[@]}" update -qq >/dev/null && "${apt[@]}" install -y -qq "${missing[@]}" >/dev/null; }
fi
[[ $install_only == 1 ]] && exit 0

if [[ ! -x "$KLOAD" || "$ROOT/scripts/kload.c" -nt "$KLOAD" ]]; then
	mkdir -p "$(dirname "$KLOAD")"
	gcc -O2 -Wall -Wextra -o "$KLOAD" "$ROOT/scripts/kload.c" -lbpf
fi

# kfreg finds and names the objects binaries embed (`kfreg extract`).
cargo build -q -p kfreg-cli --manifest-path "$ROOT/Cargo.toml"
export KFREG="$ROOT/target/debug/kfreg"

rm -rf "$WORK"
mkdir -p "$WORK/objs"
# Every object, with the package and the path it comes from.
python3 "$ROOT/scripts/real-verdicts.py" collect "$WORK" "${PKGS[@]}"
: >"$WORK/kload.jsonl"
while IFS=$'\t' read -r obj; do
	"$KLOAD" --name-only "$WORK/objs/$obj" >>"$WORK/kload.jsonl" 2>>"$WORK/kload.err" || true
done < <(cut -f1 "$WORK/objects.tsv")
python3 "$ROOT/scripts/real-verdicts.py" record "$WORK" "$out"
