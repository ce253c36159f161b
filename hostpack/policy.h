/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What an ARM blob's stub gives the kernel as its device tree, in each case
 * of what the loader passed in r2 (the merge policy of docs/blob-format.md,
 * "What the kernel gets"), worded for `hostpack info`.
 */
#ifndef HOSTPACK_POLICY_H
#define HOSTPACK_POLICY_H
#include "blob.h"

#define POLICY_CASES	4
#define POLICY_LEN	320

struct dtb_policy {
	unsigned int n;			/* 1 (no DTB packed) or POLICY_CASES */
	const char *key[POLICY_CASES];	/* JSON key of each case */
	const char *label[POLICY_CASES];/* the case, for the text table */
	char text[POLICY_CASES][POLICY_LEN];
};

/* Fill @p for the ARM blob @v (blob_open() accepted it). */
void policy_describe(const struct blob_view *v, struct dtb_policy *p);

#endif
