/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * x86 bzImage setup header reader (Documentation/arch/x86/boot.rst).
 */
#ifndef HOSTPACK_BZIMAGE_H
#define HOSTPACK_BZIMAGE_H
#include "hostpack.h"

#define BZ_MIN_VERSION		0x020c	/* xloadflags: boot protocol 2.12 */
#define BZ_XLF_KERNEL_64	(1u << 0)
#define BZ_XLF_ABOVE_4G		(1u << 1)
#define BZ_LOADED_HIGH		(1u << 0)

struct bzimage_info {
	uint16_t version;	/* boot protocol, major << 8 | minor */
	uint32_t setup_len;	/* (setup_sects + 1) * 512: boot sector + setup */
	uint64_t syssize;	/* bytes of protected-mode code the header declares */
	uint8_t loadflags;
	uint8_t relocatable;
	uint16_t xloadflags;
	uint32_t kernel_alignment;
	uint64_t pref_address;
	uint32_t init_size;	/* bytes the kernel needs from its load address */
	uint32_t cmdline_size;	/* longest command line, without the NUL */
	uint32_t payload_offset;	/* the compressed vmlinux, from the protected-mode */
	uint32_t payload_length;	/* part's start (protocol 2.08) */
};

/* true if @p has the "HdrS" setup header signature. */
bool bzimage_detect(const uint8_t *p, size_t len);

/*
 * Read the setup header of @p (@len bytes: a whole bzImage, or only its
 * setup sectors when @whole is false).  Returns 0 or HP_EINPUT (truncated,
 * bad signature, boot protocol older than 2.12, not loaded high).
 */
int bzimage_parse(const char *name, const uint8_t *p, size_t len, bool whole,
		  struct bzimage_info *bi);

/* Fill @bi from a setup header without checking or printing anything;
 * false if @p is too short or has no HdrS signature.  (For `info`.) */
bool bzimage_peek(const uint8_t *p, size_t len, struct bzimage_info *bi);

/* HP_EINPUT with a message if the x86_64 stub cannot start this kernel:
 * it must be relocatable and 64-bit.  0 otherwise. */
int bzimage_check_usable(const char *name, const struct bzimage_info *bi);

#endif
