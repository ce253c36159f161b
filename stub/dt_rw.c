/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Device tree writers on a tree from dt_open_into() (version 17, blocks in
 * libfdt's order, free space at the end): properties set or removed and
 * nodes added in place, as libfdt's fdt_rw.c, whose choices (where a new
 * property or node goes, which strings are reused) we keep.
 */
#include "dt_internal.h"

static uint32_t data_end(const void *fdt)
{
	return hd(fdt, H_OFF_STRINGS) + hd(fdt, H_SIZE_STRINGS);
}

static int room(const void *fdt)
{
	return hd(fdt, H_TOTALSIZE) - data_end(fdt);
}

/* Replace @oldlen bytes at structure offset @off by @newlen bytes, for
 * which the caller made sure there is room. */
static void splice(void *fdt, int off, int oldlen, int newlen)
{
	char *p = sblock(fdt) + off, *end = (char *)fdt + data_end(fdt);
	int d = newlen - oldlen;

	__builtin_memmove(p + newlen, p + oldlen, end - p - oldlen);
	hd_set(fdt, H_SIZE_STRUCT, hd(fdt, H_SIZE_STRUCT) + d);
	hd_set(fdt, H_OFF_STRINGS, hd(fdt, H_OFF_STRINGS) + d);
}

/* First place the @n bytes at @s occur, as libfdt (tails of names count) */
static int find_string(const void *fdt, const char *s, int n)
{
	int i, size = hd(fdt, H_SIZE_STRINGS);

	for (i = 0; i + n <= size; i++)
		if (!__builtin_memcmp(strtab(fdt) + i, s, n))
			return i;
	return -1;
}

int dt_setprop_(void *fdt, int node, const char *name, const void *val, int len)
{
	int n = slen(name) + 1, off = dt_find_(fdt, node, -1, name);
	int old = 0, add = 0, size = val ? 12 + ALIGN4(len) : 0, str;
	char *p;

	if (off >= 0) {
		p = sblock(fdt) + off;
		old = 12 + ALIGN4(dt_ld32(p + 4));
		str = dt_ld32(p + 8);
	} else if (off == DT_ERR_NOTFOUND && val) {
		/* first in its node, as libfdt; its name maybe added */
		off = dt_node_end_(fdt, node);
		str = find_string(fdt, name, n);
		if (str < 0) {
			str = hd(fdt, H_SIZE_STRINGS);
			add = n;
		}
	} else {
		return off;
	}
	if (add + size - old > room(fdt))
		return DT_ERR_NOSPACE;
	__builtin_memcpy((char *)strtab(fdt) + str, name, add);
	hd_set(fdt, H_SIZE_STRINGS, hd(fdt, H_SIZE_STRINGS) + add);
	splice(fdt, off, old, size);
	if (!val)
		return 0;
	p = sblock(fdt) + off;
	dt_st32(p, TAG_PROP);
	dt_st32(p + 4, len);
	dt_st32(p + 8, str);
	if (len & 3)
		dt_st32(p + size - 4, 0);
	__builtin_memcpy(p + 12, val, len);
	return 0;
}

int dt_node_add_(void *fdt, int parent, const char *name)
{
	int n = dt_name_len_(name), off = dt_find_(fdt, parent, -1, NULL);
	int size = 8 + ALIGN4(n + 1);
	char *p;

	/* after the parent's properties, as libfdt */
	if (off < 0 || size > room(fdt))
		return off < 0 ? off : DT_ERR_NOSPACE;
	splice(fdt, off, 0, size);
	p = sblock(fdt) + off;
	__builtin_memset(p, 0, size);
	dt_st32(p, TAG_BEGIN_NODE);
	__builtin_memcpy(p + 4, name, n);
	dt_st32(p + size - 4, TAG_END_NODE);
	return off;
}

int dt_child_add_(void *fdt, int parent, const char *name)
{
	int off = dt_find_(fdt, parent, 0, name);

	return off == DT_ERR_NOTFOUND ? dt_node_add_(fdt, parent, name) : off;
}

int dt_node_del_(void *fdt, int node)
{
	int off = node, next = dt_node_end_(fdt, node), depth = 0;
	uint32_t tag;

	if (next < 0)
		return next;
	do {
		tag = dt_next_tag_(fdt, off, &next);
		if (next < 0)
			return next;
		depth += (tag == TAG_BEGIN_NODE) - (tag == TAG_END_NODE);
		off = next;
	} while (depth > 0);
	splice(fdt, node, off - node, 0);
	return 0;
}

int dt_rsv_add_(void *fdt, const void *entry)
{
	char *e = (char *)fdt + hd(fdt, H_OFF_RSVMAP);
	char *end = (char *)fdt + data_end(fdt);

	for (; dt_ld64(e + 8); e += RSV_SIZE)
		if (!__builtin_memcmp(e, entry, RSV_SIZE))
			return 0;
	if (room(fdt) < RSV_SIZE)
		return DT_ERR_NOSPACE;
	__builtin_memmove(e + RSV_SIZE, e, end - e);
	__builtin_memcpy(e, entry, RSV_SIZE);
	hd_set(fdt, H_OFF_STRUCT, hd(fdt, H_OFF_STRUCT) + RSV_SIZE);
	hd_set(fdt, H_OFF_STRINGS, hd(fdt, H_OFF_STRINGS) + RSV_SIZE);
	return 0;
}
