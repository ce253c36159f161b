/* SPDX-License-Identifier: GPL-2.0-or-later */
/* arm64 part of struct stub. */
#ifndef CHAINBOOT_ARCH_STATE_H
#define CHAINBOOT_ARCH_STATE_H
#include <stdint.h>
#include <stdbool.h>

#define CB_ARCH_THIS	CB_ARCH_ARM64
#define CB_FEATURES	(CB_FEAT_DEFLATE | CB_FEAT_LZ4 | CB_FEAT_MERGE)

/* The generic timer: the virtual count and its frequency. */
static inline uint64_t arch_ticks(void)
{
	uint64_t t;

	__asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(t));
	return t;
}

static inline uint32_t arch_tick_khz(void)
{
	uint64_t f;

	__asm__ volatile("mrs %0, cntfrq_el0" : "=r"(f));
	return (uint32_t)f / 1000;
}

struct arch_state {
	const void *loader_fdt;		/* x0 when it is a valid DTB */
	const void *fdt;		/* the DTB the kernel gets: packed, else x0's */
	bool el2;			/* entered at EL2: the kernel is too */
	int psci;			/* DT_PSCI_* conduit, from a trusted DTB */
};

#endif
