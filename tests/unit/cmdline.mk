# SPDX-License-Identifier: GPL-2.0-or-later
UNIT_TESTS += test_cmdline
test_cmdline_SRCS := tests/unit/test_cmdline.c stub/cmdline.c stub/blob.c stub/crc32.c
test_cmdline_CFLAGS := -Istub/arch/armv7 -fsanitize=address,undefined -fno-sanitize-recover=all
