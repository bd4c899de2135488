#!/usr/bin/env bash
# The kernel's test_verifier cases of Linux 6.1 and 6.12, extracted from
# Debian's linux-source packages into target/test-verifier/{6.1,6.12}.json
# (scripts/test-verifier.sh), for verifier/tests/test_verifier.rs. Installs a
# missing package when run as root. Nothing of the trees is committed; the
# extraction is cached (a tree is unpacked again when its package changes).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/target/test-verifier"
mkdir -p "$OUT"
for v in 6.1 6.12; do
	pkg="linux-source-$v"
	tarball="/usr/src/$pkg.tar.xz"
	if [[ ! -f "$tarball" ]]; then
		if [[ $EUID -ne 0 ]]; then
			echo "test-verifier: $tarball is missing; run as root or apt-get install $pkg" >&2
			exit 1
		fi
		echo "test-verifier: installing $pkg" >&2
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null
	fi
	version="$(dpkg-query -W -f='${Version}' "$pkg" 2>/dev/null || echo unknown)"
	if [[ -f "$OUT/$v.json" && "$(cat "$OUT/$v.version" 2>/dev/null)" == "$version" ]]; then
		continue
	fi
	echo "test-verifier: extracting the test_verifier cases of $pkg $version" >&2
	rm -rf "$OUT/src-$v"
	mkdir -p "$OUT/src-$v"
	tar -xJf "$tarball" -C "$OUT/src-$v" --strip-components=1 \
		"$pkg/tools/testing/selftests/bpf/verifier" \
		"$pkg/tools/testing/selftests/bpf/test_btf.h" \
		"$pkg/tools/include" \
		"$pkg/tools/arch/x86/include"
	"$ROOT/scripts/test-verifier.sh" "$OUT/src-$v" "$OUT/$v.json"
	echo "$version" > "$OUT/$v.version"
done
