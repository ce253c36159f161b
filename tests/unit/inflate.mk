# SPDX-License-Identifier: GPL-2.0-or-later
# The test includes stub/inflate.c itself (to reach its table builder).
# test_inflate32_asan decodes with a 32-bit bit buffer, as on ARM and x86.
UNIT_TESTS += test_inflate test_inflate_asan test_inflate32_asan
test_inflate_SRCS := tests/unit/test_inflate.c stub/codec.c
test_inflate_LIBS := -lz -ldeflate
test_inflate_asan_SRCS := $(test_inflate_SRCS)
test_inflate_asan_CFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all
test_inflate_asan_LIBS := $(test_inflate_LIBS)
test_inflate32_asan_SRCS := $(test_inflate_SRCS)
test_inflate32_asan_CFLAGS := $(test_inflate_asan_CFLAGS) -DINFLATE_TEST_WORD32
test_inflate32_asan_LIBS := $(test_inflate_LIBS)
$(addprefix $(O)/tests/,test_inflate test_inflate_asan test_inflate32_asan): stub/inflate.c
