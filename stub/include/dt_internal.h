/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Internals shared by the dt module's files (dt.c: validation and tag
 * walking; dt_ro.c: look-ups; dt_rw.c: writers; dt_boot.c: boot fix-ups).
 * Offsets are structure-block offsets unless said otherwise.
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
#define H_BOOT_CPUID	28
#define H_SIZE_STRINGS	32
#define H_SIZE_STRUCT	36
#define H_SIZE		40	/* v17; v16 stops before size_dt_struct */
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

/* Tag at @off; *next gets the next tag's offset, or an error (then TAG_END
 * is returned).  Reads stay inside the structure block. */
uint32_t dt_next_tag_(const void *fdt, int off, int *next);

/* Offset just after the name of the node at @node, or DT_ERR_BADOFFSET. */
int dt_check_node_(const void *fdt, int node);

/* Length of the string at strings-block offset @off, NUL inside the block,
 * or DT_ERR_TRUNCATED. */
int dt_str_len_(const void *fdt, uint32_t off);

/* Reservation entries before the terminator, or DT_ERR_TRUNCATED. */
int dt_rsv_count_(const void *fdt);

/* Validate the structure block in one walk; returns the bytes it uses. */
int dt_check_struct_(const void *fdt);

/* libfdt's node name rule: @s (@len bytes) is the name, or the name
 * without its "@unit" when @s has no '@'. */
bool dt_name_eq_(const void *fdt, int node, const char *s, int len);

/* Child of @parent named @name (@len bytes). */
int dt_subnode_(const void *fdt, int parent, const char *name, int len);

/* Offset of the FDT_PROP tag of property @name (@len bytes) of @node. */
int dt_find_prop_(const void *fdt, int node, const char *name, int len);

/* Bytes of the string at @p before its NUL or @end. */
int dt_str_in_(const char *p, const char *end);

/* dt_path_offset() of the first @len bytes of @p. */
int dt_path_offset_(const void *fdt, const char *p, int len);

/* 0 if @node's compatible list holds @s (@len bytes), or with @prefix a
 * string starting with it; 1 if not; or the look-up error. */
int dt_compat_(const void *fdt, int node, const char *s, int len, bool prefix);

/* 1 if property @name is the string @s (strcmp semantics), 0 if another
 * value, or the look-up error. */
int dt_prop_is_(const void *fdt, int node, const char *name, const char *s);

#endif
