#!/usr/bin/env bash
# Re-run the kernel side of the corpus and compare with the committed verdicts.
#
#   scripts/check-drift.sh [--rebuild] [--helpers]
#
# Loads the committed tests/corpus/*.bpf.o again (scripts/record-verdicts.sh
# into a temporary file) and compares, program by program, with
# tests/corpus/verdicts.json: the set of (file, program) pairs and, for each,
# section, prog_type, verdict, errno, error, error_lines and insns_processed.
# (log_tail is not compared.)  --rebuild first recompiles the objects with
# scripts/build-corpus.sh --no-header-regen.  --helpers also calls every
# helper from every program type the assembler cases know
# (scripts/helper-call-sweep.py, a few minutes) and reports each call whose
# verdict or message differs from the catalog's declarations: which helpers
# a program type gets is not in the kernel's BTF, so a build that changes it
# shows only here.
# Exit 0: no drift.  Exit 1: drift (printed).  Exit 2: could not run.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CORPUS="$ROOT/tests/corpus"
rebuild=0
helpers=0
for arg in "$@"; do
	case "$arg" in
	--rebuild) rebuild=1 ;;
	--helpers) helpers=1 ;;
	*)
		echo "usage: scripts/check-drift.sh [--rebuild] [--helpers]" >&2
		exit 2
		;;
	esac
done
if ((rebuild)); then
	"$ROOT/scripts/build-corpus.sh" --no-header-regen || exit 2
fi
helper_drift=0
if ((helpers)); then
	sweep="$(mktemp -d)"
	if ! python3 "$ROOT/scripts/helper-call-sweep.py" --dir "$sweep" >"$sweep/log" 2>&1; then
		grep -A2 -E '^(helper_calls.s/|[0-9]+ of [0-9]+ cases differ)' "$sweep/log"
		echo "check-drift: helper availability or arguments differ from the catalog (log: $sweep/log)" >&2
		helper_drift=1
	else
		echo "check-drift: every helper call agrees with the catalog"
		rm -rf "$sweep"
	fi
fi
fresh="$(mktemp)"
trap 'rm -f "$fresh"' EXIT
# record-verdicts exits 1 when a comment disagrees with the kernel; that is
# drift too, and shows up below as a verdict change.
"$ROOT/scripts/record-verdicts.sh" -o "$fresh" 2>&1 | grep -v '^record-verdicts: MISMATCH' >&2
[[ -s "$fresh" ]] || {
	echo "check-drift: recording failed" >&2
	exit 2
}

python3 - "$CORPUS/verdicts.json" "$fresh" <<'EOF'
import json, sys
old = {(r["file"], r["program"]): r for r in json.load(open(sys.argv[1]))}
new = {(r["file"], r["program"]): r for r in json.load(open(sys.argv[2]))}
fields = ["section", "prog_type", "verdict", "errno", "error", "error_lines", "insns_processed"]
drift = []
for k in sorted(old.keys() - new.keys()):
    drift.append(f"{k[0]}:{k[1]}: in verdicts.json but not loaded any more")
for k in sorted(new.keys() - old.keys()):
    drift.append(f"{k[0]}:{k[1]}: new program, not in verdicts.json ({new[k]['verdict']})")
for k in sorted(old.keys() & new.keys()):
    for f in fields:
        if old[k].get(f) != new[k].get(f):
            drift.append(f"{k[0]}:{k[1]}: {f}: {old[k].get(f)!r} -> {new[k].get(f)!r}")
if drift:
    print("\n".join(drift))
    print(f"check-drift: {len(drift)} difference(s) against tests/corpus/verdicts.json", file=sys.stderr)
    sys.exit(1)
print(f"check-drift: {len(new)} programs, no drift")
EOF
corpus_status=$?
((corpus_status == 0 && helper_drift)) && exit 1
exit "$corpus_status"
