/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The device-tree side of an ARM boot (arm_dt.h), shared by ARMv7 and arm64. */
#include <string.h>
#include "stub.h"
#include "arm_dt.h"
#include "console.h"
#include "dt.h"
#include "pstore.h"

/* RAM (@rsv false) or reserved regions of @fdt appended to the *@k of
 * @to; a truncated list keeps its first entries, a bad one gives none. */
static void fdt_regions(const void *fdt, bool rsv, struct mem_region *to,
			unsigned int *k, int max)
{
	struct dt_region r[LAYOUT_MAX_RESERVED];
	int n = 0, i, err;

	err = rsv ? dt_memreserve(fdt, r, max, &n) : dt_memory(fdt, r, max, &n);
	if (err && err != DT_ERR_NOSPACE)
		n = 0;
	for (i = 0; i < n; i++)
		layout_add(to, k, max, r[i].base, r[i].size);
}

void arm_dt_learn(struct stub *s, const void *fdt, int *psci)
{
	struct layout_map *m = &s->in.map;
	struct dt_uart u;

	if (!console_ready()) {
		dt_stdout_uart(fdt, &u);	/* kind NONE on error */
		console_init(u.kind, (uintptr_t)u.base, u.shift);
	}
	if (!m->nram)
		fdt_regions(fdt, false, m->ram, &m->nram, LAYOUT_MAX_RAM);
	fdt_regions(fdt, true, m->reserved, &m->nreserved, LAYOUT_MAX_RESERVED);
	if (!*psci)
		*psci = dt_psci_conduit(fdt);
}

/* Out of line: inlined, ARMv7's arch_probe spills and grows by 12 bytes. */
__attribute__((noinline)) const void *arm_dt_packed(struct stub *s, const void *ref)
{
	const struct cb_section *sec;
	const void *best = NULL, *fdt;
	unsigned int i, score, best_score = 0;
	int err;

	for (i = 0; (sec = blob_find(&s->blob, CB_SEC_DTB, i)) != NULL; i++) {
		stub_check_section(s, sec);
		fdt = stub_section_data(s, sec);
		err = dt_check(fdt, sec->size);
		if (err)
			stub_fail(s, "dtb: %s", dt_strerror(err));
		/* No match (negative) ranks after every match. */
		score = ref ? (unsigned int)dt_root_compatible_match(fdt, ref) : 0;
		if (!best || score < best_score) {
			best = fdt;
			best_score = score;
		}
	}
	return best;
}

uint32_t arm_dt_params_size(const void *fdt, const void *loader)
{
	/* what a merge adds is bounded by twice the loader's tree (a node
	 * can be carried twice, a reg re-encoded to twice the cells) */
	uint32_t size = dt_used_size(fdt) + STUB_MAX_CMDLINE + STUB_LOG_SIZE + 0x1000;

	if (loader)
		size += 2 * dt_used_size(loader);
	return size;
}

static void said(void *ctx, const char *path, const char *name)
{
	(void)ctx;
	log_info(" %s%s from loader\n", path, name);
}

int arm_dt_merge(struct stub *s, void *fdt, const void *loader)
{
	const struct cb_section *c = blob_find(&s->blob, CB_SEC_CARRY, 0);

	return dt_merge_loader(fdt, loader, c ? stub_section_data(s, c) : NULL,
			       c ? c->size : 0, said, NULL);
}

void arm_dt_save_log(const struct stub *s, const void *const fdt[2])
{
	const struct layout_map *m = &s->in.map;
	const struct stub_log *l = console_log();
	struct dt_ramoops r;
	struct dt_region z;
	unsigned int i, k;

	for (i = 0; i < 2; i++) {
		if (!fdt[i] || dt_ramoops(fdt[i], &r) || pstore_console_zone(&r, &z))
			continue;
		for (k = 0; k < m->nram; k++) {
			if (z.base < m->ram[k].base || z.size > m->ram[k].size ||
			    z.base - m->ram[k].base > m->ram[k].size - z.size)
				continue;
			pstore_write_console((void *)(uintptr_t)z.base, z.size, l->text,
					     l->len, r.sz[RAMOOPS_ECC]);
			log_err("chainboot: log saved to ramoops console at %08x\n",
				(uint32_t)z.base);
			return;
		}
	}
}
