/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The DTB hand-off an ARM blob will make, per loader case.  Only the
 * blob's own facts vary: whether DTB, CMDLINE, INITRD, BOARD and CARRY
 * sections are packed, and the command line mode (stub/cmdline.c).
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include "policy.h"

/* The line the kernel gets when the loader's line is called @loader. */
static void cmdline_rule(char *out, size_t cap, const struct blob_view *v,
			 const char *loader)
{
	uint32_t mode = (v->hdr->flags & CB_HF_CMDLINE_MASK) >> CB_HF_CMDLINE_SHIFT;

	if (!blob_find(v, CB_SEC_CMDLINE, 0))
		snprintf(out, cap, "%s", loader);
	else if (mode == CB_CMDLINE_REPLACE)
		snprintf(out, cap, "the packed cmdline");
	else if (mode == CB_CMDLINE_APPEND)
		snprintf(out, cap, "%s, a space, the packed cmdline", loader);
	else
		snprintf(out, cap, "%s if any, else the packed cmdline", loader);
}

static void packed_ram(char *out, size_t cap, const struct blob_view *v)
{
	const struct cb_section *s = blob_find(v, CB_SEC_BOARD, 0);
	struct cb_board b;

	if (s) {
		memcpy(&b, v->base + s->offset, sizeof(b));
		if (b.ram_size) {
			snprintf(out, cap, "board 0x%x+0x%x", b.ram_base, b.ram_size);
			return;
		}
	}
	snprintf(out, cap, "128 MiB at the blob's 128 MiB-aligned base");
}

static void set(struct dtb_policy *p, const char *key, const char *label)
{
	p->key[p->n] = key;
	p->label[p->n] = label;
	p->n++;
}

void policy_describe(const struct blob_view *v, struct dtb_policy *p)
{
	bool initrd = blob_find(v, CB_SEC_INITRD, 0) != NULL;
	const char *packed_initrd = initrd ? "packed" : "none";
	const char *carry = blob_find(v, CB_SEC_CARRY, 0) ? ", carry list" : "";
	char line[96], atag_line[96], ram[64];

	memset(p, 0, sizeof(*p));
	if (!blob_find(v, CB_SEC_DTB, 0)) {
		set(p, "no_dtb_packed", "no DTB packed");
		snprintf(p->text[0], POLICY_LEN, "the loader's DTB is used as is");
		return;
	}
	cmdline_rule(line, sizeof(line), v, "the loader's");
	cmdline_rule(atag_line, sizeof(atag_line), v, "ATAG_CMDLINE");
	packed_ram(ram, sizeof(ram), v);
	set(p, "loader_and_packed", "loader DTB + packed");
	snprintf(p->text[0], POLICY_LEN, "packed DTB + from the loader: memory nodes (all "
		 "banks), /memreserve/, /reserved-memory children, /chosen kaslr-seed and "
		 "rng-seed%s; bootargs: %s; initrd: %s", carry, line, packed_initrd);
	set(p, "loader_only", "loader DTB only");
	snprintf(p->text[1], POLICY_LEN, "loader's DTB, /chosen fixed up; bootargs: %s; "
		 "initrd: %s", line, packed_initrd);
	set(p, "packed_only", "packed only (r2 unusable)");
	snprintf(p->text[2], POLICY_LEN, "packed DTB as is; RAM: its /memory, else %s; "
		 "bootargs: %s; initrd: %s", ram, blob_find(v, CB_SEC_CMDLINE, 0) ?
		 "the packed cmdline" : "none", packed_initrd);
	set(p, "atags_and_packed", "ATAGs + packed");
	snprintf(p->text[3], POLICY_LEN, "packed DTB + ATAG_MEM as /memory, ATAG_SERIAL as "
		 "/serial-number; bootargs: %s; initrd: %s", atag_line,
		 packed_initrd);
}
