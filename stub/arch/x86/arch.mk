# SPDX-License-Identifier: GPL-2.0-or-later
# x86: 32-bit protected-mode code, linked at CB_MB_LOAD_ADDR (multiboot's
# a.out kludge loads the blob there), so absolute addresses are fine.
CROSS_COMPILE	?=
ARCH_SRCS	:= arch/setup.S arch/entry.S arch/arch.c arch/pvh.c arch/e820.c arch/lib.c
# Register arguments, a 4-byte stack alignment and no frame pointer: about
# 1 KB less code over the whole stub than the i386 defaults.
ARCH_CFLAGS	:= -Istub/arch/x86/include -m32 -march=i686 -fno-pic -fno-pie -mno-sse -mno-mmx \
		   -mregparm=3 -mpreferred-stack-boundary=2 -fomit-frame-pointer \
		   -fno-asynchronous-unwind-tables
ARCH_LDFLAGS	:= -no-pie -Wl,-m,elf_i386 -Wl,--no-warn-rwx-segments
# No 32-bit libgcc here: the generic code avoids its helpers (udiv32), so
# nothing breaks with register arguments (-mregparm=3, as Linux i386 does).
ARCH_LIBS	:=
# Linked at a fixed address: absolute relocations are expected.
PIC_CHECK	:= true
# The device tree is ARM's business; arch/lib.c replaces the portable lib.c.
STUB_SRCS	:= $(filter-out dt%.c arm_dt.c atags.c lib.c pstore.c,$(STUB_SRCS))
# The arch code runs once per boot: smallest code wins (the decoders stay -Os).
CFLAGS_arch.c.o	:= -Oz
CFLAGS_pvh.c.o	:= -Oz
CFLAGS_e820.c.o	:= -Oz
# LZ4 without its fast path: memcpy is `rep movsb` here (arch/lib.c).
CFLAGS_lz4.o	:= -DLZ4_COMPACT
# The serial driver for a PC's console only (stub/serial/uart.c).
CFLAGS_uart.o	:= -DUART_PC_ONLY
