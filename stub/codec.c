/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Error names for the decoders.  One string with NUL separators walked by
 * index, so no table of pointers (and no load-time relocation) is needed.
 */
#include "codec.h"

const char *codec_strerror(int err)
{
	static const char names[] =
		"no error\0"
		"truncated input\0"
		"output too large\0"
		"corrupt data\0"
		"trailing bytes after the stream\0"
		"unknown error";
	const char *s = names;
	unsigned int n = err <= 0 && err >= CODEC_ETRAIL ? -err : 5;

	while (n--)
		while (*s++)
			;
	return s;
}
