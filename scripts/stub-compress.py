#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Store the ARMv7 stub compressed (ld/stub-armv7.lds, stub/arch/armv7/entry.S).

  stub-compress.py NM ELF RAW OUT

RAW is the linked image (objcopy -O binary of ELF), taken up to the symbol
_image_end (zeros added: entry.S inflates exactly that many bytes).  OUT is its front,
the bytes before the symbol _image_front (entry.S's head, the cache code,
the inflater), as is, then the rest as one raw deflate stream (RFC 1951,
zlib level 9, what stub/inflate.c reads, nothing after it), with
cb_stub_info.image_size set to OUT's size and the word at the symbol
run_crc to the CRC-32 of the deflated bytes (entry.S checks what it
inflates against it before running any).  Fails when OUT exceeds the
symbol _image_ceiling (the size ceiling) or the inflated stream would not
be the image again.
"""
import os
import struct
import subprocess
import sys
import zlib

STUB_INFO_OFFSET = 0x40
IMAGE_SIZE_FIELD = STUB_INFO_OFFSET + 12


def symbols(nm, elf):
    out = subprocess.run([nm, elf], check=True, capture_output=True, text=True).stdout
    return {f[2]: int(f[0], 16) for f in (l.split() for l in out.splitlines()) if len(f) == 3}


def main():
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        return 64
    nm, elf, raw_path, out_path = sys.argv[1:]
    sym = symbols(nm, elf)
    front, ceiling = sym["_image_front"], sym["_image_ceiling"]
    with open(raw_path, "rb") as f:
        raw = f.read()
    # objcopy stops at the last byte of .text; entry.S inflates to _image_end
    raw += bytes(max(0, sym["_image_end"] - len(raw)))
    if front % 4 or not STUB_INFO_OFFSET + 32 <= front < len(raw):
        print(f"stub-compress: _image_front {front:#x} outside the image", file=sys.stderr)
        return 1
    c = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    tail = c.compress(raw[front:]) + c.flush()
    if zlib.decompress(tail, -15) != raw[front:]:
        print("stub-compress: the stream does not inflate to the image", file=sys.stderr)
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
