/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * stub_cmdline: the kernel command line from the loader's and the packed
 * one, for each mode of the header's flags, with the capacity enforced.
 */
#include <stdio.h>
#include <string.h>
#include "stub.h"
#include "case_check.h"

struct fake {
	struct cb_header hdr;
	struct cb_section sec[1];
	char data[64];
};

/* A stub whose blob holds @packed (NULL: no CMDLINE section) in @mode. */
static void make(struct stub *s, struct fake *f, const char *packed, uint32_t mode,
		 const char *loader)
{
	memset(s, 0, sizeof(*s));
	memset(f, 0, sizeof(*f));
	f->hdr.nsections = packed ? 1 : 0;
	f->hdr.flags = mode << CB_HF_CMDLINE_SHIFT;
	f->sec[0] = (struct cb_section){ .type = CB_SEC_CMDLINE,
		.offset = offsetof(struct fake, data),
		.size = packed ? (uint32_t)strlen(packed) : 0 };
	if (packed)
		memcpy(f->data, packed, strlen(packed));	/* no NUL in the blob */
	memset(f->data + (packed ? strlen(packed) : 0), 'Z', 8);
	s->blob.base = (const uint8_t *)f;
	s->blob.hdr = &f->hdr;
	s->blob.sec = f->sec;
	s->loader_cmdline = loader;
	s->loader_cmdline_len = loader ? strlen(loader) : 0;
}

static const struct {
	const char *name, *packed, *loader, *want;	/* want NULL: must fail */
	uint32_t mode;
	size_t cap;
} cases[] = {
	{ "replace", "console=ttyAMA0 quiet", "root=/dev/sda", "console=ttyAMA0 quiet",
	  CB_CMDLINE_REPLACE, 256 },
	{ "replace-no-loader", "a=1", NULL, "a=1", CB_CMDLINE_REPLACE, 256 },
	{ "replace-empty-packed", "", "x", "", CB_CMDLINE_REPLACE, 256 },
	{ "no-section-takes-loader", NULL, "x=1", "x=1", CB_CMDLINE_REPLACE, 256 },
	{ "no-section-no-loader", NULL, NULL, "", CB_CMDLINE_APPEND, 256 },
	{ "append", "p=2", "l=1", "l=1 p=2", CB_CMDLINE_APPEND, 256 },
	{ "append-no-loader", "p=2", NULL, "p=2", CB_CMDLINE_APPEND, 256 },
	{ "append-empty-packed", "", "l=1", "l=1", CB_CMDLINE_APPEND, 256 },
	{ "keep", "p=2", "l=1", "l=1", CB_CMDLINE_KEEP, 256 },
	{ "keep-no-loader", "p=2", NULL, "p=2", CB_CMDLINE_KEEP, 256 },
	/* Capacity: the result and its NUL must fit. */
	{ "exact-fit", "abc", NULL, "abc", CB_CMDLINE_REPLACE, 4 },
	{ "one-short", "abc", NULL, NULL, CB_CMDLINE_REPLACE, 3 },
	{ "append-one-short", "p", "l", NULL, CB_CMDLINE_APPEND, 3 },
	{ "append-exact", "p", "l", "l p", CB_CMDLINE_APPEND, 4 },
	{ "zero-capacity", "", NULL, NULL, CB_CMDLINE_REPLACE, 0 },
};

int main(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct stub s;
		struct fake f;
		char out[256];
		int n;

		begin(cases[i].name);
		make(&s, &f, cases[i].packed, cases[i].mode, cases[i].loader);
		memset(out, 'X', sizeof(out));
		n = stub_cmdline(&s, out, cases[i].cap);
		if (!cases[i].want) {
			CHECK(n == -1, "returned %d, want -1", n);
		} else {
			CHECK(n == (int)strlen(cases[i].want) && !strcmp(out, cases[i].want),
			      "got %d \"%.*s\", want \"%s\"", n, n > 0 ? n : 0, out,
			      cases[i].want);
			CHECK(cases[i].cap == sizeof(out) || out[cases[i].cap] == 'X',
			      "wrote past the capacity");
		}
		end();
	}
	return failures ? 1 : 0;
}
