/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * lzop container (lzop's own file format, as Linux lib/decompress_unlzo.c
 * reads it): a header, then blocks {dst_len, src_len, checksums, data}
 * ending with dst_len 0.  Blocks are LZO1X, decoded by liblzo2.
 */
#include <string.h>
#include <lzo/lzo1x.h>
#include "decomp.h"
#include "decomp_lzo.h"

#define F_ADLER32_D	0x001u
#define F_ADLER32_C	0x002u
#define F_H_EXTRA_FIELD	0x040u
#define F_CRC32_D	0x100u
#define F_CRC32_C	0x200u
#define F_H_FILTER	0x800u
#define F_H_CRC32	0x1000u
#define LZOP_MAX_BLOCK	(64u * HP_MiB)
#define LZOP_NEW_FIELDS	0x0940	/* header versions from here have more fields */

struct cursor {
	const uint8_t *p;
	size_t len;
	size_t pos;
};

static const uint8_t *take(struct cursor *c, size_t n)
{
	const uint8_t *at = c->p + c->pos;

	if (c->len - c->pos < n)
		return NULL;
	c->pos += n;
	return at;
}

static bool get_be(struct cursor *c, size_t n, uint32_t *v)
{
	const uint8_t *at = take(c, n);
	size_t i;

	if (!at)
		return false;
	for (*v = 0, i = 0; i < n; i++)
		*v = *v << 8 | at[i];
	return true;
}

static uint32_t checksum(bool crc, const uint8_t *p, size_t n)
{
	return crc ? lzo_crc32(0, p, n) : lzo_adler32(1, p, n);
}

/* Skip the header; returns the flags, or -1 if malformed. */
static long parse_header(struct cursor *c)
{
	uint32_t version, method, flags, skip, name_len, sum;
	size_t start = c->pos = 9;

	if (!get_be(c, 2, &version) || !take(c, 2))
		return -1;
	if (version >= LZOP_NEW_FIELDS && !take(c, 2))
		return -1;
	if (!get_be(c, 1, &method) || method < 1 || method > 3)
		return -1;	/* 1..3 are the LZO1X methods */
	if (version >= LZOP_NEW_FIELDS && !take(c, 1))
		return -1;
	if (!get_be(c, 4, &flags) || (flags & F_H_FILTER))
		return -1;
	skip = version >= LZOP_NEW_FIELDS ? 12 : 8;	/* mode, mtime(s) */
	if (!take(c, skip) || !get_be(c, 1, &name_len) || !take(c, name_len))
		return -1;
	sum = checksum(flags & F_H_CRC32, c->p + start, c->pos - start);
	if (!get_be(c, 4, &skip) || skip != sum)
		return -1;
	if (flags & F_H_EXTRA_FIELD) {
		if (!get_be(c, 4, &skip) || !take(c, skip) || !take(c, 4))
			return -1;
	}
	return (long)flags;
}

static int decode_block(const uint8_t *src, uint32_t src_len, uint8_t *dst,
			uint32_t dst_len)
{
	lzo_uint n = dst_len;

	if (src_len == dst_len) {	/* stored block */
		memcpy(dst, src, dst_len);
		return 0;
	}
	if (lzo1x_decompress_safe(src, src_len, dst, &n, NULL) != LZO_E_OK ||
	    n != dst_len)
		return DECOMP_EDATA;
	return 0;
}

static int one_block(struct cursor *c, uint32_t flags, uint8_t *dst,
		     size_t room, uint32_t dst_len)
{
	uint32_t src_len, d_sum = 0, skip;
	const uint8_t *data;

	if (!get_be(c, 4, &src_len) || src_len == 0 || src_len > dst_len)
		return DECOMP_EDATA;
	if ((flags & (F_ADLER32_D | F_CRC32_D)) && !get_be(c, 4, &d_sum))
		return DECOMP_EDATA;
	if (src_len < dst_len && (flags & (F_ADLER32_C | F_CRC32_C)) &&
	    !get_be(c, 4, &skip))
		return DECOMP_EDATA;
	data = take(c, src_len);
	if (!data)
		return DECOMP_EDATA;
	if (dst_len > room)
		return DECOMP_EFULL;
	if (decode_block(data, src_len, dst, dst_len))
		return DECOMP_EDATA;
	if ((flags & (F_ADLER32_D | F_CRC32_D)) &&
	    checksum(flags & F_CRC32_D, dst, dst_len) != d_sum)
		return DECOMP_EDATA;
	return 0;
}

int decomp_lzo(const uint8_t *src, size_t src_len, uint8_t *dst, size_t cap,
	       size_t *out, size_t *used)
{
	struct cursor c = { src, src_len, 0 };
	uint32_t dst_len = 1;
	long flags;
	int err;

	if (lzo_init() != LZO_E_OK)
		return DECOMP_EDATA;
	flags = parse_header(&c);
	if (flags < 0)
		return DECOMP_EDATA;
	*out = 0;
	while (get_be(&c, 4, &dst_len) && dst_len != 0) {
		if (dst_len > LZOP_MAX_BLOCK)
			return DECOMP_EDATA;
		err = one_block(&c, (uint32_t)flags, dst + *out, cap - *out, dst_len);
		if (err)
			return err;
		*out += dst_len;
	}
	*used = c.pos;
	return dst_len == 0 && *out > 0 ? 0 : DECOMP_EDATA;
}
