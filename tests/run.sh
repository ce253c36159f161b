#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Test driver of `make check`:
#
#   tests/run.sh [FILTER]
#
# Runs, one at a time (the machine has two cores), every host test program
# $O/tests/test_* (helpers excluded: names with a dot or "_helper"), then
# every tests/**/test-*.sh script. FILTER, if given, is a substring of the
# program name or script path. Each test prints PASS:/FAIL:/SKIP: lines;
# this script echoes them and counts them. A test that exits non-zero
# without a FAIL line counts as one failure, one that exits 0 without any
# such line as one pass named after it. The last line is always
# "N passed, N failed, N skipped"; the exit code is 1 if anything failed
# (or FILTER matched nothing).
#
# CB_TEST_TIMEOUT (seconds, default 900) bounds each program or script.

set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 1
O=${O:-build}
case $O in /*) ;; *) O=$ROOT/$O ;; esac
CB_CACHE=${CB_CACHE:-${CACHE:-$ROOT/.cache}}
export O CB_CACHE

filter=${1:-}
limit=${CB_TEST_TIMEOUT:-900}
passed=0
failed=0
skipped=0
ran=0
failures=()
out=$(mktemp)
trap 'rm -f "$out"' EXIT

count() { # pattern
	grep -c "^$1:" "$out"
}

run_one() { # name command...
	local name=$1 rc p f s
	shift
	ran=$((ran + 1))
	echo "== $name"
	timeout -k 10 "$limit" "$@" </dev/null 2>&1 | tee "$out"
	rc=${PIPESTATUS[0]}
	if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
		echo "FAIL: $name: killed after $limit s (CB_TEST_TIMEOUT)" | tee -a "$out"
	elif [ "$rc" != 0 ] && [ "$(count FAIL)" = 0 ]; then
		echo "FAIL: $name: exit status $rc without a FAIL line" | tee -a "$out"
	fi
	p=$(count PASS)
	f=$(count FAIL)
	s=$(count SKIP)
	if [ "$rc" = 0 ] && [ $((p + f + s)) = 0 ]; then
		echo "PASS: $name"
		p=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	skipped=$((skipped + s))
	mapfile -t -O ${#failures[@]} failures < <(grep "^FAIL:" "$out" | sed "s|^|  [$name] |")
}

is_test_program() { # path
	local base=${1##*/}
	[ -f "$1" ] && [ -x "$1" ] || return 1
	case $base in
	*.* | *_helper*) return 1 ;;
	esac
}

for prog in "$O"/tests/test_*; do
	is_test_program "$prog" || continue
	name=${prog##*/}
	case $name in *"$filter"*) ;; *) continue ;; esac
	run_one "$name" "$prog"
done

while IFS= read -r script; do
	case $script in *"$filter"*) ;; *) continue ;; esac
	run_one "$script" bash "$script"
done < <(find tests -name 'test-*.sh' -type f | LC_ALL=C sort)

if [ ${#failures[@]} -gt 0 ]; then
	echo "== failures"
	printf '%s\n' "${failures[@]}"
fi
if [ "$ran" = 0 ] && [ -n "$filter" ]; then
	echo "run.sh: no test matches '$filter'" >&2
	failed_filter=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ] && [ -z "${failed_filter:-}" ]
