/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ARM zImage reader: the header (Linux arch/arm/boot/compressed/head.S and
 * vmlinux.lds.S), its tag table with the KLSZ tag, and the compressed
 * kernel payload inside.
 */
#ifndef HOSTPACK_ZIMAGE_H
#define HOSTPACK_ZIMAGE_H
#include "hostpack.h"

#define ZIMAGE_MAX_INFLATED	(256u * HP_MiB)

struct zimage_info {
	uint32_t end;		/* bytes of zImage proper (end - start) */
	bool has_klsz;
	uint32_t size_off;	/* KLSZ: file offset of the LE32 inflated size */
	uint32_t inflated;	/* KLSZ: bytes of Image */
	uint32_t bss;		/* KLSZ: the kernel's BSS size */
	uint32_t text_offset;	/* KLSZ: TEXT_OFFSET */
	uint32_t malloc_size;	/* KLSZ: the decompressor's heap */
	int codec;		/* DECOMP_* of the payload, once found */
	uint32_t payload_off;	/* where that stream starts */
};

/* true if @p looks like a zImage (magic 0x016F2818 at 0x24). */
bool zimage_detect(const uint8_t *p, size_t len);

/*
 * Read the header and the KLSZ tag of the zImage @p (@len bytes of file
 * called @name).  Returns 0 or HP_EINPUT (truncated, big-endian, malformed
 * tag table or KLSZ values), having printed why.
 */
int zimage_parse(const char *name, const uint8_t *p, size_t len,
		 struct zimage_info *zi);

/*
 * Find the compressed payload and decode it into @image.  With a KLSZ tag
 * the stream must decode to exactly zi->inflated bytes and end at the size
 * word; without one the stream must be followed by its LE32 decoded size
 * (gzip: carry it in its trailer).  Every candidate magic position after
 * the header is tried in order, so a magic constant inside the decompressor
 * code is skipped.  Sets zi->codec, zi->payload_off and (no KLSZ)
 * zi->inflated.  Returns 0 or HP_EINPUT.
 */
int zimage_inflate(const char *name, const uint8_t *p,
		   struct zimage_info *zi, struct hp_buf *image);

#endif
