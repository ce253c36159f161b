/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The kernel command line: the loader's and the packed one, per the mode. */
#include <string.h>
#include "stub.h"

static int put(char *out, size_t cap, size_t at, const char *src, size_t len)
{
	if (at + len >= cap)
		return -1;
	memcpy(out + at, src, len);
	out[at + len] = '\0';
	return (int)(at + len);
}

int stub_cmdline(const struct stub *s, char *out, size_t cap)
{
	const struct cb_section *sec = blob_find(&s->blob, CB_SEC_CMDLINE, 0);
	const char *packed = sec ? stub_section_data(s, sec) : NULL;
	const char *loader = s->loader_cmdline_len ? s->loader_cmdline : "";
	size_t plen = sec ? sec->size : 0, llen = s->loader_cmdline_len;
	uint32_t mode = (s->blob.hdr->flags & CB_HF_CMDLINE_MASK) >> CB_HF_CMDLINE_SHIFT;
	int n;

	if (cap == 0)
		return -1;
	out[0] = '\0';
	if (!sec || (mode == CB_CMDLINE_KEEP && llen))
		return put(out, cap, 0, loader, llen);
	if (mode != CB_CMDLINE_APPEND || !llen)
		return put(out, cap, 0, packed ? packed : "", plen);
	n = put(out, cap, 0, loader, llen);
	if (n < 0 || !plen)
		return n;
	n = put(out, cap, (size_t)n, " ", 1);
	return n < 0 ? n : put(out, cap, (size_t)n, packed, plen);
}
