# SPDX-License-Identifier: GPL-2.0-or-later
UNIT_TESTS += test_unlzma test_unlzma_asan
test_unlzma_SRCS := tests/unit/test_unlzma.c stub/unlzma.c
test_unlzma_LIBS := -llzma
test_unlzma_asan_SRCS := $(test_unlzma_SRCS)
test_unlzma_asan_CFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all
test_unlzma_asan_LIBS := $(test_unlzma_LIBS)
