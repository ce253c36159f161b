#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The arm64 stub's LZ4 decoder (stub/arch/arm64/lz4.S) against stub/lz4.c
# (the decoder the other stubs and the host tests use), both run as a Linux
# aarch64 program under qemu-aarch64 (tests/a64/lz4_harness.c) on the
# records tests/a64/lz4_streams.c makes with liblz4 on the host: data of
# many kinds and sizes at four compression levels, the arm64 stub's image,
# the first MiB of the Debian arm64 Image; then every
# truncation of one block, 2000 one-bit flips in another and 300 garbage
# streams (the same error, length and bytes as lz4.c, and no access
# outside the buffers, which the harness fences with inaccessible pages).
# One PASS/FAIL line per stream.

. "$(dirname "$0")/lib.sh"
a64_setup lz4-a64 || exit 0
CB_CACHE=${CB_CACHE:-$ROOT/.cache}
BIN=$O/tests/lz4_a64
GEN=$O/tests/lz4_streams
{ aarch64-linux-gnu-gcc -c -O2 -Wall -Werror -Istub/include -Dlz4_decompress=lz4_ref \
	-o "$O/tests/lz4_ref_a64.o" stub/lz4.c &&
  aarch64-linux-gnu-gcc -static -O2 -Wall -Werror -Istub/include -Istub/arch/arm64 -o "$BIN" \
	tests/a64/lz4_harness.c stub/arch/arm64/lz4.S "$O/tests/lz4_ref_a64.o"; } || {
	echo "FAIL: lz4-a64: the harness does not build"
	exit 1
}
gcc -O2 -Wall -Werror -o "$GEN" tests/a64/lz4_streams.c -llz4 || {
	echo "FAIL: lz4-a64: the stream generator does not build"
	exit 1
}

"$GEN" "$O/arm64/stub.raw" 100000 "$CB_CACHE/arm64/Image" $((1 << 20)) |
	qemu-aarch64 "$BIN"
rc=("${PIPESTATUS[@]}")
[ "${rc[0]}" = 0 ] || echo "FAIL: lz4-a64: the stream generator failed (status ${rc[0]}): not every stream was tried"
[ "${rc[1]}" -le 1 ] || echo "FAIL: lz4-a64: the harness died (status ${rc[1]}): an access outside the buffers?"
