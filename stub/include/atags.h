/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ATAG lists from old bootloaders (Linux Documentation/arch/arm/booting.rst
 * section 4a, arch/arm/include/uapi/asm/setup.h): read them, and apply
 * them to a device tree the way Linux's ARM_ATAG_DTB_COMPAT does.
 * Errors are DT_ERR_* codes (dt.h), so dt_strerror() names them.
 */
#ifndef CHAINBOOT_ATAGS_H
#define CHAINBOOT_ATAGS_H
#include <stddef.h>
#include <stdint.h>

/* Tags: each is u32 size in words (header included), u32 tag, payload;
 * in the CPU's byte order, 4-byte aligned. */
#define ATAG_NONE	0x00000000
#define ATAG_CORE	0x54410001	/* size 2, or 5: flags, pagesize, rootdev */
#define ATAG_MEM	0x54410002	/* size, start */
#define ATAG_INITRD2	0x54420005	/* physical start, size */
#define ATAG_SERIAL	0x54410006	/* low, high */
#define ATAG_CMDLINE	0x54410009	/* NUL-terminated string */

#define ATAG_MAX_MEM	8

#define ATAG_HAVE_INITRD	(1u << 0)
#define ATAG_HAVE_SERIAL	(1u << 1)

struct atag_info {
	const char *cmdline;	/* inside the list, NUL-terminated; NULL if none */
	uint32_t cmdline_len;	/* bytes before the NUL */
	uint32_t flags;		/* ATAG_HAVE_* */
	uint32_t initrd_start;	/* ATAG_INITRD2, when size != 0 */
	uint32_t initrd_size;
	uint32_t serial_low;
	uint32_t serial_high;
	uint32_t nmem;		/* banks with a non-zero size, in list order */
	struct {
		uint32_t start;
		uint32_t size;
	} mem[ATAG_MAX_MEM];	/* banks past ATAG_MAX_MEM are ignored, as Linux */
};

/*
 * Read the list at @list, of which at most @max_size bytes may be read:
 * ATAG_CORE first (size 2 or 5), every tag at least 2 words and inside the
 * bound, known tags long enough, the command line NUL-terminated inside its
 * tag, the list ended by ATAG_NONE (or a size of 0, as Linux).  The last
 * ATAG_CMDLINE / ATAG_INITRD2 / ATAG_SERIAL wins.  Returns 0,
 * DT_ERR_ALIGNMENT, DT_ERR_BADMAGIC (not an ATAG list), DT_ERR_TRUNCATED
 * (a tag or the end is beyond @max_size), DT_ERR_BADVALUE (bad tag size,
 * unterminated command line, initrd range wrapping past 4 GiB).
 */
int atags_parse(const void *list, size_t max_size, struct atag_info *info);

/*
 * Apply @info to @fdt, which must have free space (dt_open_into()):
 * /chosen bootargs = the command line; linux,initrd-start / -end as 32-bit
 * cells (what Linux writes); /serial-number = 16 upper-case hex digits,
 * high word first; the reg of /memory (created with device_type "memory"
 * if absent) = the banks, with the root #address-cells / #size-cells
 * (Linux uses #size-cells for both; they agree on every real board).
 * Returns 0, DT_ERR_BADNCELLS (root cells not 1 or 2), or dt_setprop()'s
 * and dt_add_subnode()'s errors (DT_ERR_NOSPACE...).
 */
int atags_to_dt(const struct atag_info *info, void *fdt);

#endif
