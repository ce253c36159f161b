# SPDX-License-Identifier: GPL-2.0-or-later
UNIT_TESTS += test_crc32 test_crc32_asan
test_crc32_SRCS := tests/unit/test_crc32.c stub/crc32.c
test_crc32_LIBS := -lz
test_crc32_asan_SRCS := $(test_crc32_SRCS)
test_crc32_asan_CFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all
test_crc32_asan_LIBS := $(test_crc32_LIBS)
# The ARM stub's form (a base register per table), on the host.
UNIT_TESTS += test_crc32_bases
test_crc32_bases_SRCS := $(test_crc32_SRCS)
test_crc32_bases_CFLAGS := -DCRC32_TABLE_BASES $(test_crc32_asan_CFLAGS)
test_crc32_bases_LIBS := $(test_crc32_LIBS)
# arm64's table form (one table, byte by byte: its fallback without the
# CRC32 instructions), on the host.
UNIT_TESTS += test_crc32_bytes
test_crc32_bytes_SRCS := $(test_crc32_SRCS)
test_crc32_bytes_CFLAGS := -DCRC32_SLICES=1 $(test_crc32_asan_CFLAGS)
test_crc32_bytes_LIBS := $(test_crc32_LIBS)
