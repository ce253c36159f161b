/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Flattened device tree blobs (Devicetree Specification v0.4, chapter 5):
 * header and block validation, the tag walker everything else uses, error
 * names.  The module follows libfdt's semantics and layout decisions so
 * that the host tests can compare our trees with libfdt's byte for byte.
 */
#include "dt_internal.h"

/* A v16 header has no size_dt_struct: the block may run to totalsize. */
static uint32_t struct_limit(const void *fdt)
{
	if (hd(fdt, H_VERSION) >= 17)
		return hd(fdt, H_SIZE_STRUCT);
	return hd(fdt, H_TOTALSIZE) - hd(fdt, H_OFF_STRUCT);
}

uint32_t dt_next_tag_(const void *fdt, int off, int *next)
{
	const char *s = sblock(fdt);
	uint32_t lim = struct_limit(fdt), o = off, tag, len;

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

int dt_check_node_(const void *fdt, int node)
{
	int next;

	if (dt_next_tag_(fdt, node, &next) != TAG_BEGIN_NODE)
		return DT_ERR_BADOFFSET;
	return next;
}

int dt_str_len_(const void *fdt, uint32_t off)
{
	uint32_t size = hd(fdt, H_SIZE_STRINGS), i;

	for (i = off; i < size; i++)
		if (!strtab(fdt)[i])
			return i - off;
	return DT_ERR_TRUNCATED;
}

/* Entries before the terminator (libfdt: the first one with size 0). */
int dt_rsv_count_(const void *fdt)
{
	uint32_t off = hd(fdt, H_OFF_RSVMAP), end = hd(fdt, H_TOTALSIZE);
	int n = 0;

	for (; off <= end && end - off >= RSV_SIZE; off += RSV_SIZE, n++)
		if (!dt_ld64((const char *)fdt + off + 8))
			return n;
	return DT_ERR_TRUNCATED;
}

uint32_t dt_totalsize(const void *fdt)
{
	return hd(fdt, H_TOTALSIZE);
}

static bool overlap(uint32_t a, uint32_t alen, uint32_t b, uint32_t blen)
{
	return a < b + blen && b < a + alen;
}

int dt_check_struct_(const void *fdt)
{
	int off = 0, next, depth = 0, err;
	bool root_done = false;
	uint32_t tag;

	for (;; off = next) {
		tag = dt_next_tag_(fdt, off, &next);
		if (next < 0)
			return next;
		if (tag == TAG_BEGIN_NODE) {
			/* one root, at offset 0, named "" */
			if (!depth && (root_done || off || sblock(fdt)[4]))
				return DT_ERR_BADSTRUCTURE;
			depth++;
			root_done = true;
		} else if (tag == TAG_END) {
			return depth || !root_done ? DT_ERR_BADSTRUCTURE : next;
		} else if (tag != TAG_NOP) {
			if (!depth)
				return DT_ERR_BADSTRUCTURE;
			if (tag == TAG_END_NODE) {
				depth--;
				continue;
			}
			err = dt_str_len_(fdt, dt_ld32(sblock(fdt) + off + 8));
			if (err < 0)
				return err;
		}
	}
}

int dt_check(const void *fdt, size_t max_size)
{
	uint32_t tot, ver, hsize, rsv, rsvsize, st, stsize, str, strsize;
	int n;

	if ((uintptr_t)fdt & 3)
		return DT_ERR_ALIGNMENT;
	if (max_size < H_SIZE)
		return DT_ERR_TRUNCATED;
	if (hd(fdt, H_MAGIC) != DT_MAGIC)
		return DT_ERR_BADMAGIC;
	ver = hd(fdt, H_VERSION);
	if (ver < 16 || hd(fdt, H_LAST_COMP) > 17 || ver < hd(fdt, H_LAST_COMP))
		return DT_ERR_BADVERSION;
	tot = hd(fdt, H_TOTALSIZE);
	hsize = ver >= 17 ? H_SIZE : H_SIZE_STRUCT;
	if (tot > max_size || tot > INT32_MAX || tot < hsize)
		return DT_ERR_TRUNCATED;

	rsv = hd(fdt, H_OFF_RSVMAP);
	st = hd(fdt, H_OFF_STRUCT);
	stsize = hd(fdt, H_SIZE_STRUCT);
	str = hd(fdt, H_OFF_STRINGS);
	strsize = hd(fdt, H_SIZE_STRINGS);
	if (rsv < hsize || st < hsize || str < hsize || (rsv & 3) || (st & 3))
		return DT_ERR_BADLAYOUT;
	if (st > tot || str > tot || strsize > tot - str)
		return DT_ERR_TRUNCATED;
	if (ver >= 17 && (stsize > tot - st || (stsize & 3)))
		return DT_ERR_TRUNCATED;
	n = dt_rsv_count_(fdt);
	if (n < 0)
		return n;
	rsvsize = (n + 1) * RSV_SIZE;
	/* a v16 structure block's size is known only after a walk */
	n = ver >= 17 ? (int)stsize : dt_check_struct_(fdt);
	if (n < 0)
		return n;
	if (overlap(rsv, rsvsize, st, n) || overlap(rsv, rsvsize, str, strsize) ||
	    overlap(st, n, str, strsize))
		return DT_ERR_BADLAYOUT;
	n = dt_check_struct_(fdt);
	return n < 0 ? n : 0;
}

const char *dt_strerror(int err)
{
	/* one string per code, -err of them to skip: no pointer table */
	const char *s = "ok\0not found\0exists\0no space\0bad offset\0bad path"
			"\0\0\0truncated\0bad magic\0bad version\0bad structure"
			"\0bad layout\0\0bad #cells\0bad value\0\0\0\0misaligned";

	if (err > 0 || err < DT_ERR_ALIGNMENT)
		return "?";
	for (; err; err++)
		s += slen(s) + 1;
	return *s ? s : "?";
}
