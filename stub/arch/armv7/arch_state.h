/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ARMv7 part of struct stub. */
#ifndef CHAINBOOT_ARCH_STATE_H
#define CHAINBOOT_ARCH_STATE_H
#include <stdint.h>
#include <stdbool.h>

#define CB_ARCH_THIS	CB_ARCH_ARMV7
#define CB_FEATURES	(CB_FEAT_DEFLATE | CB_FEAT_LZ4 | CB_FEAT_ATAGS)

struct arch_state {
	const void *loader_fdt;		/* r2 when it is a valid DTB */
	const void *atags;		/* r2 when it is a valid ATAG list */
	bool hyp;			/* entered in HYP mode: the kernel is too */
	int psci;			/* DT_PSCI_* conduit, from a trusted DTB */
	const void *params_src;		/* the DTB chosen for the kernel */
};

#endif
