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

/* x86: which way the stub starts the kernel (--x86-entry) */
#define KERNEL_X86_AUTO		0	/* PVH when compressed and the kernel has the note */
#define KERNEL_X86_PVH		1	/* PVH or fail */
#define KERNEL_X86_BZIMAGE	2	/* the bzImage's own 32-bit entry */

struct kernel_opts {
	uint16_t arch;		/* CB_ARCH_*, or 0: take it from the kernel */
	int x86_entry;		/* KERNEL_X86_* */
	int comp;		/* the KERNEL section's CB_COMP_* (auto: none is the bzImage path) */
	const struct hp_buf *vmlinux;	/* x86: the bzImage's decoded payload, given */
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
	bool pvh;		/* x86 fast path: image is the vmlinux memory image at
				 * physical load_offset, no setup; entered at pvh_entry */
	uint32_t pvh_entry;
	char path[96];		/* x86: the path taken and why, for messages */
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

/*
 * x86 (kernel_pvh.c): the path for the bzImage @p (@len bytes, header
 * read into *@bi) under @ko: keeps the bzImage split already in @k, or
 * replaces it with the PVH memory image of the decoded payload.  Fills
 * k->path.  Returns 0 or HP_EINPUT/HP_EUSAGE, having printed why.
 */
struct bzimage_info;
int kernel_x86_path(const char *name, const uint8_t *p, size_t len,
		    const struct bzimage_info *bi, const struct kernel_opts *ko,
		    struct kernel *k);

/*
 * The x86 path the blob @v takes, and why, in @out: "PVH fast path: entry
 * ..." or, for a bzImage blob, what pack finds in its kernel ("no PVH
 * note: bzImage path", or "PVH entry 0x... not used (...)" when the kernel
 * has one).  For `info`; decodes the kernel.
 */
struct blob_view;
void kernel_x86_path_of(const struct blob_view *v, char *out, size_t cap);

/* An x86_64 vmlinux ELF given as the kernel: the PVH path or nothing. */
int kernel_load_vmlinux(const char *name, const uint8_t *p, size_t len,
			const struct kernel_opts *ko, struct kernel *k);

#endif
