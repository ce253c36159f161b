/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Flattened device tree reader and editor (Devicetree Specification v0.4,
 * chapter 5), with libfdt's semantics and layout decisions so that the
 * host tests can compare our trees with libfdt's byte for byte.
 */
#include "dt.h"
#include "blob.h"

#define TAG_BEGIN_NODE	1
#define TAG_END_NODE	2
#define TAG_PROP	3
#define TAG_NOP		4
#define TAG_END		9

/* Header fields (spec 5.2) */
#define H_MAGIC		0
#define H_TOTALSIZE	4
#define H_OFF_STRUCT	8
#define H_OFF_STRINGS	12
#define H_OFF_RSVMAP	16
#define H_VERSION	20
#define H_LAST_COMP	24
#define H_BOOT_CPUID	28
#define H_SIZE_STRINGS	32
#define H_SIZE_STRUCT	36
#define H_SIZE		40	/* v17; v16 stops before size_dt_struct */
#define RSV_SIZE	16	/* one reservation entry: u64 address, u64 size */
#define DT_MAX_DEPTH	16	/* ancestors kept for address translation */

#define ALIGN4(x)	(((x) + 3) & ~3u)

static uint32_t hd(const void *fdt, int field)
{
	return dt_ld32((const char *)fdt + field);
}

static void hd_set(void *fdt, int field, uint32_t v)
{
	dt_st32((char *)fdt + field, v);
}

static char *sblock(const void *fdt)
{
	return (char *)fdt + hd(fdt, H_OFF_STRUCT);
}

static const char *strtab(const void *fdt)
{
	return (const char *)fdt + hd(fdt, H_OFF_STRINGS);
}

static int slen(const char *s)
{
	int n = 0;

	while (s[n])
		n++;
	return n;
}

/* A v16 header has no size_dt_struct: the block may run to totalsize. */
static uint32_t struct_limit(const void *fdt)
{
	if (hd(fdt, H_VERSION) >= 17)
		return hd(fdt, H_SIZE_STRUCT);
	return hd(fdt, H_TOTALSIZE) - hd(fdt, H_OFF_STRUCT);
}

/*
 * Tag at structure offset @off; *next gets the offset of the following tag,
 * or an error (then TAG_END is returned).  Everything read stays inside the
 * structure block.
 */
static uint32_t next_tag(const void *fdt, int off, int *next)
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

/* Offset just after a node's name, or DT_ERR_BADOFFSET. */
static int check_node(const void *fdt, int node)
{
	int next;

	if (next_tag(fdt, node, &next) != TAG_BEGIN_NODE)
		return DT_ERR_BADOFFSET;
	return next;
}


/* Length of the string at @off of the strings block, its NUL inside it. */
static int str_len(const void *fdt, uint32_t off)
{
	uint32_t size = hd(fdt, H_SIZE_STRINGS), i;

	for (i = off; i < size; i++)
		if (!strtab(fdt)[i])
			return i - off;
	return DT_ERR_TRUNCATED;
}

/* Entries before the terminator (libfdt: the first one with size 0). */
static int rsv_count(const void *fdt)
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

/* One walk of the structure block; returns the bytes it uses. */
static int check_struct(const void *fdt)
{
	int off = 0, next, depth = 0, err;
	bool root_done = false;
	uint32_t tag;

	for (;; off = next) {
		tag = next_tag(fdt, off, &next);
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
			err = str_len(fdt, dt_ld32(sblock(fdt) + off + 8));
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
	n = rsv_count(fdt);
	if (n < 0)
		return n;
	rsvsize = (n + 1) * RSV_SIZE;
	/* a v16 structure block's size is known only after a walk */
	n = ver >= 17 ? (int)stsize : check_struct(fdt);
	if (n < 0)
		return n;
	if (overlap(rsv, rsvsize, st, n) || overlap(rsv, rsvsize, str, strsize) ||
	    overlap(st, n, str, strsize))
		return DT_ERR_BADLAYOUT;
	n = check_struct(fdt);
	return n < 0 ? n : 0;
}

/* ---- Reading ---- */

/* libfdt's rule: "name" matches "name" and, if it has no '@', "name@unit". */
static bool name_eq(const void *fdt, int node, const char *s, int len)
{
	const char *p = sblock(fdt) + node + 4;
	int i;

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
	int off, next = check_node(fdt, node);
	uint32_t tag;

	while (next >= 0) {
		off = next;
		tag = next_tag(fdt, off, &next);
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

static int subnode(const void *fdt, int parent, const char *name, int len)
{
	int node;

	for (node = dt_first_subnode(fdt, parent); node >= 0;
	     node = dt_next_subnode(fdt, node))
		if (name_eq(fdt, node, name, len))
			break;
	return node;
}

int dt_subnode_offset(const void *fdt, int parent, const char *name)
{
	return subnode(fdt, parent, name, slen(name));
}

/* Structure offset of property @name (@len bytes) of @node. */
static int find_prop(const void *fdt, int node, const char *name, int len)
{
	int off, next = check_node(fdt, node);
	uint32_t tag, nameoff;

	while (next >= 0) {
		off = next;
		tag = next_tag(fdt, off, &next);
		if (tag == TAG_PROP) {
			nameoff = dt_ld32(sblock(fdt) + off + 8);
			if (str_len(fdt, nameoff) == len &&
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
	int off = find_prop(fdt, node, name, namelen);
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

/* Bytes of the string at @p before its NUL or @end. */
static int str_in(const char *p, const char *end)
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

static int path_offset(const void *fdt, const char *p, int len)
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
		node = path_offset(fdt, alias, slen(alias));
		p += n;
	}
	while (node >= 0 && p < end) {
		if (*p == '/') {
			p++;
			continue;
		}
		n = comp_len(p, end);
		node = subnode(fdt, node, p, n);
		p += n;
	}
	return node;
}

int dt_path_offset(const void *fdt, const char *path)
{
	return path_offset(fdt, path, slen(path));
}

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

/* 0 if @node's compatible list holds @s (@len bytes), or with @prefix a
 * string starting with it; 1 if not; or getprop's error. */
static int compat(const void *fdt, int node, const char *s, int len,
		  bool prefix)
{
	const char *p, *end;
	int n;

	p = dt_getprop(fdt, node, "compatible", &n);
	if (!p)
		return n;
	for (end = p + n; p < end; p += n + 1) {
		n = str_in(p, end);
		if (p + n < end && (n == len || (prefix && n > len)) &&
		    !__builtin_memcmp(p, s, len))
			return 0;
	}
	return 1;
}

int dt_node_check_compatible(const void *fdt, int node, const char *s)
{
	return compat(fdt, node, s, slen(s), false);
}

/* 1 if property @name is the string @s (strcmp semantics), 0 if another
 * value, or getprop's error. */
static int prop_is(const void *fdt, int node, const char *name, const char *s)
{
	int len, n = slen(s) + 1;
	const char *p = dt_getprop(fdt, node, name, &len);

	if (!p)
		return len;
	return len >= n && !__builtin_memcmp(p, s, n);
}

/* ---- Writing ---- */

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
	off = find_prop(fdt, node, name, nlen);
	if (off == DT_ERR_NOTFOUND) {
		/* an empty property first in its node (libfdt's place), whose
		 * value grows below; all the room is checked first */
		off = check_node(fdt, node);
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
	off = find_prop(fdt, node, name, slen(name));
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
	off = subnode(fdt, parent, name, nlen);
	if (off >= 0)
		return DT_ERR_EXISTS;
	if (off != DT_ERR_NOTFOUND)
		return off;
	/* after the parent's properties, as libfdt */
	next = check_node(fdt, parent);
	do {
		off = next;
		tag = next_tag(fdt, off, &next);
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
	n = rsv_count(fdt);
	if (n < 0)
		return n;
	rsvsize = (n + 1) * RSV_SIZE;
	n = hd(fdt, H_VERSION) >= 17 ? (int)hd(fdt, H_SIZE_STRUCT) :
				      check_struct(fdt);
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
		n = rsv_count(fdt);
	if (n < 0)
		return n;
	pack_blocks(fdt, fdt, (n + 1) * RSV_SIZE, hd(fdt, H_SIZE_STRUCT));
	hd_set(fdt, H_TOTALSIZE, data_size(fdt));
	return 0;
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

/* ---- Boot fix-ups ---- */

int dt_set_chosen(void *fdt, const char *bootargs,
		  uint64_t initrd_start, uint64_t initrd_end)
{
	const char *name = "linux,initrd-start\0linux,initrd-end";
	uint64_t v = initrd_start;
	uint32_t cell[2];
	int node, len, i, err = 0;

	len = dt_address_cells(fdt, 0);
	if (len < 0)
		return len;
	len = len > 1 ? 8 : 4;
	if (initrd_end < initrd_start || (len == 4 && initrd_end >> 32))
		return DT_ERR_BADVALUE;
	node = dt_path_offset(fdt, "/chosen");
	if (node == DT_ERR_NOTFOUND)
		node = dt_add_subnode(fdt, 0, "chosen");
	if (node < 0)
		return node;
	if (bootargs)
		err = dt_setprop_string(fdt, node, "bootargs", bootargs);
	for (i = 0; !err && i < 2; i++, name += slen(name) + 1, v = initrd_end) {
		if (!initrd_start && !initrd_end) {
			err = dt_delprop(fdt, node, name);
			if (err == DT_ERR_NOTFOUND)
				err = 0;
			continue;
		}
		dt_st32(&cell[0], v >> 32);
		dt_st32(&cell[1], v);
		err = dt_setprop(fdt, node, name, (char *)cell + 8 - len, len);
	}
	return err;
}

static uint64_t read_cells(const char *p, int n)
{
	uint64_t v = 0;

	for (; n > 0; n--, p += 4)
		v = v << 32 | dt_ld32(p);
	return v;
}

/* Cells of the reg / ranges entries of @node's children, 2 at most. */
static int bus_cells(const void *fdt, int node, int *ac, int *sc)
{
	*ac = dt_address_cells(fdt, node);
	*sc = dt_size_cells(fdt, node);
	if (*ac < 0)
		return *ac;
	if (*sc < 0)
		return *sc;
	return *ac > 2 || *sc > 2 ? DT_ERR_BADNCELLS : 0;
}

/* Linux's of_fdt_device_is_available(): no status, "okay" or "ok" */
static bool available(const void *fdt, int node)
{
	return prop_is(fdt, node, "status", "okay") ||
	       prop_is(fdt, node, "status", "ok");
}

static bool is_memory(const void *fdt, int node)
{
	return prop_is(fdt, node, "device_type", "memory") > 0 ||
	       name_eq(fdt, node, "memory", 6);
}

/* Non-empty reg entries of the available children of @parent. */
static int child_regs(const void *fdt, int parent, bool memory_only,
		      struct dt_region *r, int max, int *n)
{
	int node, ac, sc, len, i, err;
	const char *reg;
	uint64_t size;

	err = bus_cells(fdt, parent, &ac, &sc);
	for (node = dt_first_subnode(fdt, parent); !err && node >= 0;
	     node = dt_next_subnode(fdt, node)) {
		if ((memory_only && !is_memory(fdt, node)) ||
		    !available(fdt, node))
			continue;
		reg = dt_getprop(fdt, node, "reg", &len);
		for (i = 0; reg && len - i >= (ac + sc) * 4; i += (ac + sc) * 4) {
			size = read_cells(reg + i + ac * 4, sc);
			if (!size)
				continue;
			if (*n >= max)
				return DT_ERR_NOSPACE;
			r[*n].base = read_cells(reg + i, ac);
			r[*n].size = size;
			++*n;
		}
	}
	if (err)
		return err;
	return node == DT_ERR_NOTFOUND ? 0 : node;
}

int dt_memory(const void *fdt, struct dt_region *regions, int max, int *n)
{
	*n = 0;
	return child_regs(fdt, 0, true, regions, max, n);
}

int dt_memreserve(const void *fdt, struct dt_region *regions, int max, int *n)
{
	const char *e = (const char *)fdt + hd(fdt, H_OFF_RSVMAP);
	int i, node, count = rsv_count(fdt);

	*n = 0;
	for (i = 0; i < count; i++, e += RSV_SIZE) {
		if (*n >= max)
			return DT_ERR_NOSPACE;
		regions[*n].base = dt_ld64(e);
		regions[*n].size = dt_ld64(e + 8);
		++*n;
	}
	if (count < 0)
		return count;
	node = dt_path_offset(fdt, "/reserved-memory");
	if (node == DT_ERR_NOTFOUND)
		return 0;
	if (node < 0)
		return node;
	return child_regs(fdt, node, false, regions, max, n);
}

/* Offsets of the root .. @node into @st; returns how many. */
static int ancestors(const void *fdt, int node, int *st)
{
	int off, next = 0, depth = 0;
	uint32_t tag;

	for (;;) {
		off = next;
		tag = next_tag(fdt, off, &next);
		if (tag == TAG_BEGIN_NODE) {
			if (depth < DT_MAX_DEPTH)
				st[depth] = off;
			if (++depth, off == node)
				return depth > DT_MAX_DEPTH ? DT_ERR_NOSPACE : depth;
		} else if (tag == TAG_END_NODE) {
			if (--depth < 0)
				return DT_ERR_BADSTRUCTURE;
		} else if (tag == TAG_END) {
			return next < 0 ? next : DT_ERR_BADOFFSET;
		}
	}
}

/* First reg address of @node, through every parent bus's ranges (spec 2.3.8) */
static int translate(const void *fdt, int node, uint64_t *addr)
{
	int st[DT_MAX_DEPTH], d, ac, sc, pac, psc, len, i, step, err;
	const char *p;
	uint64_t a, child;

	d = ancestors(fdt, node, st);
	if (d < 2)
		return d < 0 ? d : DT_ERR_BADVALUE;
	err = bus_cells(fdt, st[d - 2], &ac, &sc);
	p = dt_getprop(fdt, node, "reg", &len);
	if (err)
		return err;
	if (!p || len < ac * 4)
		return DT_ERR_BADVALUE;
	a = read_cells(p, ac);
	/* bus st[d] has @ac/@sc cells; its parent st[d - 1], @pac/@psc */
	for (d -= 2; d > 0; d--, ac = pac, sc = psc) {
		err = bus_cells(fdt, st[d - 1], &pac, &psc);
		if (err)
			return err;
		p = dt_getprop(fdt, st[d], "ranges", &len);
		if (!p)
			return DT_ERR_BADVALUE;
		step = (ac + pac + sc) * 4;
		for (i = 0; len; i += step) {	/* empty ranges: identity */
			if (len - i < step)
				return DT_ERR_BADVALUE;
			child = read_cells(p + i, ac);
			if (a >= child &&
			    a - child < read_cells(p + i + (ac + pac) * 4, sc)) {
				a = a - child + read_cells(p + i + ac * 4, pac);
				break;
			}
		}
	}
	*addr = a;
	return 0;
}

/* CB_UART_* << 4 | the family's reg-shift, or 0 for a UART we can't drive */
static int uart_kind(const void *fdt, int node)
{
	const char *t = "\x10" "arm,pl011\0"
			"\x20" "ns16550a\0"
			"\x20" "ns16550\0"
			"\x20" "snps,dw-apb-uart\0"
			"\x20" "nvidia,tegra20-uart\0"
			"\x22" "ti,omap3-uart\0"
			"\x22" "ti,omap4-uart\0"
			"\x22" "ti,dra742-uart\0"
			"\x22" "brcm,bcm2835-aux-uart\0";

	for (; *t; t += slen(t) + 1)
		if (!dt_node_check_compatible(fdt, node, t + 1))
			return *t;
	return 0;
}

int dt_stdout_uart(const void *fdt, uint32_t *kind, uint64_t *base,
		   uint32_t *reg_shift)
{
	const char *p;
	int node, len, n, k, err;

	*kind = CB_UART_NONE;
	node = dt_path_offset(fdt, "/chosen");
	if (node < 0)
		return node;
	p = dt_getprop(fdt, node, "stdout-path", &len);
	if (!p)
		p = dt_getprop(fdt, node, "linux,stdout-path", &len);
	if (!p)
		return len;
	for (n = 0; n < len && p[n] && p[n] != ':'; n++)
		;
	node = path_offset(fdt, p, n);
	if (node < 0)
		return node;
	k = uart_kind(fdt, node);
	if (!k)
		return DT_ERR_NOTFOUND;
	err = translate(fdt, node, base);
	if (err)
		return err;
	p = dt_getprop(fdt, node, "reg-shift", &len);
	*reg_shift = p && len == 4 ? dt_ld32(p) : (uint32_t)(k & 15);
	*kind = k >> 4;
	return 0;
}

int dt_psci_conduit(const void *fdt)
{
	int node;

	for (node = dt_first_subnode(fdt, 0); node >= 0;
	     node = dt_next_subnode(fdt, node)) {
		if (compat(fdt, node, "arm,psci", 8, true))
			continue;
		if (prop_is(fdt, node, "method", "hvc") > 0)
			return DT_PSCI_HVC;
		if (prop_is(fdt, node, "method", "smc") > 0)
			return DT_PSCI_SMC;
	}
	return DT_PSCI_NONE;
}

int dt_root_compatible_match(const void *dtb, const void *board)
{
	const char *p, *end;
	int n, i;

	p = dt_getprop(board, 0, "compatible", &n);
	if (!p)
		return n;
	for (end = p + n, i = 0; p < end; p += n + 1, i++) {
		n = str_in(p, end);
		if (p + n < end && !compat(dtb, 0, p, n, false))
			return i;
	}
	return DT_ERR_NOTFOUND;
}
