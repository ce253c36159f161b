/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The device-tree side of an ARM boot, the same for ARMv7 and arm64
 * (stub/arm_dt.c): what a trusted DTB tells the stub, which packed DTB
 * suits the machine, the loader's facts merged into it, and the log saved
 * to ramoops on failure (docs/hardboot.md).
 */
#ifndef CHAINBOOT_ARM_DT_H
#define CHAINBOOT_ARM_DT_H
#include <stdint.h>

struct stub;

/* Facts still missing, from the trusted DTB @fdt: the console, the memory
 * map, the PSCI conduit (*@psci, when still DT_PSCI_NONE); and every
 * reservation, the loader's and the packed tree's (the kernel gets both). */
void arm_dt_learn(struct stub *s, const void *fdt, int *psci);

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

#endif
