/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Error names for the decoders' messages. */
#include "codec.h"
#include "strlist.h"

const char *codec_strerror(int err)
{
	return str_nth("ok\0" "truncated\0" "overflow\0" "corrupt\0" "trailing data\0",
		       (unsigned int)-err);	/* err > 0: far past the end, "" */
}
