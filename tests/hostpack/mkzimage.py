#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Test inputs derived from the real Debian armmp zImage.

  mkzimage.py image ZIMAGE OUT
      write the Image inside ZIMAGE, decoded by Python's lzma module (an
      implementation independent of hostpack's search)
  mkzimage.py build ZIMAGE IMAGE CODEC OUT [--bytes N] [--no-klsz]
      a zImage with the real decompressor code, tag table and tail around
      a new payload: IMAGE (first N bytes) compressed with CODEC (gzip, xz,
      lzma, lz4, lzo) the way Linux's build does (scripts/Makefile.lib),
      followed by its LE32 size; end (0x2c) and the KLSZ size offset fixed
      up.  --no-klsz hides the tag table (as zImages before Linux 4.15).
"""
import lzma
import struct
import subprocess
import sys

KLSZ = 0x5A534C4B
XZ_MAGIC = b"\xfd7zXZ\x00"


def klsz(z):
    """(table offset, index of the KLSZ tag's words, size offset)"""
    at = struct.unpack_from("<I", z, 0x38)[0]
    words = struct.unpack_from("<7I", z, at)
    assert words[1] == KLSZ, "no KLSZ tag"
    return at, words[2]


def payload(z):
    """Offset and end of the XZ payload, and the Image it decodes to."""
    _, size_off = klsz(z)
    inflated = struct.unpack_from("<I", z, size_off)[0]
    pos = z.find(XZ_MAGIC)
    while pos >= 0:
        try:
            d = lzma.LZMADecompressor(lzma.FORMAT_XZ)
            out = d.decompress(z[pos:size_off])
            if d.eof and len(out) == inflated and not d.unused_data:
                return pos, size_off, out
        except lzma.LZMAError:
            pass
        pos = z.find(XZ_MAGIC, pos + 1)
    sys.exit("mkzimage: no XZ payload found")


def compress(codec, data):
    cmds = {
        "gzip": ["gzip", "-n", "-9", "-c"],
        "xz": ["xz", "--check=crc32", "--arm", "--lzma2=,dict=32MiB", "-c"],
        "lzma": ["xz", "--format=lzma", "-9", "-c"],
        "lz4": ["lz4", "-l", "-9", "-c", "-q"],
        "lzo": ["lzop", "-9", "-c"],
    }
    out = subprocess.run(cmds[codec], input=data, stdout=subprocess.PIPE,
                         check=True).stdout
    if codec == "gzip":         # gzip's trailer carries the size already
        return out
    return out + struct.pack("<I", len(data))


def build(zpath, ipath, codec, out, nbytes=None, no_klsz=False):
    z = bytearray(open(zpath, "rb").read())
    image = open(ipath, "rb").read()
    if nbytes:
        image = image[:nbytes]
    start, size_off, _ = payload(bytes(z))
    table, _ = klsz(z)
    new = bytearray(z[:start]) + compress(codec, image)
    new_size_off = len(new) - 4
    new += z[size_off + 4:]
    struct.pack_into("<I", new, 0x2C, len(new))
    struct.pack_into("<I", new, table + 8, new_size_off)
    struct.pack_into("<I", new, table + 12, 0x1000)         # BSS
    if no_klsz:
        struct.pack_into("<I", new, 0x34, 0)                 # no magic2, no table
    open(out, "wb").write(new)


def main():
    a = sys.argv[1:]
    if len(a) == 3 and a[0] == "image":
        open(a[2], "wb").write(payload(open(a[1], "rb").read())[2])
        return
    if len(a) >= 5 and a[0] == "build":
        n = int(a[a.index("--bytes") + 1], 0) if "--bytes" in a else None
        build(a[1], a[2], a[3], a[4], n, "--no-klsz" in a)
        return
    sys.exit(__doc__)


if __name__ == "__main__":
    main()
