/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The x86 fast path (docs/blob-format.md, CB_SEC_PVH): a bzImage whose
 * payload decodes to a vmlinux with a PVH entry note is packed as that
 * vmlinux's memory image, so the stub starts the kernel without Linux's
 * own decompressor.  Otherwise, or when asked, the bzImage path stays.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "blob.h"
#include "blobcodec.h"
#include "bzimage.h"
#include "decomp.h"
#include "kernel.h"
#include "vmlinux.h"

#define PAYLOAD_MAX	(256u * HP_MiB)

/* The bzImage path, and why; a refusal when PVH was demanded. */
static int keep_bzimage(const char *name, const struct kernel_opts *ko, struct kernel *k,
			const char *why)
{
	if (ko->x86_entry == KERNEL_X86_PVH)
		return hp_error(HP_EINPUT, name, "--x86-entry pvh: %s", why);
	snprintf(k->path, sizeof(k->path), "%s: bzImage path", why);
	return 0;
}

/* The vmlinux in the bzImage's payload, decoded into @out (owned). */
static int decode_payload(const char *name, const uint8_t *p, size_t len,
			  const struct bzimage_info *bi, struct hp_buf *out, char *why,
			  size_t whylen)
{
	uint64_t off = (uint64_t)bi->setup_len + bi->payload_offset;
	size_t used;
	int codec;

	(void)name;
	if (bi->version < 0x0208 || !bi->payload_length || off > len ||
	    bi->payload_length > len - off) {
		snprintf(why, whylen, "no payload in the setup header");
		return -1;
	}
	codec = decomp_sniff(p + off, bi->payload_length);
	if (codec < 0) {
		snprintf(why, whylen, "payload codec unknown to hostpack");
		return -1;
	}
	if (decomp_alloc(codec, p + off, bi->payload_length, PAYLOAD_MAX, out, &used)) {
		snprintf(why, whylen, "corrupt %s payload", decomp_name(codec));
		return -1;
	}
	snprintf(why, whylen, "%s payload", decomp_name(codec));
	return 0;
}

/* @v parsed from @p: @k becomes its memory image. */
static void take_pvh(const struct vmlinux *v, const uint8_t *p, struct kernel *k)
{
	hp_buf_free(&k->image);
	hp_buf_free(&k->setup);
	vmlinux_image(v, p, &k->image);
	k->mem_size = v->mem_size;
	k->load_offset = v->load;
	k->pvh = true;
	k->pvh_entry = v->pvh_entry;
	snprintf(k->path, sizeof(k->path), "PVH entry 0x%x: fast path (%u segments at 0x%x)",
		 v->pvh_entry, v->nsegs, v->load);
}

static int vmlinux_error(const char *name, int err)
{
	return hp_error(HP_EINPUT, name, "vmlinux: %s", vmlinux_strerror(err));
}

int kernel_x86_path(const char *name, const uint8_t *p, size_t len,
		    const struct bzimage_info *bi, const struct kernel_opts *ko,
		    struct kernel *k)
{
	struct hp_buf own = { NULL, 0 };
	const struct hp_buf *elf = ko->vmlinux;
	struct vmlinux v;
	char why[64];
	int err;

	if (ko->x86_entry == KERNEL_X86_BZIMAGE)
		return keep_bzimage(name, ko, k, "--x86-entry bzimage");
	if (ko->x86_entry == KERNEL_X86_AUTO && ko->comp == CB_COMP_NONE)
		return ko->vmlinux ? hp_error(HP_EUSAGE, NULL, "--vmlinux needs --compress "
					      "deflate or lz4 (or --x86-entry pvh)")
				   : keep_bzimage(name, ko, k, "--compress none");
	if (!elf) {
		if (decode_payload(name, p, len, bi, &own, why, sizeof(why)))
			return keep_bzimage(name, ko, k, why);
		elf = &own;
	}
	err = vmlinux_parse(elf->data, elf->len, &v);
	if (err == VMLINUX_ENOTELF && !ko->vmlinux) {
		hp_buf_free(&own);
		return keep_bzimage(name, ko, k, "payload not an ELF vmlinux");
	}
	if (err) {
		hp_buf_free(&own);
		return vmlinux_error(ko->vmlinux ? "--vmlinux" : name, err);
	}
	if (v.has_pvh)
		take_pvh(&v, elf->data, k);
	hp_buf_free(&own);
	return v.has_pvh ? 0 : keep_bzimage(name, ko, k, "no PVH note");
}

int kernel_load_vmlinux(const char *name, const uint8_t *p, size_t len,
			const struct kernel_opts *ko, struct kernel *k)
{
	struct vmlinux v;
	int err = vmlinux_parse(p, len, &v);

	if (err)
		return vmlinux_error(name, err);
	if (!v.has_pvh)
		return hp_error(HP_EINPUT, name,
				"vmlinux without a PVH note: give its bzImage instead");
	if (ko->x86_entry == KERNEL_X86_BZIMAGE || ko->vmlinux)
		return hp_error(HP_EUSAGE, name,
				"--x86-entry bzimage and --vmlinux need a bzImage as --kernel");
	k->arch = CB_ARCH_X86_64;
	snprintf(k->format, sizeof(k->format), "ELF vmlinux");
	k->cmdline_max = KERNEL_X86_CMDLINE;
	take_pvh(&v, p, k);
	return 0;
}

void kernel_x86_path_of(const struct blob_view *v, char *out, size_t cap)
{
	const struct cb_section *k = blob_find(v, CB_SEC_KERNEL, 0);
	const struct cb_section *s = blob_find(v, CB_SEC_SETUP, 0);
	const struct cb_pvh *pvh = NULL;
	struct kernel_opts ko = { .arch = CB_ARCH_X86_64, .comp = CB_COMP_LZ4 };
	struct hp_buf bz;
	struct kernel kk;
	struct bzimage_info bi;

	if (blob_find(v, CB_SEC_PVH, 0))
		pvh = (const void *)(v->base + blob_find(v, CB_SEC_PVH, 0)->offset);
	if (pvh) {
		snprintf(out, cap, "PVH fast path: entry 0x%x, kernel image at 0x%x",
			 pvh->entry, k->load_offset);
		return;
	}
	/* Why not PVH: what pack would find in this bzImage. */
	if (k->size > PAYLOAD_MAX || s->size > PAYLOAD_MAX) {
		snprintf(out, cap, "bzImage path");
		return;
	}
	bz.len = (size_t)s->size + k->size;
	bz.data = hp_malloc(bz.len);
	memcpy(bz.data, v->base + s->offset, s->size);
	if (blobcodec_decode(k->comp, v->base + k->offset, k->stored_size, bz.data + s->size,
			     k->size) || !bzimage_peek(bz.data, bz.len, &bi)) {
		snprintf(out, cap, "bzImage path");
	} else {
		memset(&kk, 0, sizeof(kk));
		kernel_x86_path(NULL, bz.data, bz.len, &bi, &ko, &kk);
		if (kk.pvh)
			snprintf(out, cap, "PVH entry 0x%x not used (--compress none, "
				 "--x86-entry bzimage or --vmlinux): bzImage path", kk.pvh_entry);
		else
			snprintf(out, cap, "%s", kk.path);
		kernel_free(&kk);
	}
	free(bz.data);
}
