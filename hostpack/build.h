/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Blob assembly: sections in, a checked blob out (docs/blob-format.md).
 */
#ifndef HOSTPACK_BUILD_H
#define HOSTPACK_BUILD_H
#include "blob.h"
#include "hostpack.h"
#include "stubimg.h"

struct build_section {
	uint16_t type;		/* CB_SEC_* */
	uint8_t comp;		/* CB_COMP_* */
	struct hp_buf stored;	/* the encoded bytes */
	uint32_t size;		/* decoded size */
	uint32_t mem_size;
	uint32_t load_offset;
};

struct build {
	const struct stub_image *stub;
	uint32_t flags;		/* CB_HF_* */
	struct build_section sec[CB_MAX_SECTIONS];
	unsigned int n;
};

/*
 * Append a section of type @type holding @len bytes at @data, encoded with
 * @comp; @mem_size 0 means @len.  Sections go into the table in the order
 * they are added.  Returns 0 or HP_EINPUT (too many sections, too large,
 * the codec refused the input), with @name in the message.
 */
int build_add(struct build *b, const char *name, uint16_t type, uint8_t comp,
	      const uint8_t *data, size_t len, uint32_t mem_size,
	      uint32_t load_offset);

/*
 * Lay out the blob: stub image, its bss and padding, header and section
 * table at cb_header_offset(), sections at CB_SECT_ALIGN offsets; fill the
 * front, then the stub CRC, the section CRCs and the header CRC, in that
 * order; then run verify_blob() on the result.  Returns 0 with the blob in
 * @out, or HP_EINPUT (too large) / HP_EVERIFY (a hostpack bug).
 */
int build_blob(const struct build *b, struct hp_buf *out);

void build_free(struct build *b);

#endif
