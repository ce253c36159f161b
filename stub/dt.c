/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Flattened device tree blobs (Devicetree Specification v0.4, chapter 5):
 * header and block validation, the tag walker everything else uses,
 * opening a blob for writing, error names.  The module follows libfdt's
 * semantics and layout decisions so that the host tests can compare our
 * trees with libfdt's byte for byte.
 */
#include "dt_internal.h"

uint32_t dt_next_tag_(const void *fdt, int off, int *next)
{
	const char *s = sblock(fdt);
	uint32_t lim = hd(fdt, H_SIZE_STRUCT), o = off, tag, len;

	*next = DT_ERR_TRUNCATED;
	if (off < 0 || (o & 3) || o + 4 > lim)
		return TAG_END;
	tag = dt_ld32(s + o);
	o += 4;
	if (tag == TAG_BEGIN_NODE) {
		do {
			if (o >= lim)
				return TAG_END;
		} while (s[o++]);
	} else if (tag == TAG_PROP) {
		if (lim - o < 8)
			return TAG_END;
		len = dt_ld32(s + o);
		o += 8;
		if (len > lim - o)
			return TAG_END;
		o += len;
	} else if (tag != TAG_END_NODE && tag != TAG_NOP && tag != TAG_END) {
		*next = DT_ERR_BADSTRUCTURE;
		return TAG_END;
	}
	*next = ALIGN4(o);
	return tag;
}

int dt_check_struct_(const void *fdt)
{
	const char *s = sblock(fdt);
	uint32_t tag, name;
	int off, next, depth = 0;

	for (off = 0;; off = next) {
		tag = dt_next_tag_(fdt, off, &next);
		if (next < 0)
			return next;
		/* one root, first, named ""; FDT_END once it is closed */
		if (off ? !depth && tag != TAG_END : tag != TAG_BEGIN_NODE || s[4])
			return DT_ERR_BADSTRUCTURE;
		if (tag == TAG_END)
			return depth ? DT_ERR_BADSTRUCTURE : 0;
		if (tag == TAG_BEGIN_NODE)
			depth++;
		if (tag == TAG_END_NODE)
			depth--;
		if (tag != TAG_PROP)
			continue;
		/* the name and its NUL inside the strings block */
		name = dt_ld32(s + off + 8);
		do {
			if (name >= hd(fdt, H_SIZE_STRINGS))
				return DT_ERR_TRUNCATED;
		} while (strtab(fdt)[name++]);
	}
}

int dt_cells_write_(void *p, uint64_t v, int n)
{
	while (n--) {
		dt_st32((char *)p + n * 4, v);
		v >>= 32;
	}
	return v ? DT_ERR_BADVALUE : 0;
}

uint32_t dt_totalsize(const void *fdt)
{
	return hd(fdt, H_TOTALSIZE);
}

int dt_check(const void *fdt, size_t max_size)
{
	uint32_t tot, rsv, st, str, stsize;

	if ((uintptr_t)fdt & 3)
		return DT_ERR_ALIGNMENT;
	if (max_size < H_SIZE)
		return DT_ERR_TRUNCATED;
	if (hd(fdt, H_MAGIC) != DT_MAGIC)
		return DT_ERR_BADMAGIC;
	/* 16 has no size_dt_struct; dtc and libfdt write 17 */
	if (hd(fdt, H_VERSION) < 17 || hd(fdt, H_LAST_COMP) > 17)
		return DT_ERR_BADVERSION;
	tot = hd(fdt, H_TOTALSIZE);
	rsv = hd(fdt, H_OFF_RSVMAP);
	st = hd(fdt, H_OFF_STRUCT);
	str = hd(fdt, H_OFF_STRINGS);
	stsize = hd(fdt, H_SIZE_STRUCT);
	if (tot > max_size || tot > INT32_MAX || str > tot ||
	    hd(fdt, H_SIZE_STRINGS) > tot - str)
		return DT_ERR_TRUNCATED;
	if (rsv < H_SIZE || st < rsv || str < st || ((rsv | st | stsize) & 3) ||
	    stsize > str - st)
		return DT_ERR_BADLAYOUT;
	/* the map ends with an entry of size 0 before the structure block */
	for (; rsv + RSV_SIZE <= st; rsv += RSV_SIZE)
		if (!dt_ld64((const char *)fdt + rsv + 8))
			return dt_check_struct_(fdt);
	return DT_ERR_BADLAYOUT;
}

uint32_t dt_used_size(const void *fdt)
{
	return hd(fdt, H_OFF_STRINGS) + hd(fdt, H_SIZE_STRINGS);
}

int dt_open_into(const void *fdt, void *buf, int bufsize)
{
	uint32_t used = dt_used_size(fdt);

	if ((uintptr_t)buf & 3)
		return DT_ERR_ALIGNMENT;
	if (bufsize < (int)used)
		return DT_ERR_NOSPACE;
	/* blocks in order (dt_check()): free space is after the strings */
	__builtin_memmove(buf, fdt, used);
	hd_set(buf, H_VERSION, 17);
	hd_set(buf, H_TOTALSIZE, bufsize);
	return 0;
}

uint32_t dt_pack(void *fdt)
{
	uint32_t n = dt_used_size(fdt);

	hd_set(fdt, H_TOTALSIZE, n);
	return n;
}

const char *dt_strerror(int err)
{
	const char *s = "?\0no space\0bad #cells\0bad value";

	return s + (err == DT_ERR_NOSPACE ? 2 : err == DT_ERR_BADNCELLS ? 11 :
		    err == DT_ERR_BADVALUE ? 22 : 0);
}
