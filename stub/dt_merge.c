/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The loader's facts in the packed tree: the packed DTB says what the
 * hardware is, the loader's DTB what this machine has (RAM, carve-outs,
 * seeds) and what a board style names.  Every write is a libfdt-style
 * primitive of dt_rw.c, so a host test can replay the merge with libfdt.
 */
#include "dt_internal.h"

struct merge {
	void *to;
	const void *from;
	dt_said_fn *said;
	void *ctx;
};

/* Inlined: a call costs more than the load (-8 B ARM). */
static inline __attribute__((always_inline)) const char *name_of(const void *fdt, int node)
{
	return sblock(fdt) + node + 4;
}

/* Rewrite reg of @tn (a copy of @fn) from @fac/@fsc to @tac/@tsc cells,
 * dropping the entries the new cells cannot hold. */
static int recode_reg(struct merge *m, int tn, int fn, int fac, int fsc, int tac, int tsc)
{
	dt_word out[32];
	int len, step = (fac + fsc) * 4, n = 0;
	const char *p = dt_getprop(m->from, fn, "reg", &len);

	if (!p || (fac == tac && fsc == tsc))
		return 0;
	for (; len >= step && n < 32 - 4; len -= step, p += step) {
		/* an entry the @tac/@tsc cells cannot say is dropped: n stays */
		if (dt_cells_write_(out + n, dt_cells_read_(p, fac), tac) ||
		    dt_cells_write_(out + n + tac, dt_cells_read_(p + fac * 4, fsc), tsc))
			continue;
		n += tac + tsc;
	}
	return dt_setprop_(m->to, tn, "reg", out, n * 4);
}

#define ALL	0	/* copy_children(): every child, silently */
#define LISTED	1	/* the available ones, each said */
#define RAM	2	/* the available memory nodes, each said */

static int copy_children(struct merge *m, int fparent, int tparent, int which,
			 const char *path, int depth);

/* A child of @tparent with @fn's name, properties and subtree, replacing
 * the one of exactly that name ("fb" does not replace "fb@9f000000").
 * Returns its offset or an error. */
static int copy_node(struct merge *m, int tparent, int fn, int depth)
{
	const char *p, *name = name_of(m->from, fn);
	int tn = dt_find_(m->to, tparent, 0, name), off, next, err = 0;
	uint32_t tag;

	while (tn >= 0 && !dt_name_is_(name_of(m->to, tn), name, false))
		tn = dt_find_(m->to, tn, 1, name);
	if (tn >= 0)
		err = dt_node_del_(m->to, tn);
	else if (tn != DT_ERR_NOTFOUND)
		err = tn;
	tn = err ? err : dt_node_add_(m->to, tparent, name);
	for (off = dt_node_end_(m->from, fn); tn >= 0; off = next) {
		tag = dt_next_tag_(m->from, off, &next);
		if (tag != TAG_PROP && tag != TAG_NOP)
			break;
		p = sblock(m->from) + off;
		if (tag == TAG_PROP)
			err = dt_setprop_(m->to, tn, strtab(m->from) + dt_ld32(p + 8),
					  p + 12, dt_ld32(p + 4));
		if (err)
			return err;
	}
	if (tn < 0)
		return tn;
	err = copy_children(m, fn, tn, ALL, NULL, depth + 1);
	return err ? err : tn;
}

/*
 * Copy the children of @fparent (of @from) into @tparent (of @to), each
 * replacing one of its name, its reg re-encoded to @tparent's cells
 * (the same inside a copied subtree).  Told to @said under @path unless
 * @which is ALL.
 */
static int copy_children(struct merge *m, int fparent, int tparent, int which,
			 const char *path, int depth)
{
	int fac, fsc, tac, tsc, node, tn;

	fac = dt_cells_(m->from, fparent, &fsc);
	tac = dt_cells_(m->to, tparent, &tsc);
	if (depth >= DT_MAX_DEPTH)
		return DT_ERR_NOSPACE;
	for (node = dt_find_(m->from, fparent, 0, NULL); node >= 0;
	     node = dt_find_(m->from, node, 1, NULL)) {
		if (which && (!dt_available_(m->from, node) ||
			      (which == RAM && !dt_is_memory_(m->from, node))))
			continue;
		if (fac < 0 || tac < 0)
			return DT_ERR_BADNCELLS;
		tn = copy_node(m, tparent, node, depth);
		if (tn >= 0)
			tn = recode_reg(m, tn, node, fac, fsc, tac, tsc);
		if (tn < 0)
			return tn;
		if (which)
			m->said(m->ctx, path, name_of(m->from, node));
	}
	return node == DT_ERR_NOTFOUND ? 0 : node;
}

/* The first memory node among the root's children, or an error. */
static int first_memory(const void *fdt)
{
	int node = dt_find_(fdt, 0, 0, NULL);

	while (node >= 0 && !dt_is_memory_(fdt, node))
		node = dt_find_(fdt, node, 1, NULL);
	return node;
}

static int merge_memory(struct merge *m)
{
	struct dt_region r[1];
	int n = 0, node;

	/* no RAM in the loader's tree: the packed tree's stays */
	dt_memory(m->from, r, 1, &n);
	if (!n)
		return 0;
	while ((node = first_memory(m->to)) >= 0)
		if ((node = dt_node_del_(m->to, node)) < 0)
			return node;
	return copy_children(m, 0, 0, RAM, "/", 1);
}

static int merge_rsvmap(struct merge *m)
{
	const char *e = (const char *)m->from + hd(m->from, H_OFF_RSVMAP);
	int err = 0;

	/* dt_check() saw the terminating entry */
	for (; !err && dt_ld64(e + 8); e += RSV_SIZE) {
		err = dt_rsv_add_(m->to, e);
		m->said(m->ctx, "/memreserve/", "");
	}
	return err;
}

/* The loader's carve-outs into the packed /reserved-memory, or the
 * loader's node whole where the packed tree has none. */
static int merge_reserved(struct merge *m)
{
	int fr = dt_find_(m->from, 0, 0, "reserved-memory"), tr;

	if (fr < 0)
		return fr == DT_ERR_NOTFOUND ? 0 : fr;
	tr = dt_find_(m->to, 0, 0, "reserved-memory");
	if (tr >= 0)
		return copy_children(m, fr, tr, LISTED, "/reserved-memory/", 1);
	tr = copy_node(m, 0, fr, 1);
	if (tr >= 0)
		m->said(m->ctx, "/reserved-memory", "");
	return tr < 0 ? tr : 0;
}

/* The node of @fdt at the components of @path before @stop; with @add,
 * missing ones are added (@fdt writable). */
static int walk(const void *fdt, const char *path, const char *stop, bool add)
{
	int node = 0;

	for (;;) {
		while (*path == '/')
			path++;
		if (node < 0 || path >= stop || !*path)
			return node;
		node = add ? dt_child_add_((void *)fdt, node, path) : dt_find_(fdt, node, 0, path);
		path += dt_name_len_(path);
	}
}

/* One board-style path: a node of @from with its subtree, else the
 * property its last component names; nothing if @from has neither. */
static int carry(struct merge *m, const char *path)
{
	const char *end = path + slen(path), *last = end;
	const void *val = NULL;
	int fn, tn, len = 0;

	while (last > path && last[-1] != '/')
		last--;
	/* hostpack keeps paths absolute; an empty last name is no item */
	if (last == end)
		return 0;
	fn = walk(m->from, path, end, false);
	if (fn <= 0) {
		val = dt_getprop(m->from, walk(m->from, path, last, false), last, &len);
		if (!val)
			return 0;
	}
	tn = walk(m->to, path, last, true);
	if (tn >= 0)
		tn = fn > 0 ? copy_node(m, tn, fn, 1) : dt_setprop_(m->to, tn, last, val, len);
	if (tn < 0)
		return tn;
	m->said(m->ctx, path, "");
	return 0;
}

static int carry_list(struct merge *m, const char *p, int len)
{
	const char *end = p + len;
	int n, err = 0;

	for (; !err && p < end; p += n + 1) {
		n = dt_str_in_(p, end);
		if (p + n == end)
			break;	/* unterminated */
		err = carry(m, p);
	}
	return err;
}

int dt_merge_loader(void *to, const void *from, const char *list, int len,
		    dt_said_fn *said, void *ctx)
{
	static const char seeds[] = "/chosen/kaslr-seed\0/chosen/rng-seed";
	struct merge m = { to, from, said, ctx };
	int err = merge_memory(&m);

	if (!err)
		err = merge_rsvmap(&m);
	if (!err)
		err = merge_reserved(&m);
	if (!err)
		err = carry_list(&m, seeds, sizeof(seeds));
	if (!err && list)
		err = carry_list(&m, list, len);
	return err;
}
