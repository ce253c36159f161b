#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The arm64 stub's variadic functions (stub/arch/arm64/lib.S) under
# qemu-aarch64 (tests/a64/words_harness.c): every argument reaches the C
# that formats it, stacked ones included.  lib.S's memcpy and memset are
# renamed out of the way of the C library's.

. "$(dirname "$0")/lib.sh"
a64_setup words-a64 || exit 0
BIN=$O/tests/words_a64
if ! aarch64-linux-gnu-gcc -c -Istub/arch/arm64 -o "$BIN-lib.o" stub/arch/arm64/lib.S ||
   ! aarch64-linux-gnu-objcopy --redefine-sym memcpy=stub_memcpy \
	--redefine-sym memset=stub_memset "$BIN-lib.o" ||
   ! aarch64-linux-gnu-gcc -static -O2 -Wall -Wextra -Werror -o "$BIN" \
	tests/a64/words_harness.c "$BIN-lib.o"; then
	echo "FAIL: words-a64: the harness does not build"
	exit 1
fi
qemu-aarch64 "$BIN"
rc=$?
[ "$rc" -le 1 ] || echo "FAIL: words-a64: the harness died (status $rc)"
exit 0
