/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `hostpack verify`: the stub's checks, run through the stub's own code
 * (stub/blob.c) so that the tool and the stub cannot disagree, then the
 * checks a stub would only fail later, while booting.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libfdt.h>
#include "blobcodec.h"
#include "board.h"
#include "bzimage.h"
#include "carry.h"
#include "commands.h"
#include "crc32.h"
#include "front.h"
#include "stubimg.h"
#include "verify.h"

#define DECODE_MAX	(1024u * HP_MiB)

static int fail(char *msg, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int fail(char *msg, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, VERIFY_MSG_LEN, fmt, ap);
	va_end(ap);
	return HP_EVERIFY;
}

static int sec_fail(char *msg, const struct blob_view *v, unsigned int i,
		    const char *what)
{
	return fail(msg, "section %u (%s): %s", i, blob_section_name(v->sec[i].type), what);
}

int verify_open(const uint8_t *blob, size_t len, struct blob_view *v,
		char msg[VERIFY_MSG_LEN])
{
	struct crc32_table t;
	struct cb_stub_info si = { 0 };
	int err;

	if (len >= CB_STUB_INFO_OFFSET + sizeof(si))
		memcpy(&si, blob + CB_STUB_INFO_OFFSET, sizeof(si));
	crc32_init(&t);
	err = blob_open(v, blob, len, si.arch, si.features, &t);
	if (err == BLOB_EHDRCRC)
		return fail(msg, "header: %s: expected 0x%08x, found 0x%08x",
			    blob_strerror(err), v->hdr->hdr_crc, blob_header_crc(v->hdr, &t));
	if (err && v->bad >= 0)
		return sec_fail(msg, v, (unsigned int)v->bad, blob_strerror(err));
	if (err)
		return fail(msg, "%s: %s", err == BLOB_ESTUBINFO ? "stub" : "header",
			    blob_strerror(err));
	return 0;
}

static int check_crcs(const struct blob_view *v, char *msg)
{
	struct crc32_table t;
	uint32_t found;
	unsigned int i;

	crc32_init(&t);
	if (blob_check_stub(v, &t, &found))
		return fail(msg, "stub: %s: expected 0x%08x, found 0x%08x",
			    blob_strerror(BLOB_ESTUBCRC), v->hdr->stub_crc, found);
	for (i = 0; i < v->hdr->nsections; i++)
		if (blob_check_section(v, i, &t, &found))
			return fail(msg, "section %u (%s): %s: expected 0x%08x, found 0x%08x",
				    i, blob_section_name(v->sec[i].type),
				    blob_strerror(BLOB_ESECTCRC), v->sec[i].crc, found);
	return 0;
}

static int check_decode(const struct blob_view *v, unsigned int i, char *msg)
{
	const struct cb_section *s = &v->sec[i];
	char what[96];
	uint8_t *out;
	int err;

	if (s->comp == CB_COMP_NONE)
		return 0;
	if (s->size > DECODE_MAX)
		return sec_fail(msg, v, i, "decoded size implausibly large");
	out = hp_malloc(s->size);
	err = blobcodec_decode(s->comp, v->base + s->offset, s->stored_size, out, s->size);
	free(out);
	snprintf(what, sizeof(what), "%s data does not decode to %u bytes",
		 blob_comp_name(s->comp), s->size);
	return err ? sec_fail(msg, v, i, what) : 0;
}

/* The PVH entry lies in the kernel image, which is in reach of 32-bit
 * code above the first MiB (blob.h, CB_SEC_PVH). */
static const char *check_pvh(const struct blob_view *v, const uint8_t *p)
{
	const struct cb_section *k = blob_find(v, CB_SEC_KERNEL, 0);
	struct cb_pvh pvh;

	memcpy(&pvh, p, sizeof(pvh));
	if (pvh.reserved[0] || pvh.reserved[1] || pvh.reserved[2])
		return "reserved fields not zero";
	if (k->load_offset < HP_MiB || k->mem_size > 0xfffff000u - k->load_offset)
		return "kernel image outside [1 MiB, 4 GiB)";
	if (pvh.entry < k->load_offset || pvh.entry - k->load_offset >= k->size)
		return "entry outside the kernel image";
	return NULL;
}

static int check_content(const struct blob_view *v, unsigned int i, char *msg)
{
	const struct cb_section *s = &v->sec[i];
	const uint8_t *p = v->base + s->offset;
	const char *why = NULL;
	char carry_why[128];
	struct cb_board b;
	int err;

	if (s->type == CB_SEC_DTB && s->comp == CB_COMP_NONE) {
		err = s->size >= sizeof(struct fdt_header) && fdt_totalsize(p) == s->size ?
		      fdt_check_full(p, s->size) : -FDT_ERR_TRUNCATED;
		if (err)
			why = fdt_strerror(err);
	} else if (s->type == CB_SEC_BOARD) {
		memcpy(&b, p, sizeof(b));
		board_validate(&b, &why);
	} else if (s->type == CB_SEC_CMDLINE && s->comp == CB_COMP_NONE) {
		if (memchr(p, 0, s->size) || memchr(p, '\n', s->size))
			why = "NUL or newline in the command line";
	} else if (s->type == CB_SEC_CARRY) {	/* uncompressed: blob_open() */
		if (carry_section_check(p, s->size, carry_why, sizeof(carry_why)))
			why = carry_why;
	} else if (s->type == CB_SEC_SETUP && s->comp == CB_COMP_NONE) {
		if (!bzimage_detect(p, s->size))
			why = "no HdrS setup header";
	} else if (s->type == CB_SEC_PVH) {	/* uncompressed, 16 bytes: blob_open() */
		why = check_pvh(v, p);
	}
	return why ? sec_fail(msg, v, i, why) : 0;
}

int verify_blob(const uint8_t *blob, size_t len, struct blob_view *v,
		char msg[VERIFY_MSG_LEN])
{
	char why[VERIFY_MSG_LEN - 8];
	unsigned int i;
	int err;

	err = verify_open(blob, len, v, msg);
	if (!err)
		err = check_crcs(v, msg);
	for (i = 0; !err && i < v->hdr->nsections; i++) {
		err = check_decode(v, i, msg);
		if (!err)
			err = check_content(v, i, msg);
	}
	if (err)
		return err;
	return front_check_blob(v, why, sizeof(why)) ? fail(msg, "front: %s", why) : 0;
}

int cmd_verify(int argc, char **argv)
{
	struct blob_view v;
	char msg[VERIFY_MSG_LEN], why[VERIFY_MSG_LEN];
	size_t pre;
	struct hp_buf file;
	int err;

	if (argc != 2 || argv[1][0] == '-')
		return hp_error(HP_EUSAGE, NULL, "usage: hostpack verify BLOB");
	err = hp_read_file(argv[1], VERIFY_MAX_BLOB, &file);
	if (err)
		return err;
	pre = front_linux_size(file.data, file.len);
	err = verify_blob(file.data + pre, file.len - pre, &v, msg);
	/* An x86 blob is a bzImage too: its setup header must match the blob. */
	if (!err && (pre || v.hdr->arch == CB_ARCH_X86_64) &&
	    front_check_linux_blob(file.data, pre, &v, why, sizeof(why)))
		err = fail(msg, "Linux front: %s", why);
	if (err)
		hp_error(err, argv[1], "%s", msg);
	else
		printf("%s: OK (%s stub %u.%u, %u sections, %u bytes)\n", argv[1],
		       stubimg_arch_name(v.hdr->arch),
		       v.si->version >> 16, v.si->version & 0xffff,
		       v.hdr->nsections, v.hdr->blob_size);
	hp_buf_free(&file);
	return err;
}
