/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Device tree writers: properties and nodes added, resized or removed in
 * place, blocks reordered and packed; as libfdt's fdt_rw.c, whose choices
 * (where a new property or node goes, which strings are reused) we keep.
 */
#include "dt_internal.h"

static uint32_t data_size(const void *fdt)
{
	return hd(fdt, H_OFF_STRINGS) + hd(fdt, H_SIZE_STRINGS);
}

/* Not header, map, structure, strings in this order, all inside totalsize */
static bool misordered(const void *fdt, uint32_t rsvsize, uint32_t stsize)
{
	return hd(fdt, H_OFF_RSVMAP) < H_SIZE ||
	       hd(fdt, H_OFF_STRUCT) < hd(fdt, H_OFF_RSVMAP) + rsvsize ||
	       hd(fdt, H_OFF_STRINGS) < hd(fdt, H_OFF_STRUCT) + stsize ||
	       hd(fdt, H_TOTALSIZE) < data_size(fdt);
}

static int rw_check(void *fdt)
{
	if (hd(fdt, H_VERSION) < 17)
		return DT_ERR_BADVERSION;
	if (misordered(fdt, RSV_SIZE, hd(fdt, H_SIZE_STRUCT)))
		return DT_ERR_BADLAYOUT;
	if (hd(fdt, H_VERSION) > 17)
		hd_set(fdt, H_VERSION, 17);
	return 0;
}

/* Replace @oldlen bytes at structure offset @off by @newlen bytes. */
static int splice_struct(void *fdt, int off, uint32_t oldlen, uint32_t newlen)
{
	char *p = sblock(fdt) + off, *end = (char *)fdt + data_size(fdt);

	if (newlen > hd(fdt, H_TOTALSIZE) - (data_size(fdt) - oldlen))
		return DT_ERR_NOSPACE;
	__builtin_memmove(p + newlen, p + oldlen, end - p - oldlen);
	hd_set(fdt, H_SIZE_STRUCT, hd(fdt, H_SIZE_STRUCT) + newlen - oldlen);
	hd_set(fdt, H_OFF_STRINGS, hd(fdt, H_OFF_STRINGS) + newlen - oldlen);
	return 0;
}

/* First place @s occurs, NUL included, as libfdt (tails of names count). */
static int find_string(const void *fdt, const char *s, int len)
{
	const char *t = strtab(fdt);
	uint32_t size = hd(fdt, H_SIZE_STRINGS), i;

	for (i = 0; i + len < size; i++)
		if (t[i] == s[0] && !__builtin_memcmp(t + i, s, len + 1))
			return i;
	return DT_ERR_NOTFOUND;
}

int dt_setprop(void *fdt, int node, const char *name, const void *val, int len)
{
	int nlen = slen(name), off, str, err;
	char *p;

	err = rw_check(fdt);
	if (err)
		return err;
	if (len < 0)
		return DT_ERR_BADVALUE;
	off = dt_find_prop_(fdt, node, name, nlen);
	if (off == DT_ERR_NOTFOUND) {
		/* an empty property first in its node (libfdt's place), whose
		 * value grows below; all the room is checked first */
		off = dt_check_node_(fdt, node);
		str = find_string(fdt, name, nlen);
		if (12 + ALIGN4(len) + (str < 0 ? nlen + 1 : 0) >
		    hd(fdt, H_TOTALSIZE) - data_size(fdt))
			return DT_ERR_NOSPACE;
		if (str < 0) {
			str = hd(fdt, H_SIZE_STRINGS);
			__builtin_memcpy((char *)strtab(fdt) + str, name, nlen + 1);
			hd_set(fdt, H_SIZE_STRINGS, str + nlen + 1);
		}
		splice_struct(fdt, off, 0, 12);
		p = sblock(fdt) + off;
		dt_st32(p, TAG_PROP);
		dt_st32(p + 4, 0);
		dt_st32(p + 8, str);
	}
	if (off < 0)
		return off;
	p = sblock(fdt) + off;
	err = splice_struct(fdt, off + 12, ALIGN4(dt_ld32(p + 4)), ALIGN4(len));
	if (err)
		return err;
	dt_st32(p + 4, len);
	if (len & 3)
		dt_st32(p + 12 + (len & ~3), 0);
	if (len)
		__builtin_memcpy(p + 12, val, len);
	return 0;
}

int dt_setprop_u32(void *fdt, int node, const char *name, uint32_t val)
{
	uint32_t v;

	dt_st32(&v, val);
	return dt_setprop(fdt, node, name, &v, 4);
}

int dt_setprop_u64(void *fdt, int node, const char *name, uint64_t val)
{
	uint32_t v[2];

	dt_st32(&v[0], val >> 32);
	dt_st32(&v[1], val);
	return dt_setprop(fdt, node, name, v, 8);
}

int dt_setprop_string(void *fdt, int node, const char *name, const char *str)
{
	return dt_setprop(fdt, node, name, str, slen(str) + 1);
}

int dt_delprop(void *fdt, int node, const char *name)
{
	int off, err = rw_check(fdt);

	if (err)
		return err;
	off = dt_find_prop_(fdt, node, name, slen(name));
	if (off < 0)
		return off;
	return splice_struct(fdt, off,
			     12 + ALIGN4(dt_ld32(sblock(fdt) + off + 4)), 0);
}

int dt_add_subnode(void *fdt, int parent, const char *name)
{
	int nlen = slen(name), off, next, size, err;
	uint32_t tag;
	char *p;

	err = rw_check(fdt);
	if (err)
		return err;
	off = dt_subnode_(fdt, parent, name, nlen);
	if (off >= 0)
		return DT_ERR_EXISTS;
	if (off != DT_ERR_NOTFOUND)
		return off;
	/* after the parent's properties, as libfdt */
	next = dt_check_node_(fdt, parent);
	do {
		off = next;
		tag = dt_next_tag_(fdt, off, &next);
	} while (tag == TAG_PROP || tag == TAG_NOP);
	if (next < 0)
		return next;
	size = 8 + ALIGN4(nlen + 1);
	err = splice_struct(fdt, off, 0, size);
	if (err)
		return err;
	p = sblock(fdt) + off;
	__builtin_memset(p, 0, size);
	dt_st32(p, TAG_BEGIN_NODE);
	__builtin_memcpy(p + 4, name, nlen);
	dt_st32(p + size - 4, TAG_END_NODE);
	return off;
}

/* Header, map, structure, strings, back to back from @new (libfdt order). */
static void pack_blocks(const void *old, char *new, uint32_t rsvsize,
			uint32_t stsize)
{
	uint32_t st = H_SIZE + rsvsize, str = st + stsize;
	uint32_t strsize = hd(old, H_SIZE_STRINGS);

	__builtin_memmove(new + H_SIZE, (const char *)old + hd(old, H_OFF_RSVMAP),
			  rsvsize);
	hd_set(new, H_OFF_RSVMAP, H_SIZE);
	__builtin_memmove(new + st, (const char *)old + hd(old, H_OFF_STRUCT),
			  stsize);
	hd_set(new, H_OFF_STRUCT, st);
	hd_set(new, H_SIZE_STRUCT, stsize);
	__builtin_memmove(new + str, strtab(old), strsize);
	hd_set(new, H_OFF_STRINGS, str);
	hd_set(new, H_SIZE_STRINGS, strsize);
}

int dt_open_into(const void *fdt, void *buf, int bufsize)
{
	uint32_t tot = hd(fdt, H_TOTALSIZE), cpuid = hd(fdt, H_BOOT_CPUID);
	uint32_t rsvsize, stsize, newsize;
	uintptr_t old = (uintptr_t)fdt, tmp = (uintptr_t)buf;
	int n;

	if (tmp & 3)
		return DT_ERR_ALIGNMENT;
	n = dt_rsv_count_(fdt);
	if (n < 0)
		return n;
	rsvsize = (n + 1) * RSV_SIZE;
	n = hd(fdt, H_VERSION) >= 17 ? (int)hd(fdt, H_SIZE_STRUCT) :
				      dt_check_struct_(fdt);
	if (n < 0)
		return n;
	stsize = n;
	if (!misordered(fdt, rsvsize, stsize)) {
		if (bufsize < 0 || tot > (uint32_t)bufsize)
			return DT_ERR_NOSPACE;
		__builtin_memmove(buf, fdt, tot);
		hd_set(buf, H_VERSION, 17);
		hd_set(buf, H_SIZE_STRUCT, stsize);
		hd_set(buf, H_TOTALSIZE, bufsize);
		return 0;
	}
	newsize = H_SIZE + rsvsize + stsize + hd(fdt, H_SIZE_STRINGS);
	if (bufsize < 0 || newsize > (uint32_t)bufsize)
		return DT_ERR_NOSPACE;
	/* build the new tree where it cannot overwrite the old one */
	if (tmp + newsize > old && tmp < old + tot) {
		tmp = old + ALIGN4(tot);
		if (tmp + newsize > (uintptr_t)buf + bufsize)
			return DT_ERR_NOSPACE;
	}
	pack_blocks(fdt, (char *)tmp, rsvsize, stsize);
	__builtin_memmove(buf, (char *)tmp, newsize);
	hd_set(buf, H_MAGIC, DT_MAGIC);
	hd_set(buf, H_TOTALSIZE, bufsize);
	hd_set(buf, H_VERSION, 17);
	hd_set(buf, H_LAST_COMP, 16);
	hd_set(buf, H_BOOT_CPUID, cpuid);
	return 0;
}

int dt_pack(void *fdt)
{
	int n = rw_check(fdt);

	if (!n)
		n = dt_rsv_count_(fdt);
	if (n < 0)
		return n;
	pack_blocks(fdt, fdt, (n + 1) * RSV_SIZE, hd(fdt, H_SIZE_STRUCT));
	hd_set(fdt, H_TOTALSIZE, data_size(fdt));
	return 0;
}
