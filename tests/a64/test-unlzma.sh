#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The arm64 stub's LZMA decoder (stub/arch/arm64/unlzma.S) against
# liblzma, run as a Linux aarch64 program under qemu-aarch64
# (tests/a64/unlzma_harness.c).  Streams are made here with Python's lzma
# module and the settings scripts/stub-compress.py packs the stub with:
# generated data of many sizes at three presets, the arm64 stub's own image
# after the branch filter, the first MiB of the Debian arm64 Image; then
# damaged streams: every truncation (must fail or differ, never read on
# into luck), 2000 one-bit flips and 300 garbage streams (any result, but
# no access outside the buffers, which the harness fences with
# inaccessible pages).  One PASS/FAIL line per stream.

. "$(dirname "$0")/lib.sh"
a64_setup unlzma-a64 || exit 0
CB_CACHE=${CB_CACHE:-$ROOT/.cache}
BIN=$O/tests/unlzma_a64
aarch64-linux-gnu-gcc -static -O2 -Wall -Werror -Istub/arch/arm64 -o "$BIN" \
	tests/a64/unlzma_harness.c stub/arch/arm64/unlzma.S || {
	echo "FAIL: unlzma-a64: the harness does not build"
	exit 1
}

CB_CACHE=$CB_CACHE O=$O python3 - <<'PY' | qemu-aarch64 "$BIN"
import importlib.util, lzma, os, random, struct, sys

spec = importlib.util.spec_from_file_location("sc", "scripts/stub-compress.py")
sc = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sc)
out = sys.stdout.buffer
rnd = random.Random(18)


def rec(kind, name, raw_len, stream, raw=b""):
    n = name.encode()
    out.write(struct.pack("<4I", kind, len(n), raw_len, len(stream)) + n + stream + raw)


def pack(raw, preset=None):
    f = [dict(sc.LZMA_FILTERS[0])]
    if preset is not None:
        f[0]["preset"] = preset
    return lzma.compress(raw, format=lzma.FORMAT_RAW, filters=f)


def data(kind, n):
    if kind == "random":
        return rnd.randbytes(n)
    b = bytearray()
    while len(b) < n:
        if kind == "runs":
            b += bytes([rnd.randrange(256)]) * rnd.randrange(1, 300)
        elif kind == "text":
            if len(b) > 64 and rnd.randrange(4) == 0:
                at = rnd.randrange(len(b))
                b += b[at:at + rnd.randrange(3, 43)]
            b += rnd.choice([b"the ", b"kernel ", b"stub ", b"ldr x0, [x1]\n", b"0x", b"\n"])
        else:  # periodic
            p = rnd.randbytes(rnd.randrange(1, 8))
            b += p * rnd.randrange(1, 60)
    return bytes(b[:n])


for kind in ("random", "runs", "text", "periodic"):
    for n in (0, 1, 2, 3, 5, 17, 100, 4096, 65537, 200000):
        raw = data(kind, n)
        for preset in (0, 6, 9 | lzma.PRESET_EXTREME):
            rec(0, f"roundtrip preset {preset & 0xff}{'e' if preset > 9 else ''} {kind} {n}",
                n, pack(raw, preset), raw)

stub = os.path.join(os.environ["O"], "arm64", "stub.raw")
if os.path.exists(stub):
    raw = open(stub, "rb").read()
    rec(0, "roundtrip the arm64 stub image, branch-filtered", len(raw),
        pack(sc.a64_bl(raw, 0, 1)), sc.a64_bl(raw, 0, 1))
image = os.path.join(os.environ["CB_CACHE"], "arm64", "Image")
if os.path.exists(image):
    raw = open(image, "rb").read(1 << 20)
    rec(0, "roundtrip the Debian arm64 Image's first MiB", len(raw), pack(raw), raw)

raw = data("text", 20000)
s = pack(raw, 6)
for cut in range(0, len(s) - 16):  # the last bytes: end marker and flush
    rec(2, f"truncated to {cut} of {len(s)}", len(raw), s[:cut], raw)
for i in range(2000):
    b = bytearray(s)
    bit = rnd.randrange(len(b) * 8)
    b[bit // 8] ^= 1 << (bit % 8)
    rec(1, f"bit {bit} flipped", len(raw), bytes(b))
for i in range(300):
    rec(1, f"garbage {i}", rnd.randrange(1, 100000), rnd.randbytes(rnd.randrange(1, 4000)))
# A first symbol that is a match: before the output, must fail.
rec(2, "a match before any output", 100, bytes([0] + [0xff] * 7), bytes(100))
PY
rc=("${PIPESTATUS[@]}")
[ "${rc[0]}" = 0 ] || echo "FAIL: unlzma-a64: the stream generator failed (status ${rc[0]}): not every stream was tried"
[ "${rc[1]}" -le 1 ] || echo "FAIL: unlzma-a64: the harness died (status ${rc[1]}): an access outside the buffers?"
