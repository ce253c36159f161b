# SPDX-License-Identifier: GPL-2.0-or-later
UNIT_TESTS += test_layout
test_layout_SRCS := tests/unit/test_layout.c stub/layout.c
test_layout_CFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all
