# SPDX-License-Identifier: GPL-2.0-or-later
# stub/dt*.c: unit tests (ASan/UBSan) and the differential test against
# libfdt over every Debian ARM DTB ($CB_CACHE/armhf/dtbs).
DT_SRCS := stub/dt.c stub/dt_ro.c stub/dt_rw.c stub/dt_boot.c stub/dt_merge.c
UNIT_TESTS += test_dt test_dt_diff test_dt_merge
test_dt_SRCS := tests/unit/test_dt.c tests/unit/dt_ref.c $(DT_SRCS)
test_dt_CFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all
test_dt_LIBS := -lfdt
test_dt_diff_SRCS := tests/unit/test_dt_diff.c tests/unit/dt_ref.c $(DT_SRCS)
test_dt_diff_LIBS := -lfdt
test_dt_merge_SRCS := tests/unit/test_dt_merge.c tests/unit/dt_ref.c $(DT_SRCS)
test_dt_merge_CFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all
test_dt_merge_LIBS := -lfdt

# The module as the ARM stub builds it: warnings, no absolute relocations,
# Thumb-2 size.  `make dt-arm-check`
DT_ARM_CFLAGS := -std=gnu11 -march=armv7-a -mthumb -Os -ffreestanding -fpie \
		 -fvisibility=hidden -mno-unaligned-access -ffunction-sections \
		 -fdata-sections -Wall -Wextra -Werror -Istub/include
dt-arm-check: | $(O)/tests
	$(Q)for m in dt dt_ro dt_rw dt_boot dt_merge atags; do \
		arm-none-eabi-gcc $(DT_ARM_CFLAGS) -c -o $(O)/tests/$$m-thumb.o stub/$$m.c || exit 1; \
	done
	$(Q)scripts/check-pic.sh arm-none-eabi-readelf $(O)/tests/*-thumb.o
	$(Q)arm-none-eabi-size -t $(O)/tests/dt*-thumb.o $(O)/tests/atags-thumb.o
.PHONY: dt-arm-check
