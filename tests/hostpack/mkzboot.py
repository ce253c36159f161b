#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""An EFI zboot image around a real arm64 Image, the way Linux builds one.

  mkzboot.py IMAGE METHOD OUT [PADDED]
      METHOD is Linux's comp-type (drivers/firmware/efi/libstub/
      Makefile.zboot): gzip, lz4, lzma, lzo, xzkern, zstd22, or zstd (the
      name since Linux 6.13).  As Linux does, the Image is padded with zeros
      to its header's image_size, then compressed (scripts/Makefile.lib's
      commands, at fast levels), and every method but gzip appends the
      padded size as a le32 after the stream, outside the payload size the
      header gives.  PADDED, if given, receives the padded Image: what the
      payload decodes to.

The header is zboot-header.S's: "MZ", "zimg" at 4, the payload's offset
and size at 8 and 12, the comp-type at 0x18, LINUX_PE_MAGIC at 0x38 and
the PE header's offset at 0x3c.  The EFI decompressor and PE sections of a
real one are left out (hostpack does not run them): the PE header here is
its signature alone.
"""
import struct
import subprocess
import sys

PAYLOAD_OFF = 0x1000
LINUX_PE_MAGIC = 0x818223CD


def compress(method, data):
    cmds = {
        "gzip": ["gzip", "-n", "-6", "-c"],
        "lz4": ["lz4", "-l", "-c", "-q"],
        "lzma": ["xz", "--format=lzma", "-0", "-c"],
        "lzo": ["lzop", "-c"],
        "xzkern": ["xz", "--check=crc32", "--arm64", "--lzma2=preset=0,lc=2,lp=2,pb=2",
                   "-c"],
        "zstd22": ["zstd", "-3", "-q", "-c"],
        "zstd": ["zstd", "-3", "-q", "-c"],
    }
    return subprocess.run(cmds[method], input=data, stdout=subprocess.PIPE,
                          check=True).stdout


def main():
    a = sys.argv[1:]
    if len(a) not in (3, 4):
        sys.exit(__doc__)
    image = open(a[0], "rb").read()
    method = a[1]
    image_size = struct.unpack_from("<Q", image, 0x10)[0]
    assert image[0x38:0x3C] == b"ARM\x64", "not an arm64 Image"
    assert image_size >= len(image), "image_size below the file"
    padded = image + bytes(image_size - len(image))
    stream = compress(method, padded)
    hdr = bytearray(PAYLOAD_OFF)
    hdr[0:2] = b"MZ"
    hdr[4:8] = b"zimg"
    struct.pack_into("<II", hdr, 8, PAYLOAD_OFF, len(stream))
    hdr[0x18:0x18 + len(method)] = method.encode()
    struct.pack_into("<II", hdr, 0x38, LINUX_PE_MAGIC, 0x40)
    hdr[0x40:0x44] = b"PE\0\0"
    tail = b"" if method == "gzip" else struct.pack("<I", len(padded))
    with open(a[2], "wb") as f:
        f.write(hdr + stream + tail)
    if len(a) == 4:
        with open(a[3], "wb") as f:
            f.write(padded)


if __name__ == "__main__":
    main()
