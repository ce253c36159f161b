# SPDX-License-Identifier: GPL-2.0-or-later
UNIT_TESTS += test_vmlinux test_vmlinux_asan
test_vmlinux_SRCS := tests/unit/test_vmlinux.c hostpack/vmlinux.c hostpack/util.c
test_vmlinux_asan_SRCS := $(test_vmlinux_SRCS)
test_vmlinux_asan_CFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all
