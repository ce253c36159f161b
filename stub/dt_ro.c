/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Device tree look-ups: nodes by name and path (aliases too), properties,
 * #address-cells / #size-cells, compatible lists; as libfdt's fdt_ro.c.
 */
#include "dt_internal.h"

bool dt_name_eq_(const void *fdt, int node, const char *s, int len)
{
	const char *p = sblock(fdt) + node + 4;
	int i;

	/* the name ends inside the block (the walker saw its NUL), so p[len]
	 * is readable once p[0..len) matched */
	for (i = 0; i < len; i++)
		if (!p[i] || p[i] != s[i])
			return false;
	if (p[len] == '@')
		for (i = 0; i < len; i++)
			if (s[i] == '@')
				return false;
	return !p[len] || p[len] == '@';
}

/* Next node in document order, counting *depth; DT_ERR_NOTFOUND when
 * *depth would drop below 0 or at FDT_END. */
static int next_node(const void *fdt, int node, int *depth)
{
	int off, next = dt_check_node_(fdt, node);
	uint32_t tag;

	while (next >= 0) {
		off = next;
		tag = dt_next_tag_(fdt, off, &next);
		if (tag == TAG_BEGIN_NODE) {
			++*depth;
			return off;
		}
		if (tag == TAG_END || (tag == TAG_END_NODE && --*depth < 0))
			return next < 0 ? next : DT_ERR_NOTFOUND;
	}
	return next;
}

int dt_first_subnode(const void *fdt, int parent)
{
	int depth = 0;

	return next_node(fdt, parent, &depth);
}

int dt_next_subnode(const void *fdt, int node)
{
	int depth = 1;

	do
		node = next_node(fdt, node, &depth);
	while (node >= 0 && depth > 1);
	return node;
}

int dt_subnode_(const void *fdt, int parent, const char *name, int len)
{
	int node;

	for (node = dt_first_subnode(fdt, parent); node >= 0;
	     node = dt_next_subnode(fdt, node))
		if (dt_name_eq_(fdt, node, name, len))
			break;
	return node;
}

int dt_subnode_offset(const void *fdt, int parent, const char *name)
{
	return dt_subnode_(fdt, parent, name, slen(name));
}

int dt_find_prop_(const void *fdt, int node, const char *name, int len)
{
	int off, next = dt_check_node_(fdt, node);
	uint32_t tag, nameoff;

	while (next >= 0) {
		off = next;
		tag = dt_next_tag_(fdt, off, &next);
		/* properties come before subnodes (spec 5.4.1) */
		if (tag == TAG_PROP) {
			nameoff = dt_ld32(sblock(fdt) + off + 8);
			if (dt_str_len_(fdt, nameoff) == len &&
			    !__builtin_memcmp(strtab(fdt) + nameoff, name, len))
				return off;
		} else if (tag != TAG_NOP) {
			return next < 0 ? next : DT_ERR_NOTFOUND;
		}
	}
	return next;
}

static const void *getprop(const void *fdt, int node, const char *name,
			   int namelen, int *lenp)
{
	int off = dt_find_prop_(fdt, node, name, namelen);
	const char *p;

	if (off < 0) {
		if (lenp)
			*lenp = off;
		return NULL;
	}
	p = sblock(fdt) + off;
	if (lenp)
		*lenp = dt_ld32(p + 4);
	return p + 12;
}

const void *dt_getprop(const void *fdt, int node, const char *name, int *lenp)
{
	return getprop(fdt, node, name, slen(name), lenp);
}

int dt_str_in_(const char *p, const char *end)
{
	int i = 0;

	while (p + i < end && p[i])
		i++;
	return i;
}

/* Bytes of the path component at @p, before '/' or @end. */
static int comp_len(const char *p, const char *end)
{
	int n = 0;

	while (p + n < end && p[n] != '/')
		n++;
	return n;
}

int dt_path_offset_(const void *fdt, const char *p, int len)
{
	const char *end = p + len, *alias;
	int node = 0, n;

	if (!len || *p != '/') {
		n = comp_len(p, end);
		node = dt_path_offset(fdt, "/aliases");
		alias = node < 0 ? NULL : getprop(fdt, node, p, n, &len);
		/* an alias is an absolute path: no alias loops */
		if (!alias || len < 2 || alias[0] != '/' || alias[len - 1])
			return DT_ERR_BADPATH;
		node = dt_path_offset_(fdt, alias, slen(alias));
		p += n;
	}
	while (node >= 0 && p < end) {
		if (*p == '/') {
			p++;
			continue;
		}
		n = comp_len(p, end);
		node = dt_subnode_(fdt, node, p, n);
		p += n;
	}
	return node;
}

int dt_path_offset(const void *fdt, const char *path)
{
	return dt_path_offset_(fdt, path, slen(path));
}

/* Spec 2.3.5; libfdt refuses more than 4 cells (FDT_MAX_NCELLS) */
static int cells(const void *fdt, int node, const char *name)
{
	const void *p;
	int len;

	p = dt_getprop(fdt, node, name, &len);
	if (!p)
		return len;
	if (len != 4 || dt_ld32(p) > 4)
		return DT_ERR_BADNCELLS;
	return dt_ld32(p);
}

int dt_address_cells(const void *fdt, int node)
{
	int n = cells(fdt, node, "#address-cells");

	if (!n)
		return DT_ERR_BADNCELLS;
	return n == DT_ERR_NOTFOUND ? 2 : n;
}

int dt_size_cells(const void *fdt, int node)
{
	int n = cells(fdt, node, "#size-cells");

	return n == DT_ERR_NOTFOUND ? 1 : n;
}

int dt_compat_(const void *fdt, int node, const char *s, int len, bool prefix)
{
	const char *p, *end;
	int n;

	p = dt_getprop(fdt, node, "compatible", &n);
	if (!p)
		return n;
	/* a string list (spec 2.2.4.1); an unterminated last string never
	 * matches, as in fdt_stringlist_contains() */
	for (end = p + n; p < end; p += n + 1) {
		n = dt_str_in_(p, end);
		if (p + n < end && (n == len || (prefix && n > len)) &&
		    !__builtin_memcmp(p, s, len))
			return 0;
	}
	return 1;
}

int dt_node_check_compatible(const void *fdt, int node, const char *s)
{
	return dt_compat_(fdt, node, s, slen(s), false);
}

int dt_prop_is_(const void *fdt, int node, const char *name, const char *s)
{
	int len, n = slen(s) + 1;
	const char *p = dt_getprop(fdt, node, name, &len);

	if (!p)
		return len;
	return len >= n && !__builtin_memcmp(p, s, n);
}
