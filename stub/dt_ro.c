/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Device tree look-ups: nodes by name and path (aliases too), properties,
 * #address-cells / #size-cells, compatible lists; as libfdt's fdt_ro.c.
 */
#include "dt_internal.h"

/* Inlined in its three tests: a call costs more than the test (-12 B ARM). */
static inline __attribute__((always_inline)) bool name_end(char c)
{
	return !c || c == '/' || c == ':';
}

int dt_node_end_(const void *fdt, int node)
{
	int next;

	if (node < 0)
		return node;
	if (dt_next_tag_(fdt, node, &next) != TAG_BEGIN_NODE)
		return DT_ERR_BADOFFSET;
	return next;
}

bool dt_name_is_(const char *stored, const char *s, bool unit)
{
	int i;

	for (i = 0; !name_end(s[i]); i++)
		if (stored[i] != s[i])
			return false;
	if (!stored[i])
		return true;
	if (!unit || stored[i] != '@')
		return false;
	while (i--)
		if (s[i] == '@')
			return false;
	return true;
}

int dt_find_(const void *fdt, int node, int depth, const char *name)
{
	int off, next = dt_node_end_(fdt, node);
	uint32_t tag;
	const char *n;

	while (next >= 0) {
		off = next;
		tag = dt_next_tag_(fdt, off, &next);
		n = sblock(fdt) + off + 4;
		if (tag == TAG_PROP) {
			if (depth < 0 && name &&
			    dt_name_is_(strtab(fdt) + dt_ld32(n + 4), name, false))
				return off;
		} else if (tag != TAG_NOP) {
			/* properties come before subnodes (spec 5.4.1) */
			if (depth < 0)
				return next < 0 ? next : name ? DT_ERR_NOTFOUND : off;
			if (tag == TAG_BEGIN_NODE && ++depth == 1 &&
			    (!name || dt_name_is_(n, name, true)))
				return off;
			if (tag == TAG_END || (tag == TAG_END_NODE && --depth < 0))
				return next < 0 ? next : DT_ERR_NOTFOUND;
		}
	}
	return next;
}

const void *dt_getprop(const void *fdt, int node, const char *name, int *lenp)
{
	int off = dt_find_(fdt, node, -1, name);
	const char *p;

	if (off < 0) {
		*lenp = off;
		return NULL;
	}
	p = sblock(fdt) + off;
	*lenp = dt_ld32(p + 4);
	return p + 12;
}

int dt_str_in_(const char *p, const char *end)
{
	int i = 0;

	while (p + i < end && p[i])
		i++;
	return i;
}

int dt_path_(const void *fdt, const char *p, struct dt_path *pa)
{
	const char *a;
	int node = 0, len;

	pa->n = 1;
	pa->node[0] = 0;
	if (*p != '/') {
		/* an alias must be an absolute path: no alias loops */
		a = dt_getprop(fdt, dt_find_(fdt, 0, 0, "aliases"), p, &len);
		if (!a || *a != '/')
			return DT_ERR_BADPATH;
		node = dt_path_(fdt, a, pa);
	}
	/* a value without a NUL ends in the next tag's zero bytes */
	for (;;) {
		while (!name_end(*p))
			p++;
		while (*p == '/')
			p++;
		if (node < 0 || name_end(*p))
			return node;
		node = dt_find_(fdt, node, 0, p);
		pa->node[pa->n++ & (DT_MAX_DEPTH - 1)] = node;
	}
}

int dt_path_offset(const void *fdt, const char *path)
{
	struct dt_path pa;

	return dt_path_(fdt, path, &pa);
}

int dt_cells_(const void *fdt, int node, int *sc)
{
	const char *p = dt_getprop(fdt, node, "#size-cells", sc);
	int len;
	uint32_t ac = 2, s = 1;

	if (p)
		s = *sc == 4 ? dt_ld32(p) : 3;
	else if (*sc != DT_ERR_NOTFOUND)
		return *sc;
	p = dt_getprop(fdt, node, "#address-cells", &len);
	if (p)
		ac = len == 4 ? dt_ld32(p) : 0;
	*sc = s;
	/* spec 2.3.5; more than 2 cells is no address the stub can use */
	return ac - 1 > 1 || s > 2 ? DT_ERR_BADNCELLS : (int)ac;
}

int dt_compat_(const void *fdt, int node, const char *s, bool prefix)
{
	const char *p, *end;
	int i, n, len = slen(s);

	p = dt_getprop(fdt, node, "compatible", &n);
	if (!p)
		return n;
	/* a string list (spec 2.2.4.1), as fdt_stringlist_contains() */
	for (end = p + n, i = 0; p < end; p += n + 1, i++) {
		n = dt_str_in_(p, end);
		if (p + n < end && (n == len || (prefix && n > len)) &&
		    !__builtin_memcmp(p, s, len))
			return i;
	}
	return DT_ERR_NOTFOUND;
}
