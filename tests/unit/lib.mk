# SPDX-License-Identifier: GPL-2.0-or-later
# stub/lib.c with its functions renamed, so that the host's stay in use.
UNIT_TESTS += test_lib
test_lib_SRCS := tests/unit/test_lib.c stub/lib.c
test_lib_CFLAGS := -Istub/arch/armv7 -Dmemcpy=cb_memcpy -Dmemset=cb_memset -fno-builtin \
		   -fsanitize=address,undefined -fno-sanitize-recover=all
