/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ATAG list reader and its conversion to device tree properties, after
 * Linux's arch/arm/boot/compressed/atags_to_fdt.c behaviour.
 */
#include "atags.h"
#include "dt.h"

/* ATAG words are in CPU order; the list is checked to be 4-aligned. */
static uint32_t word(const char *p)
{
	return *(const dt_word *)p;
}

static int parse_tag(const char *p, uint32_t words, struct atag_info *info)
{
	uint32_t tag = word(p + 4), i;

	p += 8;
	if (tag == ATAG_CMDLINE) {
		for (i = 0; i < words * 4; i++)
			if (!p[i])
				break;
		if (i == words * 4)
			return DT_ERR_BADVALUE;
		info->cmdline = p;
		info->cmdline_len = i;
		return 0;
	}
	if (tag != ATAG_MEM && tag != ATAG_INITRD2 && tag != ATAG_SERIAL)
		return 0;		/* unknown tags are skipped */
	if (words < 2)
		return DT_ERR_BADVALUE;
	if (tag == ATAG_MEM && word(p) && info->nmem < ATAG_MAX_MEM) {
		info->mem[info->nmem].size = word(p);
		info->mem[info->nmem++].start = word(p + 4);
	} else if (tag == ATAG_INITRD2) {
		info->initrd_start = word(p);
		info->initrd_size = word(p + 4);
		if (info->initrd_start + info->initrd_size < info->initrd_start)
			return DT_ERR_BADVALUE;
		info->flags &= ~ATAG_HAVE_INITRD;
		if (info->initrd_size)
			info->flags |= ATAG_HAVE_INITRD;
	} else if (tag == ATAG_SERIAL) {
		info->serial_low = word(p);
		info->serial_high = word(p + 4);
		info->flags |= ATAG_HAVE_SERIAL;
	}
	return 0;
}

int atags_parse(const void *list, size_t max_size, struct atag_info *info)
{
	const char *p = list;
	size_t off = 0;
	uint32_t size;
	int err;

	__builtin_memset(info, 0, sizeof(*info));
	if ((uintptr_t)p & 3)
		return DT_ERR_ALIGNMENT;
	if (max_size < 8)
		return DT_ERR_TRUNCATED;
	size = word(p);
	if (word(p + 4) != ATAG_CORE || (size != 2 && size != 5))
		return DT_ERR_BADMAGIC;
	for (;;) {
		if (max_size - off < 8)
			return DT_ERR_TRUNCATED;
		size = word(p + off);
		if (!size || word(p + off + 4) == ATAG_NONE)
			return 0;
		if (size < 2)
			return DT_ERR_BADVALUE;
		if (size > (max_size - off) / 4)
			return DT_ERR_TRUNCATED;
		err = parse_tag(p + off, size - 2, info);
		if (err)
			return err;
		off += size * 4;
	}
}

/* A child of the root, added if missing. */
static int root_child(void *fdt, const char *name)
{
	int node = dt_subnode_offset(fdt, 0, name);

	if (node == DT_ERR_NOTFOUND)
		node = dt_add_subnode(fdt, 0, name);
	return node;
}

static int set_memory(const struct atag_info *info, void *fdt)
{
	uint32_t reg[ATAG_MAX_MEM * 4], *r = reg, i;
	int ac = dt_address_cells(fdt, 0), sc = dt_size_cells(fdt, 0), node;

	if (ac < 1 || ac > 2 || sc < 1 || sc > 2)
		return DT_ERR_BADNCELLS;
	for (i = 0; i < info->nmem; i++) {
		if (ac == 2)
			dt_st32(r++, 0);
		dt_st32(r++, info->mem[i].start);
		if (sc == 2)
			dt_st32(r++, 0);
		dt_st32(r++, info->mem[i].size);
	}
	node = root_child(fdt, "memory");
	if (node < 0)
		return node;
	if (dt_getprop(fdt, node, "device_type", NULL) == NULL) {
		i = dt_setprop_string(fdt, node, "device_type", "memory");
		if (i)
			return i;
	}
	return dt_setprop(fdt, node, "reg", reg, (char *)r - (char *)reg);
}

static int set_serial(const struct atag_info *info, void *fdt)
{
	char s[17];
	uint64_t v = (uint64_t)info->serial_high << 32 | info->serial_low;
	int i, d;

	for (i = 15; i >= 0; i--, v >>= 4) {
		d = v & 15;
		s[i] = d < 10 ? '0' + d : 'A' - 10 + d;
	}
	s[16] = 0;
	return dt_setprop_string(fdt, 0, "serial-number", s);
}

int atags_to_dt(const struct atag_info *info, void *fdt)
{
	int chosen = 0, err = 0;

	if (info->cmdline || (info->flags & ATAG_HAVE_INITRD))
		chosen = root_child(fdt, "chosen");
	if (chosen < 0)
		return chosen;
	if (info->cmdline)
		err = dt_setprop(fdt, chosen, "bootargs", info->cmdline,
				 info->cmdline_len + 1);
	if (!err && (info->flags & ATAG_HAVE_INITRD))
		err = dt_setprop_u32(fdt, chosen, "linux,initrd-start",
				     info->initrd_start);
	if (!err && (info->flags & ATAG_HAVE_INITRD))
		err = dt_setprop_u32(fdt, chosen, "linux,initrd-end",
				     info->initrd_start + info->initrd_size);
	if (!err && (info->flags & ATAG_HAVE_SERIAL))
		err = set_serial(info, fdt);
	if (!err && info->nmem)
		err = set_memory(info, fdt);
	return err;
}
