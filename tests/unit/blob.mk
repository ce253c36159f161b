# SPDX-License-Identifier: GPL-2.0-or-later
UNIT_TESTS += test_blob
test_blob_SRCS := tests/unit/test_blob.c stub/blob.c stub/crc32.c
test_blob_CFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all
test_blob_LIBS := -lz
