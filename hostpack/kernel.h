/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Kernel input: tells an ARM zImage, an ARM Image (raw or compressed) and
 * an x86 bzImage apart and turns each into what the KERNEL (and SETUP)
 * sections carry.
 */
#ifndef HOSTPACK_KERNEL_H
#define HOSTPACK_KERNEL_H
#include "hostpack.h"

#define KERNEL_MAX_FILE		(256u * HP_MiB)
#define KERNEL_DEFAULT_TEXT	0x8000u		/* classic ARM TEXT_OFFSET */
#define KERNEL_DEFAULT_BSS	(4u * HP_MiB)	/* margin when the BSS is unknown */
#define KERNEL_ARM_CMDLINE	1023u		/* COMMAND_LINE_SIZE 1024 - NUL */
#define KERNEL_X86_CMDLINE	2047u
#define KERNEL_ARM64_CMDLINE	2047u		/* arm64 COMMAND_LINE_SIZE 2048 - NUL */

struct kernel_opts {
	uint16_t arch;		/* CB_ARCH_*, or 0: take it from the kernel */
	bool text_offset_set;
	uint32_t text_offset;
	bool bss_set;
	uint32_t bss;
};

struct kernel {
	uint16_t arch;
	char format[48];	/* for messages: "zImage, xz payload" */
	struct hp_buf image;	/* ARM: the Image; x86: protected-mode part */
	struct hp_buf setup;	/* x86: boot sector + setup sectors */
	uint32_t mem_size;	/* bytes needed where the image runs */
	uint32_t load_offset;	/* ARM: TEXT_OFFSET */
	uint32_t cmdline_max;	/* longest command line this kernel takes */
	struct hp_buf appended;	/* zImage: non-zero bytes after its end (DTBs) */
};

/*
 * Recognise the kernel @p (@len bytes of the file @name) and fill @k.
 * Returns 0, HP_EINPUT (unknown, truncated, corrupt, unusable) or HP_EUSAGE
 * (options that contradict the kernel, e.g. --arch x86_64 with a zImage),
 * having printed why.
 */
int kernel_load(const char *name, const uint8_t *p, size_t len,
		const struct kernel_opts *ko, struct kernel *k);

void kernel_free(struct kernel *k);

#endif
