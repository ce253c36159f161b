#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Write a fake stub image for hostpack tests: any bytes with the arch front
and a valid struct cb_stub_info at 0x40 (stub/include/blob.h).  It boots
nothing; it lets hostpack be tested before (and apart from) the real stubs.
An x86_64 stub file starts with the 1024-byte Linux front (boot sector and
setup sector with the setup header, stub/arch/x86/setup.S) that hostpack
puts before the blob; its image starts with a short jump and holds the
multiboot header at offset 4.

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


LX_FRONT_SIZE = 1024


def x86_front(img):
    img[0:2] = b"\xeb\xfe"                                     # jmp .
    struct.pack_into("<8I", img, 4, MB_MAGIC, MB_FLAGS,
                     (-(MB_MAGIC + MB_FLAGS)) & 0xFFFFFFFF, MB_LOAD + 4, MB_LOAD,
                     0, 0, MB_LOAD + 0x80)
    img[0x80:0x82] = b"\xeb\xfe"                                # jmp .


def linux_front():
    """The setup header as stub/arch/x86/setup.S writes it (protocol 2.12)."""
    f = bytearray(LX_FRONT_SIZE)
    f[0x1f1] = 1                                                # setup_sects
    struct.pack_into("<H", f, 0x1fe, 0xAA55)
    f[0x200:0x202] = b"\xeb\x66"                                # jump past the header
    struct.pack_into("<IH", f, 0x202, 0x53726448, 0x020C)      # "HdrS", 2.12
    f[0x211] = 0x01                                             # LOADED_HIGH
    struct.pack_into("<I", f, 0x214, MB_LOAD)                   # code32_start
    struct.pack_into("<III", f, 0x22C, 0x7FFFFFFF, 0x1000, 0)   # initrd_addr_max...
    struct.pack_into("<H", f, 0x236, 0x03)                      # XLF_KERNEL_64, above 4G
    struct.pack_into("<I", f, 0x238, 2047)                      # cmdline_size
    struct.pack_into("<Q", f, 0x258, MB_LOAD)                   # pref_address
    return f


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
        if a.arch == "x86_64":
            f.write(linux_front())
        f.write(img)


if __name__ == "__main__":
    main()
