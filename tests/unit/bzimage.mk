# SPDX-License-Identifier: GPL-2.0-or-later
UNIT_TESTS += test_bzimage test_bzimage_asan
test_bzimage_SRCS := tests/unit/test_bzimage.c hostpack/bzimage.c hostpack/util.c
test_bzimage_asan_SRCS := $(test_bzimage_SRCS)
test_bzimage_asan_CFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all
