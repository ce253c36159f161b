# SPDX-License-Identifier: GPL-2.0-or-later
CROSS_COMPILE	?= aarch64-linux-gnu-
ARCH_SRCS	:= arch/entry.S arch/cache.S arch/unlzma.S arch/lib.S arch/lz4.S arch/arch.c
# Position independent (PC-relative addressing only, scripts/check-pic.sh;
# the tiny model: adr, exact at any alignment, where adrp needs the run
# copy 4 KiB-aligned, and one instruction, not two),
# no FP/SIMD registers (the kernel's state is not ours to touch), and no
# unaligned accesses: the stub runs with the MMU off, where all memory is
# Device memory.
ARCH_CFLAGS	:= -march=armv8-a -mgeneral-regs-only -mstrict-align -fpie \
		   -mcmodel=tiny -fno-asynchronous-unwind-tables -fno-unwind-tables \
		   -fomit-frame-pointer
ARCH_LDFLAGS	:= -Wl,--no-warn-rwx-segments
# The cold code (not the decoders, the CRC or memcpy): instructions in the
# order written, registers saved once at the top, and fewer of GCC's
# rewrites (value ranges, early inlining, loop headers copied, invariants
# hoisted, forward propagation, peephole2, variables coalesced, sibling
# calls, dominator and full redundancy elimination, straight-line strength
# reduction) pack 4.5% smaller (scripts/stub-compress.py's LZMA: 13,188 to
# 12,939 bytes stored with the first nine, 12,768 to 12,688 with the last
# five; each flag, taken out alone, costs 6 bytes or more), and none of it
# is in a loop that counts.
ARCH_COLD_CFLAGS := -fno-schedule-insns2 -fno-shrink-wrap -fno-tree-vrp -fno-early-inlining \
		    -fno-tree-ch -fno-tree-loop-im -fno-forward-propagate -fno-peephole2 \
		    -fno-tree-coalesce-vars -fno-optimize-sibling-calls \
		    -fno-tree-dominator-opts -fno-tree-forwprop -fno-tree-fre -fno-tree-slsr
# No ATAGs on arm64; arch/lib.S and arch.c's udiv32 replace the portable
# lib.c, arch/lz4.S (half the size) lz4.c.
STUB_SRCS	:= $(filter-out atags.c lib.c lz4.c,$(STUB_SRCS))
# The image is stored with all but its front packed with LZMA
# (ld/stub-arm64.lds); the decoder, arch/unlzma.S, is in the front.
ARCH_STORE	= python3 scripts/stub-compress.py --lzma-a64 $(CROSS_COMPILE)nm
# The CRC32 instructions, used when ID_AA64ISAR0_EL1 has them (crc32.c).
CFLAGS_crc32.o	:= -march=armv8-a+crc
