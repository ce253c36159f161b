#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# `make check` smoke test of the libFuzzer harnesses: build every one
# (scripts/fuzz.sh --build), replay tests/fuzz/regressions/<name>-*, then
# fuzz each for FUZZ_SMOKE_SECONDS (default 3) from the generated seeds.
# One PASS/FAIL line per harness and step.  SKIP when clang-14 or its
# libFuzzer runtime is missing (scripts/setup.sh installs them).

set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 1
O=${O:-build}
case $O in /*) ;; *) O=$ROOT/$O ;; esac
export O
SECS=${FUZZ_SMOKE_SECONDS:-3}
HARNESSES="blob lz4 lz4c inflate dt atags layout hostpack"

if ! command -v clang-14 >/dev/null ||
   ! ls /usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
	echo "SKIP: fuzz: clang-14 with libFuzzer not installed"
	exit 0
fi
if ! scripts/fuzz.sh --build >"$O/fuzz-build.log" 2>&1; then
	echo "FAIL: fuzz build: see $O/fuzz-build.log"
	tail -20 "$O/fuzz-build.log"
	exit 1
fi
scripts/fuzz.sh --seeds >/dev/null 2>&1 || { echo "FAIL: fuzz seeds"; exit 1; }

failed=0
for h in $HARNESSES; do
	bin=$O/fuzz/fuzz_$h
	regs=$(ls tests/fuzz/regressions/"$h"-* 2>/dev/null)
	if [ -n "$regs" ]; then
		# shellcheck disable=SC2086 # a list of files
		if "$bin" $regs >"$O/fuzz/regress-$h.log" 2>&1; then
			echo "PASS: fuzz_$h regressions ($(echo "$regs" | wc -l) inputs)"
		else
			echo "FAIL: fuzz_$h regressions: see $O/fuzz/regress-$h.log"
			failed=$((failed + 1))
		fi
	fi
	work=$(mktemp -d)
	if "$bin" -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="$O/fuzz/smoke-$h-" "$work" "$O/fuzz/seeds/$h" \
		>"$O/fuzz/smoke-$h.log" 2>&1; then
		echo "PASS: fuzz_$h: $SECS s without a crash"
	else
		echo "FAIL: fuzz_$h: crashed, see $O/fuzz/smoke-$h.log"
		grep -m2 -E 'SUMMARY|Test unit written' "$O/fuzz/smoke-$h.log"
		failed=$((failed + 1))
	fi
	rm -rf "$work"
done
[ "$failed" = 0 ]
