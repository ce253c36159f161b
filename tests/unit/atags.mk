# SPDX-License-Identifier: GPL-2.0-or-later
UNIT_TESTS += test_atags
test_atags_SRCS := tests/unit/test_atags.c tests/unit/dt_ref.c stub/atags.c \
		   stub/dt.c stub/dt_ro.c stub/dt_rw.c stub/dt_boot.c stub/dt_merge.c
test_atags_CFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all
test_atags_LIBS := -lfdt
