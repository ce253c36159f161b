#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Test helper: read a chainboot blob's layout and make corrupted copies.

  blobtool.py layout BLOB          shell assignments: hoff, nsec, and per
                                   section i: sec<i>_type (name), sec<i>_off,
                                   sec<i>_size (stored bytes)
  blobtool.py flip BLOB OFF OUT    OUT = BLOB with the byte at OFF XOR 0xff

The layout is read as stub/include/blob.h defines it (stub info at 0x40,
header at cb_header_offset(), section table after the 36-byte header), so
the tests do not depend on `hostpack info`.
"""
import shutil
import struct
import sys

STUB_INFO_OFFSET = 0x40
STUB_MAGIC = 0x54534243
HDR_MAGIC = 0x544F4243
HDR_ALIGN = 64
HDR_SIZE = 36
SECT_SIZE = 32
NAMES = {1: "kernel", 2: "initrd", 3: "dtb", 4: "cmdline", 5: "board", 6: "setup"}


def layout(path):
    with open(path, "rb") as f:
        head = f.read(1 << 16)
    magic, _, _, _, image_size, bss_size = struct.unpack_from("<IHHIII", head, STUB_INFO_OFFSET)
    if magic != STUB_MAGIC:
        sys.exit(f"blobtool: {path}: no stub info")
    hoff = (image_size + bss_size + HDR_ALIGN - 1) & ~(HDR_ALIGN - 1)
    hmagic, _, _, _, nsec = struct.unpack_from("<IHHHH", head, hoff)
    if hmagic != HDR_MAGIC:
        sys.exit(f"blobtool: {path}: no header at {hoff:#x}")
    print(f"hoff={hoff} nsec={nsec} stub_image_size={image_size}")
    for i in range(nsec):
        typ, _, _, off, stored = struct.unpack_from("<HBBII", head, hoff + HDR_SIZE + i * SECT_SIZE)
        print(f"sec{i}_type={NAMES.get(typ, 'unknown')} sec{i}_off={off} sec{i}_size={stored}")


def flip(path, off, out):
    shutil.copyfile(path, out)
    with open(out, "r+b") as f:
        f.seek(off)
        b = f.read(1)
        if len(b) != 1:
            sys.exit(f"blobtool: offset {off} beyond {path}")
        f.seek(off)
        f.write(bytes([b[0] ^ 0xFF]))


def main(argv):
    if len(argv) == 3 and argv[1] == "layout":
        layout(argv[2])
    elif len(argv) == 5 and argv[1] == "flip":
        flip(argv[2], int(argv[3], 0), argv[4])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
