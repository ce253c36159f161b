/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ARMv7 part of struct stub. */
#ifndef CHAINBOOT_ARCH_STATE_H
#define CHAINBOOT_ARCH_STATE_H
#include <stdint.h>
#include <stdbool.h>
#include "atags.h"

#define CB_ARCH_THIS	CB_ARCH_ARMV7
#define CB_FEATURES	(CB_FEAT_DEFLATE | CB_FEAT_LZ4 | CB_FEAT_ATAGS | CB_FEAT_MERGE)

/* Stage times from the generic timer (arch.c). */
uint64_t arch_ticks(void);
uint32_t arch_tick_khz(void);

struct arch_state {
	const void *loader_fdt;		/* r2 when it is a valid DTB */
	const void *fdt;		/* the DTB the kernel gets: packed, else r2's */
	bool atags;			/* r2 is a valid ATAG list, read into ai */
	bool hyp;			/* entered in HYP mode: the kernel is too */
	int psci;			/* DT_PSCI_* conduit, from a trusted DTB */
	struct atag_info ai;
};

#endif
