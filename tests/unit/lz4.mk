# SPDX-License-Identifier: GPL-2.0-or-later
UNIT_TESTS += test_lz4 test_lz4_asan
test_lz4_SRCS := tests/unit/test_lz4.c stub/lz4.c stub/codec.c
test_lz4_LIBS := -llz4
test_lz4_asan_SRCS := $(test_lz4_SRCS)
test_lz4_asan_CFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all
test_lz4_asan_LIBS := $(test_lz4_LIBS)
