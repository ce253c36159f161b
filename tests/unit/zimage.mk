# SPDX-License-Identifier: GPL-2.0-or-later
UNIT_TESTS += test_zimage test_zimage_asan
test_zimage_SRCS := tests/unit/test_zimage.c tests/unit/encoders.c hostpack/zimage.c hostpack/decomp.c \
		    hostpack/decomp_lzo.c hostpack/util.c
test_zimage_LIBS := -lz -llzma -llz4 -llzo2 -lzstd
test_zimage_asan_SRCS := $(test_zimage_SRCS)
test_zimage_asan_CFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all
test_zimage_asan_LIBS := $(test_zimage_LIBS)
