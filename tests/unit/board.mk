# SPDX-License-Identifier: GPL-2.0-or-later
UNIT_TESTS += test_board test_board_asan
test_board_SRCS := tests/unit/test_board.c hostpack/board.c hostpack/board_find.c hostpack/carry.c \
		   hostpack/util.c
test_board_asan_SRCS := $(test_board_SRCS)
test_board_asan_CFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all
