# SPDX-License-Identifier: GPL-2.0-or-later
UNIT_TESTS += test_image64 test_image64_asan
test_image64_SRCS := tests/unit/test_image64.c tests/unit/encoders.c hostpack/image64.c hostpack/kernel.c \
		     hostpack/zimage.c hostpack/bzimage.c hostpack/decomp.c \
		     hostpack/decomp_lzo.c hostpack/util.c hostpack/vmlinux.c \
		     hostpack/kernel_pvh.c hostpack/blobcodec.c stub/blob.c stub/crc32.c
test_image64_LIBS := -lz -llzma -llz4 -llzo2 -lzstd -ldeflate
test_image64_asan_SRCS := $(test_image64_SRCS)
test_image64_asan_CFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all
test_image64_asan_LIBS := $(test_image64_LIBS)
