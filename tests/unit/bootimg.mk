# SPDX-License-Identifier: GPL-2.0-or-later
UNIT_TESTS += test_bootimg test_bootimg_asan
test_bootimg_SRCS := tests/unit/test_bootimg.c hostpack/bootimg.c hostpack/util.c
test_bootimg_asan_SRCS := $(test_bootimg_SRCS)
test_bootimg_asan_CFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all
