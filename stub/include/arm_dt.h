/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The device-tree side of an ARM boot, the same for ARMv7 and arm64
 * (stub/arm_dt.c): what a trusted DTB tells the stub, which packed DTB
 * suits the machine, the loader's facts merged into it, the log saved to
 * ramoops on failure (docs/hardboot.md), and the reset the tree allows.
 */
#ifndef CHAINBOOT_ARM_DT_H
#define CHAINBOOT_ARM_DT_H
#include <stdbool.h>
#include <stdint.h>

struct stub;

/* Facts still missing, from the trusted DTB @fdt: the console, the memory
 * map, the PSCI conduit (*@psci, when still DT_PSCI_NONE); and every
 * reservation, the loader's and the packed tree's (the kernel gets both). */
void arm_dt_learn(struct stub *s, const void *fdt, int *psci);

/* After the loader's DTB (s->arch.loader_fdt) was read: s->arch.fdt = the
 * packed DTB that suits the machine (arm_dt_packed), its facts learned,
 * else the loader's; and when no tree gave RAM, the board's, else @guess
 * bytes (a power of two) from the @guess-aligned base below the blob. */
void arm_dt_choose(struct stub *s, uintptr_t guess);

/* A packed DTB goes to the kernel, with the machine's facts from the
 * loader's. */
bool arm_dt_merging(const struct stub *s);

/* The packed DTB that suits the machine @ref describes (the loader's DTB,
 * or NULL), else the first; each is CRC- and structure-checked first (a bad
 * one fails the boot).  NULL if none is packed. */
const void *arm_dt_packed(struct stub *s, const void *ref);

/* Bytes the kernel's DTB needs, built from @fdt (and merged with @loader
 * when not NULL): the tree, the command line, the log, and what a merge
 * adds (bounded by twice the loader's tree). */
uint32_t arm_dt_params_size(const void *fdt, const void *loader);

/* The loader's facts and the blob's CARRY list into @fdt (dt_merge_loader),
 * each item logged.  Returns 0 or a DT_ERR_* code. */
int arm_dt_merge(struct stub *s, void *fdt, const void *loader);

/* The log, failure included, into the console zone of the ramoops region
 * of @fdt[0], else @fdt[1] (either may be NULL), when that zone is RAM.
 * Caches must be off. */
void arm_dt_save_log(const struct stub *s, const void *const fdt[2]);

/* arch_prepare_params of both ARM arches: the kernel's DTB in the PARAMS
 * slot, opened from s->arch.fdt, @extra applied when not NULL (ARMv7: the
 * ATAGs), the loader's facts merged (arm_dt_merging), /chosen written with
 * the command line and the initrd slot; a failure fails the boot. */
void arm_dt_prepare(struct stub *s, int (*extra)(struct stub *s, void *fdt));

/* The log into the kernel's DTB @fdt (/chosen/chainboot,log: the slot has
 * room for it, arch_plan_requests), then the tree packed. */
void arm_dt_finish(void *fdt);

/* arch_reset of both ARM arches, caches off and the log saved (ramoops):
 * the board's reset register, else PSCI SYSTEM_RESET through @conduit (the
 * DTB's, else smc from HYP/EL2 (@hyp) and hvc below when the board says
 * PSCI), never an hvc at HYP/EL2, which would trap to ourselves; else halt. */
__attribute__((noreturn)) void arm_reset(struct stub *s, int conduit, int hyp);

/* Each ARM arch: PSCI SYSTEM_RESET through smc (@smc) or hvc; its caches
 * cleaned and off (cache.S). */
void arch_psci_reset(int smc);
void arch_caches_off(void);

#endif
