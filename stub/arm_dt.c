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

void arm_dt_finish(void *fdt)
{
	dt_set_chosen_string(fdt, "chainboot,log", console_log()->text);
	dt_pack(fdt);
}

void arm_reset(struct stub *s, int conduit, int hyp)
{
	const void *const fdt[2] = { s->arch.loader_fdt, s->arch.fdt };
	const struct cb_board *b = s->board;
	uint32_t kind = b ? b->reset_kind : CB_RESET_NONE;

	arch_caches_off();
	arm_dt_save_log(s, fdt);

	if (kind == CB_RESET_REG && b->reset_addr) {
		log_err("chainboot: resetting (%s)\n", "register");
		*(volatile uint32_t *)(uintptr_t)b->reset_addr = b->reset_value;
	}
	if (!conduit && kind == CB_RESET_PSCI)
		conduit = DT_PSCI_HVC - hyp;
	if (conduit && conduit + hyp <= DT_PSCI_HVC) {
		log_err("chainboot: resetting (%s)\n", "PSCI");
		arch_psci_reset(conduit == DT_PSCI_SMC);
	}
	log_err("chainboot: halted\n");
	for (;;)
		__asm__ volatile("wfi");
}

void arm_dt_choose(struct stub *s, uintptr_t guess)
{
	struct arch_state *a = &s->arch;
	const struct cb_board *b = s->board;
	struct layout_map *m = &s->in.map;

	a->fdt = arm_dt_packed(s, a->loader_fdt);
	if (a->fdt)
		arm_dt_learn(s, a->fdt, &a->psci);
	else
		a->fdt = a->loader_fdt;
	if (m->nram)
		return;
	if (b && b->ram_size)
		layout_add(m->ram, &m->nram, LAYOUT_MAX_RAM, b->ram_base, b->ram_size);
	else
		layout_add(m->ram, &m->nram, LAYOUT_MAX_RAM, s->load_base & ~(guess - 1), guess);
}

bool arm_dt_merging(const struct stub *s)
{
	return s->arch.loader_fdt && s->arch.fdt != s->arch.loader_fdt;
}

void arm_dt_prepare(struct stub *s, int (*extra)(struct stub *s, void *fdt))
{
	char cmd[STUB_MAX_CMDLINE];
	const struct mem_region *rd = &s->plan.slot[LAYOUT_INITRD];
	void *fdt = (void *)(uintptr_t)s->plan.slot[LAYOUT_PARAMS].base;
	int err;

	if (stub_cmdline(s, cmd, sizeof(cmd)) < 0)
		stub_fail(s, "cmdline: too long");
	err = dt_open_into(s->arch.fdt, fdt, s->plan.slot[LAYOUT_PARAMS].size);
	if (!err && extra)
		err = extra(s, fdt);
	if (!err && arm_dt_merging(s))
		err = arm_dt_merge(s, fdt, s->arch.loader_fdt);
	if (!err)
		err = dt_set_chosen(fdt, cmd, rd->base, rd->base + rd->size);
	if (err)
		stub_fail(s, "dtb fixup: %s", dt_strerror(err));
	log_info("dtb: %s \"%s\"", s->arch.fdt == s->arch.loader_fdt ? "loader's" : "packed",
		 cmd);
	stub_stage_end(s);
}
