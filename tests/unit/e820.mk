# SPDX-License-Identifier: GPL-2.0-or-later
UNIT_TESTS += test_e820
test_e820_SRCS := tests/unit/test_e820.c stub/arch/x86/e820.c
test_e820_CFLAGS := -Istub/arch/x86 -fsanitize=address,undefined -fno-sanitize-recover=all
