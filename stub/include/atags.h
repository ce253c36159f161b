/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ATAG lists from old bootloaders (Linux Documentation/arch/arm/booting.rst
 * section 4a, arch/arm/include/uapi/asm/setup.h): read them, and apply
 * them to a device tree the way Linux's ARM_ATAG_DTB_COMPAT does.
 * Errors are DT_ERR_* codes (dt.h), so dt_strerror() names them.
 */
#ifndef CHAINBOOT_ATAGS_H
#define CHAINBOOT_ATAGS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Tags: each is u32 size in words (header included), u32 tag, payload;
 * in the CPU's byte order, 4-byte aligned. */
#define ATAG_NONE	0x00000000
#define ATAG_CORE	0x54410001	/* size 2, or 5: flags, pagesize, rootdev */
#define ATAG_MEM	0x54410002	/* size, start */
#define ATAG_INITRD2	0x54420005	/* start, size: skipped */
#define ATAG_SERIAL	0x54410006	/* low, high */
#define ATAG_CMDLINE	0x54410009	/* NUL-terminated string */

#define ATAG_MAX_MEM	8

struct atag_info {
	const char *cmdline;	/* inside the list, NUL-terminated; NULL if none */
	uint32_t cmdline_len;	/* bytes before the NUL */
	bool have_serial;
	uint32_t serial[2];	/* high, low */
	uint32_t nmem;		/* banks with a non-zero size, in list order */
	struct {
		uint32_t size;
		uint32_t start;
	} mem[ATAG_MAX_MEM];	/* banks past ATAG_MAX_MEM are ignored, as Linux */
};

/*
 * Read the list at @list, of which at most @max_size bytes may be read:
 * ATAG_CORE first (size 2 or 5), every tag at least 2 words and inside the
 * bound, ATAG_MEM and ATAG_SERIAL at least 4 words, the command line
 * NUL-terminated inside its tag, the list ended by ATAG_NONE (or a size of
 * 0, as Linux).  The last ATAG_CMDLINE / ATAG_SERIAL wins; other tags
 * (ATAG_INITRD2 too: the blob brings its own initrd) are skipped.  Returns
 * 0, DT_ERR_ALIGNMENT, DT_ERR_BADMAGIC (not an ATAG list),
 * DT_ERR_TRUNCATED (a tag or the end is beyond @max_size), DT_ERR_BADVALUE
 * (bad tag size, unterminated command line).
 */
int atags_parse(const void *list, size_t max_size, struct atag_info *info);

/*
 * Apply @info to @fdt, a tree from dt_open_into(): /serial-number = 16
 * upper-case hex digits, high word first; the reg of /memory (created if
 * absent; device_type "memory") = the banks, with the root #address-cells
 * / #size-cells (Linux uses #size-cells for both; they agree on every real
 * board).  The command line goes to /chosen with dt_set_chosen(), which
 * also sets the initrd.  Returns 0, DT_ERR_BADNCELLS (root cells not 1 or
 * 2), DT_ERR_NOSPACE.
 */
int atags_to_dt(const struct atag_info *info, void *fdt);

#endif
