#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Write a fake stub image for hostpack tests: any bytes with the arch front
and a valid struct cb_stub_info at 0x40 (stub/include/blob.h).  It boots
nothing; it lets hostpack be tested before (and apart from) the real stubs.

usage: fake-stub.py armv7|x86_64 OUT [--features N] [--size N] [--bss N]
"""
import argparse
import struct

STUB_MAGIC = 0x54534243
ARCH = {"armv7": 1, "x86_64": 2}
KLSZ = 0x5A534C4B
MB_MAGIC, MB_FLAGS, MB_LOAD = 0x1BADB002, 0x00010002, 0x00100000


def arm_front(img):
    struct.pack_into("<8I", img, 0, *([0xE1A00000] * 8))      # mov r0, r0
    struct.pack_into("<I", img, 0x20, 0xEAFFFFFE)              # b .
    struct.pack_into("<6I", img, 0x24, 0x016F2818, 0, 0, 0x04030201,
                     0x45454545, 0x60)
    struct.pack_into("<7I", img, 0x60, 6, KLSZ, 0, 0, 0, 0, 0)


def x86_front(img):
    struct.pack_into("<8I", img, 0, MB_MAGIC, MB_FLAGS,
                     (-(MB_MAGIC + MB_FLAGS)) & 0xFFFFFFFF, MB_LOAD, MB_LOAD,
                     0, 0, MB_LOAD + 0x80)
    img[0x80:0x82] = b"\xeb\xfe"                                # jmp .


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("arch", choices=ARCH)
    ap.add_argument("out")
    ap.add_argument("--features", type=lambda s: int(s, 0), default=15)
    ap.add_argument("--size", type=lambda s: int(s, 0), default=2048)
    ap.add_argument("--bss", type=lambda s: int(s, 0), default=256)
    ap.add_argument("--stack", type=lambda s: int(s, 0), default=16384)
    a = ap.parse_args()
    img = bytearray(a.size)
    (arm_front if a.arch == "armv7" else x86_front)(img)
    struct.pack_into("<IHHIIIIII", img, 0x40, STUB_MAGIC, 32, ARCH[a.arch],
                     0x00000001, a.size, a.bss, a.stack, a.features, 0)
    for i in range(0x100, a.size):      # some non-zero "code"
        img[i] = (i * 37 + 11) & 0xFF
    with open(a.out, "wb") as f:
        f.write(img)


if __name__ == "__main__":
    main()
