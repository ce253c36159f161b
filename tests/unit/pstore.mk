# SPDX-License-Identifier: GPL-2.0-or-later
# The ramoops failure record: dt_ramoops() on libfdt-built trees, the
# console zone against Linux's ramoops_probe(), the buffer layout.
UNIT_TESTS += test_pstore
test_pstore_SRCS := tests/unit/test_pstore.c stub/pstore.c $(DT_SRCS)
test_pstore_CFLAGS := -Istub/arch/armv7 -fsanitize=address,undefined -fno-sanitize-recover=all
test_pstore_LIBS := -lfdt
