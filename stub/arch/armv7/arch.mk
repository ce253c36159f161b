# SPDX-License-Identifier: GPL-2.0-or-later
CROSS_COMPILE	?= arm-none-eabi-
ARCH_SRCS	:= arch/entry.S arch/cache.S arch/lib.S arch/arch.c
# Thumb-2 for size; no unaligned accesses, since most of the stub runs with
# the MMU off (strongly-ordered memory); the decoders run with it on.
ARCH_CFLAGS	:= -march=armv7-a -marm -mthumb -mfloat-abi=soft -fpie \
		   -mno-unaligned-access \
		   -U__UINT32_TYPE__ -D__UINT32_TYPE__="unsigned int" \
		   -U__INT32_TYPE__ -D__INT32_TYPE__=int
# (arm-none-eabi makes uint32_t a long: the line above keeps printf formats
# the same on every arch; both are 32 bits, the ABI does not change.)
ARCH_LDFLAGS	:=
# The image is stored with all but its front deflated (ld/stub-armv7.lds).
ARCH_STORE	= python3 scripts/stub-compress.py $(CROSS_COMPILE)nm
CFLAGS_inflate.o := -munaligned-access
CFLAGS_lz4.o	:= -munaligned-access
# memcpy and memset are arch/lib.S (load/store-multiple), where the variadic
# functions (console.h, stub.h) are too.
CFLAGS_lib.o	:= -DARCH_MEMCPY_MEMSET
# The CRC's slice-by-8 loop keeps everything in registers only at -O2
# (-Os reloads the end pointer from the stack: 28 instructions per 8
# bytes, not 27).
CFLAGS_crc32.o	:= -O2
