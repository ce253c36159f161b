/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Internals shared by the dt module's files (dt.c: validation and the tag
 * walker; dt_ro.c: look-ups; dt_rw.c: writers; dt_boot.c: boot fix-ups)
 * and atags.c.  Offsets are structure-block offsets unless said otherwise;
 * a negative node offset given to any of them is returned as the error.
 */
#ifndef CHAINBOOT_DT_INTERNAL_H
#define CHAINBOOT_DT_INTERNAL_H
#include "dt.h"

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
#define H_SIZE_STRINGS	32
#define H_SIZE_STRUCT	36
#define H_SIZE		40	/* version 17 */
#define RSV_SIZE	16	/* one reservation entry: u64 address, u64 size */

#define ALIGN4(x)	(((x) + 3) & ~3u)

static inline uint32_t hd(const void *fdt, int field)
{
	return dt_ld32((const char *)fdt + field);
}

static inline void hd_set(void *fdt, int field, uint32_t v)
{
	dt_st32((char *)fdt + field, v);
}

static inline char *sblock(const void *fdt)
{
	return (char *)fdt + hd(fdt, H_OFF_STRUCT);
}

static inline const char *strtab(const void *fdt)
{
	return (const char *)fdt + hd(fdt, H_OFF_STRINGS);
}

static inline int slen(const char *s)
{
	int n = 0;

	while (s[n])
		n++;
	return n;
}

/* Bytes of the node name at @s before its end: a NUL, '/' or ':' */
static inline int dt_name_len_(const char *s)
{
	int n = 0;

	while (s[n] && s[n] != '/' && s[n] != ':')
		n++;
	return n;
}

/* The @n big-endian cells at @p (n <= 2 in practice) as one number */
static inline uint64_t dt_cells_read_(const char *p, int n)
{
	uint64_t v = 0;

	for (; n > 0; n--, p += 4)
		v = v << 32 | dt_ld32(p);
	return v;
}

/* @v as @n (0 to 2) big-endian cells at @p, the low cell last.  Returns 0,
 * or DT_ERR_BADVALUE if @v needs more cells (the cells are written anyway). */
int dt_cells_write_(void *p, uint64_t v, int n);

/* Tag at @off; *next gets the next tag's offset, or an error (then TAG_END
 * is returned).  Reads stay inside the structure block. */
uint32_t dt_next_tag_(const void *fdt, int off, int *next);

/* Validate the structure block in one walk; returns 0 or the error. */
int dt_check_struct_(const void *fdt);

/* Offset just after the name of the node at @node, or DT_ERR_BADOFFSET. */
int dt_node_end_(const void *fdt, int node);

/*
 * Names searched for end at a NUL, '/' or ':' (path components, aliases
 * before options); the name stored in the tree at its NUL.  Reads stop at
 * the first difference, so a name never runs past its block.
 * With @unit, "name@unit" also matches when the searched name has no '@'
 * (libfdt's node name rule).
 */
bool dt_name_is_(const char *stored, const char *s, bool unit);

/*
 * Search @node: with @depth -1, for property @name (with @name NULL, for
 * the first tag after its properties, where libfdt puts a new child);
 * with @depth 0, for its first child named @name (NULL: any); with @depth
 * 1, for the next sibling of @node so named.  Returns the tag's offset,
 * DT_ERR_NOTFOUND, or a walk error.
 */
int dt_find_(const void *fdt, int node, int depth, const char *name);

/* Bytes of the string at @p before its NUL or @end. */
int dt_str_in_(const char *p, const char *end);

#define DT_MAX_DEPTH	16	/* nodes of a path kept (a power of 2) */

/* The nodes from the root (node[0] = 0) to the end of a path. */
struct dt_path {
	int n;
	int node[DT_MAX_DEPTH];
};

/* dt_path_offset() of the path at @p, which ends at a NUL or ':'; @pa
 * gets the nodes on the way (only the first DT_MAX_DEPTH kept). */
int dt_path_(const void *fdt, const char *p, struct dt_path *pa);

/* #address-cells of @node (1 or 2, default 2), its #size-cells (0 to 2,
 * default 1) in *sc; DT_ERR_BADNCELLS for any other value or length. */
int dt_cells_(const void *fdt, int node, int *sc);

/* Index of the first string of @node's compatible list that is @s, or
 * starts with @s when @prefix; an unterminated last string never matches.
 * DT_ERR_NOTFOUND if none, or the look-up error. */
int dt_compat_(const void *fdt, int node, const char *s, bool prefix);

/* Set property @name of @node to the @len bytes at @val (libfdt's place
 * and string reuse; the blob unchanged on DT_ERR_NOSPACE), or with @val
 * NULL delete it (DT_ERR_NOTFOUND if absent).  @val must not point into
 * @fdt.  Returns 0, DT_ERR_NOSPACE, DT_ERR_NOTFOUND, DT_ERR_BADOFFSET. */
int dt_setprop_(void *fdt, int node, const char *name, const void *val, int len);

/* The child of @parent named @name (which ends at a NUL, '/' or ':'),
 * added after @parent's properties (as fdt_add_subnode()) if there is
 * none.  Returns its offset, DT_ERR_NOSPACE, DT_ERR_BADOFFSET. */
int dt_child_add_(void *fdt, int parent, const char *name);

/* Add a child @name to @parent where dt_child_add_() would, even when a
 * child is so named (libfdt refuses that: a caller that replaces a node
 * deletes it first).  Returns its offset, DT_ERR_NOSPACE,
 * DT_ERR_BADOFFSET. */
int dt_node_add_(void *fdt, int parent, const char *name);

/* Delete the node at @node with its subtree (fdt_del_node()).  Returns 0,
 * DT_ERR_BADOFFSET, or a walk error. */
int dt_node_del_(void *fdt, int node);

/* Append the reservation @entry (RSV_SIZE bytes as in a blob's map: big
 * endian address and size) to the map unless an equal entry is there
 * (fdt_add_mem_rsv() otherwise).  Returns 0, DT_ERR_NOSPACE. */
int dt_rsv_add_(void *fdt, const void *entry);

/* Linux's of_fdt_device_is_available(): no status, "okay" or "ok". */
bool dt_available_(const void *fdt, int node);

/* A RAM node: a child of the root of device_type "memory", or named
 * "memory" or "memory@..." (what dt_memory() reads). */
bool dt_is_memory_(const void *fdt, int node);

#endif
