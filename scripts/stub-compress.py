#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Store an ARM stub compressed (ld/stub-*.lds, stub/arch/*/entry.S).

  stub-compress.py [--lzma-a64] NM ELF RAW OUT

RAW is the linked image (objcopy -O binary of ELF), taken up to the symbol
_image_end (zeros added: entry.S unpacks exactly that many bytes).  OUT is
its front, the bytes before the symbol _image_front (entry.S's head, the
cache-off code, the decoder), as is, then the rest packed:

- by default as one raw deflate stream (RFC 1951, zlib level 9, what
  stub/inflate.c reads, nothing after it: ARMv7);
- with --lzma-a64 (arm64) as raw LZMA1, lc 0, lp 2, pb 2 (what
  stub/unlzma.c reads), after the A64 branch filter: each BL's word offset
  made absolute (offset + the word's index in the image, modulo 2^26), so
  that the calls to one function are the same bytes everywhere.  entry.S
  undoes the filter.

cb_stub_info.image_size is set to OUT's size and the word at the symbol
run_crc to the CRC-32 of the unpacked bytes (entry.S checks what it unpacks
against it before running any).  Fails when OUT exceeds the symbol
_image_ceiling (the size ceiling) or the stream would not unpack to the
image again.
"""
import os
import lzma
import struct
import subprocess
import sys
import zlib

STUB_INFO_OFFSET = 0x40
IMAGE_SIZE_FIELD = STUB_INFO_OFFSET + 12


def symbols(nm, elf):
    out = subprocess.run([nm, elf], check=True, capture_output=True, text=True).stdout
    return {f[2]: int(f[0], 16) for f in (l.split() for l in out.splitlines()) if len(f) == 3}


def a64_bl(data, base, sign):
    """The branch filter on @data, which starts at image offset @base:
    sign +1 makes BL offsets absolute, -1 relative again."""
    out = bytearray(data)
    for i in range(0, len(out) - 3, 4):
        w = struct.unpack_from("<I", out, i)[0]
        if w >> 26 == 0x25:                     # BL imm26
            w = 0x94000000 | ((w + sign * ((base + i) >> 2)) & 0x3ffffff)
            struct.pack_into("<I", out, i, w)
    return bytes(out)


def a64_refs_below(code, base, limit):
    """The PC-relative references (branches, literal loads, ADR; any ADRP)
    in the A64 @code at image offset @base that reach below @limit, as
    (offset, target) pairs."""
    fields = ((0x7c000000, 0x14000000, 0, 26),     # B, BL
              (0xff000010, 0x54000000, 5, 19),     # B.cond
              (0x7e000000, 0x34000000, 5, 19),     # CBZ, CBNZ
              (0x7e000000, 0x36000000, 5, 14),     # TBZ, TBNZ
              (0x3b000000, 0x18000000, 5, 19))     # LDR (literal)
    refs = []
    for i in range(0, len(code) - 3, 4):
        w = struct.unpack_from("<I", code, i)[0]
        pc = base + i
        if w & 0x9f000000 == 0x90000000:        # ADRP: pages, not offsets
            refs.append((pc, -1))
        elif w & 0x9f000000 == 0x10000000:      # ADR
            imm = ((w >> 5) & 0x7ffff) << 2 | (w >> 29) & 3
            refs.append((pc, pc + imm - (imm >> 20 << 21)))
        for mask, op, lo, bits in fields:
            if w & mask == op:
                imm = (w >> lo) & ((1 << bits) - 1)
                refs.append((pc, pc + 4 * (imm - (imm >> (bits - 1) << bits))))
    return [(pc, t) for pc, t in refs if t < limit]


LZMA_FILTERS = [{"id": lzma.FILTER_LZMA1, "preset": 9 | lzma.PRESET_EXTREME,
                 "lc": 0, "lp": 2, "pb": 2, "dict_size": 1 << 16}]


def pack(body, base, use_lzma):
    """The stored form of @body, and whether it unpacks to @body again."""
    if not use_lzma:
        c = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
        tail = c.compress(body) + c.flush()
        return tail, zlib.decompress(tail, -15) == body
    # liblzma's parser is a heuristic: the smallest of a few match-length
    # limits and both binary-tree match finders (about 0.9% off the stub;
    # the first of equals, so the same input always gives the same stream).
    filtered = a64_bl(body, base, 1)
    tail = min((lzma.compress(filtered, format=lzma.FORMAT_RAW,
                              filters=[dict(LZMA_FILTERS[0], mf=mf, nice_len=n)])
                for mf in (lzma.MF_BT4, lzma.MF_BT2)
                for n in (12, 16, 24, 32, 48, 64, 128, 273)), key=len)
    back = lzma.decompress(tail, format=lzma.FORMAT_RAW, filters=LZMA_FILTERS)
    return tail, a64_bl(back, base, -1) == body


def main():
    args = sys.argv[1:]
    use_lzma = args[:1] == ["--lzma-a64"]
    if use_lzma:
        args = args[1:]
    if len(args) != 4:
        print(__doc__, file=sys.stderr)
        return 64
    nm, elf, raw_path, out_path = args
    sym = symbols(nm, elf)
    front, ceiling = sym["_image_front"], sym["_image_ceiling"]
    with open(raw_path, "rb") as f:
        raw = f.read()
    # objcopy stops at the last byte of .text; entry.S inflates to _image_end
    raw += bytes(max(0, sym["_image_end"] - len(raw)))
    if front % 4 or not STUB_INFO_OFFSET + 32 <= front < len(raw):
        print(f"stub-compress: _image_front {front:#x} outside the image", file=sys.stderr)
        return 1
    if use_lzma:
        # entry.S unpacks the rest without the front before it: no code
        # there may refer to the front
        code_end = sym["_image_code_end"]
        for pc, target in a64_refs_below(raw[front:code_end], front, front):
            print(f"stub-compress: the code at {pc:#x} refers to {target:#x}, in the front, "
                  "which the run copy does not hold", file=sys.stderr)
            return 1
    tail, ok = pack(raw[front:], front, use_lzma)
    if not ok:
        print("stub-compress: the stream does not unpack to the image", file=sys.stderr)
        return 1
    out = bytearray(raw[:front] + tail)	# no padding: inflate refuses trailing bytes
    # entry.S runs the inflated part only if its CRC-32 is this
    struct.pack_into("<I", out, sym["run_crc"], zlib.crc32(raw[front:]))
    struct.pack_into("<I", out, IMAGE_SIZE_FIELD, len(out))
    if len(out) > ceiling:
        print(f"stub-compress: the stub exceeds its size ceiling: {len(out)} > {ceiling} "
              f"bytes stored ({len(raw)} linked)", file=sys.stderr)
        return 1
    with open(out_path + ".tmp", "wb") as f:
        f.write(out)
    os.replace(out_path + ".tmp", out_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
