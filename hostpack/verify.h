/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Blob checks: the stub's own (blob_open, blob_check_stub,
 * blob_check_section from stub/blob.c) plus what the stub finds out later
 * (sections that do not decode, corrupt DTB or board data, a front that
 * loaders would misread).
 */
#ifndef HOSTPACK_VERIFY_H
#define HOSTPACK_VERIFY_H
#include "blob.h"
#include "hostpack.h"

#define VERIFY_MAX_BLOB		(0xffffffffu)
#define VERIFY_MSG_LEN		256

/*
 * blob_open() as the blob's own stub would call it: with the arch and the
 * features its cb_stub_info declares.  Returns 0, or HP_EVERIFY with one
 * line in @msg naming the section and the check.  Prints nothing.
 */
int verify_open(const uint8_t *blob, size_t len, struct blob_view *v,
		char msg[VERIFY_MSG_LEN]);

/* verify_open() and then every CRC, decode and content check, in that
 * order; the first failure is reported as by verify_open(). */
int verify_blob(const uint8_t *blob, size_t len, struct blob_view *v,
		char msg[VERIFY_MSG_LEN]);

#endif
