# SPDX-License-Identifier: GPL-2.0-or-later
UNIT_TESTS += test_carry
test_carry_SRCS := tests/unit/test_carry.c hostpack/carry.c hostpack/util.c
test_carry_CFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all
