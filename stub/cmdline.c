/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The kernel command line: the loader's and the packed one, per the mode. */
#include <string.h>
#include "stub.h"

int stub_cmdline(const struct stub *s, char *out, size_t cap)
{
	const struct cb_section *sec = blob_find(&s->blob, CB_SEC_CMDLINE, 0);
	size_t llen = s->loader_cmdline_len, plen = sec ? sec->size : 0, n = 0;
	uint32_t mode = (s->blob.hdr->flags & CB_HF_CMDLINE_MASK) >> CB_HF_CMDLINE_SHIFT;
	/* No packed line: the loader's.  Keep: the loader's if any.  Append:
	 * both, a space between when both are there.  Replace: the packed. */
	bool loader = llen && (!sec || mode != CB_CMDLINE_REPLACE);
	bool packed = plen && !(llen && mode == CB_CMDLINE_KEEP);

	if ((loader ? llen : 0) + (loader && packed) + (packed ? plen : 0) >= cap)
		return -1;
	if (loader) {
		memcpy(out, s->loader_cmdline, llen);
		n = llen;
	}
	if (loader && packed)
		out[n++] = ' ';
	if (packed) {
		memcpy(out + n, stub_section_data(s, sec), plen);
		n += plen;
	}
	out[n] = '\0';
	return (int)n;
}
