#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Generate hostpack's bad-input corpus from good inputs.

usage: mkbad.py GOOD_DIR BAD_DIR

GOOD_DIR holds: vmlinuz (Debian armmp zImage), linux (Debian amd64
bzImage), Image (decoded armmp Image), vexpress.dtb, initrd.cpio.gz,
boot-v2.img, fa.bin / fx.bin (fake ARM / x86 stubs), a.blob (a good ARM
blob), c.blob (kernel, DTB and the carry list /serial-number, /chosen/x).  Each file written here is named in tests/hostpack/bad/cases.txt,
with the exit code and message hostpack must give for it.  Small files are
written whole; big ones are a good input with a few bytes changed.
"""
import gzip
import os
import random
import struct
import sys
import zlib

G, B = sys.argv[1], sys.argv[2]
rnd = random.Random(1234)          # the same corpus every run


def good(name):
    with open(os.path.join(G, name), "rb") as f:
        return bytearray(f.read())


def put(name, data):
    with open(os.path.join(B, name), "wb") as f:
        f.write(data)


def patched(src, *edits):
    """Copy of GOOD_DIR/src with (offset, struct format, value) edits."""
    d = good(src)
    for off, fmt, val in edits:
        struct.pack_into(fmt, d, off, val)
    return d


def zimage_cases():
    z = good("vmlinuz")
    table = struct.unpack_from("<I", z, 0x38)[0]
    size_off = struct.unpack_from("<I", z, table + 8)[0]
    put("zimage-truncated", z[: len(z) // 2])
    put("zimage-bigendian", patched("vmlinuz", (0x30, ">I", 0x04030201)))
    put("zimage-no-klsz", patched("vmlinuz", (0x34, "<I", 0)))
    put("zimage-klsz-offset", patched("vmlinuz", (table + 8, "<I", len(z) + 16)))
    put("zimage-klsz-size", patched("vmlinuz", (size_off, "<I", 0xFFFFFFF0)))
    put("zimage-tag-loop", patched("vmlinuz", (table, "<I", 1)))
    put("zimage-bad-end", patched("vmlinuz", (0x2C, "<I", 0x10)))
    d = good("vmlinuz")            # damage the middle of the XZ payload
    for i in range(len(d) // 2, len(d) // 2 + 64):
        d[i] ^= 0x5A
    put("zimage-corrupt-payload", d)
    d = good("vmlinuz") + b"\x01garbage after the zImage"
    put("zimage-trailing-garbage", d)


def bzimage_cases():
    put("bzimage-truncated", good("linux")[: 3 * 1024 * 1024])
    put("bzimage-old-protocol", patched("linux", (0x206, "<H", 0x0209)))
    put("bzimage-not-relocatable", patched("linux", (0x234, "<B", 0)))
    x = good("linux")
    struct.pack_into("<H", x, 0x236, struct.unpack_from("<H", x, 0x236)[0] & ~1)
    put("bzimage-32bit", x)
    put("bzimage-bad-bootflag", patched("linux", (0x1FE, "<H", 0)))
    put("bzimage-loaded-low", patched("linux", (0x211, "<B", 0)))


def kernel_cases():
    put("kernel-empty", b"")
    put("kernel-random", bytes(rnd.getrandbits(8) for _ in range(65536)))
    img = bytes(good("Image")[: 1 << 20])
    gz = gzip.compress(img, 9, mtime=0)
    put("image-gz-truncated", gz[: len(gz) * 2 // 3])
    put("image-gz-trailing", gz + b"junk")


def dtb_cases():
    d = good("vexpress.dtb")
    put("dtb-truncated", d[: len(d) - 100])
    c = bytearray(d)
    off_struct = struct.unpack_from(">I", c, 8)[0]
    for i in range(off_struct + 8, off_struct + 40):
        c[i] = 0xEE
    put("dtb-corrupt", c)
    big = bytearray(3 * 1024 * 1024)
    big[:8] = struct.pack(">II", 0xD00DFEED, len(big))
    put("dtb-too-large", big)
    put("dtb-not-dtb", b"this is not a device tree\n" * 10)
    put("dtb-trailing", d + b"\x01\x02\x03\x04")


def initrd_cases():
    gz = good("initrd.cpio.gz")
    put("initrd-empty", b"")
    put("initrd-truncated-gz", gz[: len(gz) - 9])
    c = bytearray(gz)
    c[len(c) // 2] ^= 0xFF
    c[len(c) // 2 + 1] ^= 0xFF
    put("initrd-corrupt-gz", c)
    put("initrd-unknown", bytes(rnd.getrandbits(8) for _ in range(4096)))
    with open(os.path.join(B, "initrd-too-large"), "wb") as f:
        f.truncate(1025 * 1024 * 1024)      # sparse: costs no disk


def bootimg_cases():
    b = good("boot-v2.img")
    put("bootimg-pagesize-3000", patched("boot-v2.img", (36, "<I", 3000)))
    put("bootimg-pagesize-1024", patched("boot-v2.img", (36, "<I", 1024)))
    put("bootimg-pagesize-32k", patched("boot-v2.img", (36, "<I", 32768)))
    put("bootimg-kernel-beyond", patched("boot-v2.img", (8, "<I", len(b))))
    put("bootimg-ramdisk-beyond", patched("boot-v2.img", (16, "<I", 0x7FFFFFFF)))
    put("bootimg-dtb-beyond", patched("boot-v2.img", (1648, "<I", len(b))))
    put("bootimg-version-9", patched("boot-v2.img", (40, "<I", 9)))
    put("bootimg-no-kernel", patched("boot-v2.img", (8, "<I", 0)))
    put("bootimg-truncated-header", b[:100])
    put("bootimg-truncated", b[: len(b) // 2])


def board_cases():
    put("board-unknown-key.conf", b"name = x\nuart = pl011\nuart_base = 1\ncolour = red\n")
    put("board-bad-value.conf", b"name = x\nram_size = lots\n")
    put("board-bad-uart.conf", b"name = x\nuart = 16550\n")
    put("board-twice.conf", b"name = x\nname = y\n")
    put("board-no-equals.conf", b"name x\n")
    put("board-no-name.conf", b"uart = none\n")
    put("board-reg-no-addr.conf", b"name = x\nreset = reg\n")
    put("board-carry-relative.conf", b"name = x\n# a style\ncarry = /serial-number chosen/a\n")
    put("board-carry.conf", b"name = x\ncarry = /serial-number\n")
    put("board-carry-too-long.conf", b"name = x\n" +
        b"".join(b"carry = /%s\n" % (c * 300) for c in (b"a", b"b", b"c", b"d")))


def stub_cases():
    put("stub-random", bytes(rnd.getrandbits(8) for _ in range(2048)))
    put("stub-short", good("fa.bin")[:64])
    put("stub-no-zimage-magic", patched("fa.bin", (0x24, "<I", 0)))
    put("stub-no-tag-table", patched("fa.bin", (0x38, "<I", 0x80)))
    # the multiboot checksum: image offset 4 + 8, after the 1 KiB Linux front
    put("stub-mb-checksum", patched("fx.bin", (1024 + 12, "<I", 0)))
    put("stub-image-size", patched("fa.bin", (0x4C, "<I", 0x100000)))
    put("stub-trailing", good("fa.bin") + b"\x01")


def refresh_crcs(d, hoff):
    """Recompute stub_crc and hdr_crc (blob.h) so only the real damage shows."""
    image_size = struct.unpack_from("<I", d, 0x4C)[0]
    hdr_size = struct.unpack_from("<H", d, hoff + 6)[0]
    struct.pack_into("<I", d, hoff + 20, zlib.crc32(d[:image_size]))
    struct.pack_into("<I", d, hoff + 24, 0)
    struct.pack_into("<I", d, hoff + 24, zlib.crc32(d[hoff:hoff + hdr_size]))


def blob_cases():
    a = good("a.blob")
    hoff = (struct.unpack_from("<I", a, 0x4C)[0] + struct.unpack_from("<I", a, 0x50)[0]
            + 63) & ~63
    sec0 = hoff + 36
    k_off, k_stored = struct.unpack_from("<II", a, sec0 + 4)
    d = bytearray(a)
    d[k_off + k_stored // 2] ^= 1
    put("blob-kernel-flip", d)
    d = bytearray(a)
    d[hoff + 20] ^= 1                          # stub_crc, under the header CRC
    put("blob-header-flip", d)
    d = bytearray(a)
    d[hoff + 16] ^= 1                          # blob_size: odd, past the file
    put("blob-size-flip", d)
    d = bytearray(a)
    d[0x100] ^= 1                              # stub code
    put("blob-stub-flip", d)
    put("blob-truncated", a[: len(a) - 1000])
    put("blob-garbage", bytes(rnd.getrandbits(8) for _ in range(8192)))
    d = bytearray(a)
    struct.pack_into("<H", d, hoff + 4, 2)    # format version 2
    put("blob-version-2", d)
    d = bytearray(a)
    struct.pack_into("<I", d, 0x2C, 0x1000)    # zImage end: kexec would load 4 KiB
    refresh_crcs(d, hoff)
    put("blob-front-end", d)
    d = bytearray(a)
    next_off = struct.unpack_from("<I", d, sec0 + 32 + 4)[0]
    struct.pack_into("<I", d, sec0 + 8, next_off - k_off + 8)   # into the DTB
    refresh_crcs(d, hoff)
    put("blob-sect-overlap", d)
    d = bytearray(a)
    struct.pack_into("<I", d, sec0 + 8, k_stored - 8)   # a shorter lz4 block
    struct.pack_into("<I", d, sec0 + 24, zlib.crc32(d[k_off:k_off + k_stored - 8]))
    refresh_crcs(d, hoff)
    put("blob-kernel-short", d)


def carry_cases():
    """c.blob's CARRY section (the third) rewritten in place, CRCs made right."""
    c = good("c.blob")
    hoff = (struct.unpack_from("<I", c, 0x4C)[0] + struct.unpack_from("<I", c, 0x50)[0]
            + 63) & ~63
    sec2 = hoff + 36 + 2 * 32
    assert struct.unpack_from("<H", c, sec2)[0] == 7, "c.blob: section 2 is not CARRY"
    off, stored = struct.unpack_from("<II", c, sec2 + 4)
    assert c[off:off + stored] == b"/serial-number\0/chosen/x\0"
    for name, data in (("no-nul", b"/serial-number\0/chosen/xy"),
                       ("relative", b"/serial-number\0chosen/xx\0"),
                       ("empty", b"/serial-number\0\0/chosen/\0")):
        d = bytearray(c)
        d[off:off + stored] = data
        struct.pack_into("<I", d, sec2 + 24, zlib.crc32(data))
        refresh_crcs(d, hoff)
        put("blob-carry-" + name, d)
    d = bytearray(c)
    d[sec2 + 2] = 2                            # "lz4": CARRY is never compressed
    refresh_crcs(d, hoff)
    put("blob-carry-lz4", d)


def vmlinux_tiny(note=True):
    """An x86_64 vmlinux: text at 16 MiB, data + BSS at 16 MiB + 8 KiB, the PVH
    note (entry 16 MiB + 0x50) unless @note is false (the type then 0x7fff)."""
    elf = bytearray(0x1400)
    elf[0:8] = b"\x7fELF\2\1\1\0"
    struct.pack_into("<HHIQQQIHHH", elf, 16, 2, 62, 1, 0x1000000, 64, 0, 0, 64, 56, 3)
    for i, (t, o, pa, fs, ms) in enumerate(((1, 0x1000, 0x1000000, 0x100, 0x100),
                                            (1, 0x1100, 0x1002000, 0x80, 0x1000),
                                            (4, 0x400, 0, 20, 20))):
        struct.pack_into("<IIQQQQQQ", elf, 64 + 56 * i, t, 7, o, pa, pa, fs, ms, 8)
    struct.pack_into("<III4sI", elf, 0x400, 4, 4, 18 if note else 0x7fff, b"Xen\0", 0x1000050)
    elf[0x1000:0x1180] = bytes(rnd.getrandbits(8) for _ in range(0x180))
    return bytes(elf)


def pvh_cases():
    """p.blob (the tiny vmlinux, fast path): its PVH entry moved out of the
    kernel image, CRCs made right; the vmlinux without its note."""
    f = good("p.blob")
    front, p = f[:1024], f[1024:]              # an x86 blob file: the Linux front first
    hoff = (struct.unpack_from("<I", p, 0x4C)[0] + struct.unpack_from("<I", p, 0x50)[0]
            + 63) & ~63
    sec1 = hoff + 36 + 32
    off = struct.unpack_from("<I", p, sec1 + 4)[0]
    d = bytearray(p)
    struct.pack_into("<I", d, off, 0x1003000)          # in the BSS, past the image
    struct.pack_into("<I", d, sec1 + 24, zlib.crc32(d[off:off + 16]))
    refresh_crcs(d, hoff)
    put("blob-pvh-entry", front + d)
    put("vmlinux-no-note", vmlinux_tiny(note=False))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--vmlinux":
        with open(sys.argv[2], "wb") as f:
            f.write(vmlinux_tiny())
        return
    os.makedirs(B, exist_ok=True)
    for gen in (zimage_cases, bzimage_cases, kernel_cases, dtb_cases,
                initrd_cases, bootimg_cases, board_cases, stub_cases,
                blob_cases, carry_cases, pvh_cases):
        gen()


if __name__ == "__main__":
    main()
