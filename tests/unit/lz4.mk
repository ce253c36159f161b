# SPDX-License-Identifier: GPL-2.0-or-later
UNIT_TESTS += test_lz4 test_lz4_asan
test_lz4_SRCS := tests/unit/test_lz4.c stub/lz4.c stub/codec.c
test_lz4_LIBS := -llz4
test_lz4_asan_SRCS := $(test_lz4_SRCS)
test_lz4_asan_CFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all
test_lz4_asan_LIBS := $(test_lz4_LIBS)
# The x86 stub's build (LZ4_COMPACT: no fast path), under the sanitizers.
UNIT_TESTS += test_lz4_compact
test_lz4_compact_SRCS := $(test_lz4_SRCS)
test_lz4_compact_CFLAGS := -DLZ4_COMPACT $(test_lz4_asan_CFLAGS)
test_lz4_compact_LIBS := $(test_lz4_LIBS)
