/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `hostpack pack`: read and check every input, then hand the sections to
 * build_blob() in the order docs/blob-format.md gives: BOARD, KERNEL,
 * SETUP, DTB..., CARRY, CMDLINE, INITRD.  Inputs named beside --bootimg
 * replace the boot image's parts.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include "board.h"
#include "bootimg.h"
#include "build.h"
#include "commands.h"
#include "initrd.h"
#include "pack.h"
#include "pack_console.h"
#include "stubimg.h"

#define DTB_MAX_FILE	(DTB_MAX_COUNT * DTB_MAX_SIZE)

struct inputs {
	struct hp_buf bootimg_file;
	struct bootimg bi;
	struct hp_buf kernel_file;
	struct hp_buf vmlinux_file;
	struct kernel k;
	struct stub_image stub;
	struct dtb_list dtbs;
	struct hp_buf initrd_file;
	const uint8_t *initrd;
	size_t initrd_len;
	const char *cmdline;
	bool have_board;
	struct cb_board board;
	struct carry_list board_carry;	/* the board file's carry keys */
	struct carry_list carry;	/* those, then --carry's */
	char kname[PATH_MAX + 16];	/* names for the parts of a boot image */
	char iname[PATH_MAX + 16];
	char dname[PATH_MAX + 48];
};

static int load_kernel(const struct pack_opts *o, struct inputs *in)
{
	struct kernel_opts ko = o->ko;
	const uint8_t *p;
	size_t len;
	int err;

	ko.comp = o->comp < 0 ? CB_COMP_NONE : o->comp;	/* x86's default */
	if (o->vmlinux) {
		err = hp_read_file(o->vmlinux, KERNEL_MAX_FILE, &in->vmlinux_file);
		if (err)
			return err;
		ko.vmlinux = &in->vmlinux_file;
	}
	if (o->bootimg) {
		err = hp_read_file(o->bootimg, BOOTIMG_MAX_FILE, &in->bootimg_file);
		if (!err)
			err = bootimg_parse(o->bootimg, in->bootimg_file.data,
					    in->bootimg_file.len, &in->bi);
		if (err)
			return err;
	}
	if (o->kernel) {
		err = hp_read_file(o->kernel, KERNEL_MAX_FILE, &in->kernel_file);
		if (err)
			return err;
		snprintf(in->kname, sizeof(in->kname), "%s", o->kernel);
		p = in->kernel_file.data;
		len = in->kernel_file.len;
	} else {
		snprintf(in->kname, sizeof(in->kname), "%s (kernel)", o->bootimg);
		p = in->bi.kernel;
		len = in->bi.kernel_len;
	}
	err = kernel_load(in->kname, p, len, &ko, &in->k);
	if (!err && o->vmlinux && in->k.arch != CB_ARCH_X86_64)
		err = hp_error(HP_EUSAGE, o->vmlinux, "--vmlinux is for x86 kernels");
	if (!err && o->ko.x86_entry && in->k.arch != CB_ARCH_X86_64)
		err = hp_error(HP_EUSAGE, in->kname, "--x86-entry is for x86 kernels");
	return err;
}

static int load_dtbs(const struct pack_opts *o, struct inputs *in)
{
	struct hp_buf f;
	unsigned int i;
	int err = 0;

	for (i = 0; i < o->ndtbs && !err; i++) {
		err = hp_read_file(o->dtbs[i], DTB_MAX_FILE, &f);
		if (!err)
			err = dtb_split(o->dtbs[i], f.data, f.len, &in->dtbs);
		hp_buf_free(&f);
	}
	if (err || o->ndtbs)
		return err;
	if (in->bi.dtb) {
		snprintf(in->dname, sizeof(in->dname), "%s (dtb)", o->bootimg);
		err = dtb_split(in->dname, in->bi.dtb, in->bi.dtb_len, &in->dtbs);
	} else if (in->k.appended.len) {
		snprintf(in->dname, sizeof(in->dname), "%s (appended DTB)", in->kname);
		err = dtb_split(in->dname, in->k.appended.data, in->k.appended.len, &in->dtbs);
	}
	if (!err && in->dtbs.n && in->k.arch == CB_ARCH_X86_64)
		err = hp_error(HP_EINPUT, in->dname, "DTBs are for ARM kernels");
	return err;
}

static int load_initrd(const struct pack_opts *o, struct inputs *in)
{
	int err;

	if (o->initrd) {
		err = hp_read_file(o->initrd, INITRD_MAX_SIZE, &in->initrd_file);
		if (err)
			return err;
		snprintf(in->iname, sizeof(in->iname), "%s", o->initrd);
		in->initrd = in->initrd_file.data;
		in->initrd_len = in->initrd_file.len;
	} else if (in->bi.ramdisk) {
		snprintf(in->iname, sizeof(in->iname), "%s (ramdisk)", o->bootimg);
		in->initrd = in->bi.ramdisk;
		in->initrd_len = in->bi.ramdisk_len;
	} else {
		if (o->comp_initrd_set)
			return hp_error(HP_EUSAGE, NULL, "--compress-initrd without an initrd");
		return 0;
	}
	return initrd_check(in->iname, in->initrd, in->initrd_len);
}

static int check_cmdline(const struct pack_opts *o, struct inputs *in)
{
	const char *name = o->cmdline ? "--cmdline" : o->bootimg;
	size_t len;

	in->cmdline = o->cmdline ? o->cmdline : (in->bi.cmdline[0] ? in->bi.cmdline : NULL);
	if (!in->cmdline)
		return 0;
	len = strlen(in->cmdline);
	if (len > in->k.cmdline_max)
		return hp_error(HP_EINPUT, name, "command line too long (%zu bytes, limit %u)",
				len, in->k.cmdline_max);
	if (strchr(in->cmdline, '\n') || strchr(in->cmdline, '\r'))
		return hp_error(HP_EINPUT, name, "newline in the command line");
	return 0;
}

/* The codec must be one the stub was built with. */
static int check_codec(const struct inputs *in, int comp, const char *opt)
{
	uint32_t need = comp == CB_COMP_DEFLATE ? CB_FEAT_DEFLATE :
			comp == CB_COMP_LZ4 ? CB_FEAT_LZ4 : 0;

	if (need & ~in->stub.info.features)
		return hp_error(HP_EUSAGE, in->stub.name, "this stub cannot decode %s (%s)",
				blob_comp_name((uint8_t)comp), opt);
	return 0;
}

/* The board file's list first, then --carry's; ARM only, like DTBs. */
static int load_carry(const struct pack_opts *o, struct inputs *in)
{
	if (in->k.arch == CB_ARCH_X86_64 && o->carry.len)
		return hp_error(HP_EUSAGE, NULL, "--carry is for ARM kernels");
	if (in->k.arch == CB_ARCH_X86_64 && in->board_carry.len)
		return hp_error(HP_EINPUT, o->board, "carry is for ARM kernels");
	in->carry = in->board_carry;
	if ((o->carry.len || in->board_carry.len) && !(in->stub.info.features & CB_FEAT_MERGE))
		return hp_error(HP_EUSAGE, in->stub.name, "this stub cannot carry DTB paths");
	return carry_merge(&in->carry, &o->carry, HP_EUSAGE, "--carry");
}

static int load_inputs(const struct pack_opts *o, struct inputs *in)
{
	int err = load_kernel(o, in);

	if (!err)
		err = stubimg_load(in->k.arch, o->stub, &in->stub);
	if (!err)
		err = load_dtbs(o, in);
	if (!err)
		err = load_initrd(o, in);
	if (!err)
		err = check_cmdline(o, in);
	if (!err && o->board) {
		in->have_board = true;
		err = board_load(o->board, o->boards_dir, &in->board, &in->board_carry);
	}
	if (!err)
		err = load_carry(o, in);
	if (!err && stubimg_arch_dt(in->k.arch))
		pack_console(in->cmdline, &in->dtbs, &in->board, &in->have_board);
	return err;
}

static int add_sections(const struct pack_opts *o, struct inputs *in, struct build *b)
{
	const struct kernel *k = &in->k;
	int comp = o->comp >= 0 ? o->comp : stubimg_arch_dt(k->arch) ? CB_COMP_LZ4 : CB_COMP_NONE;
	int err = check_codec(in, comp, "--compress");
	unsigned int i;

	if (!err && in->initrd)
		err = check_codec(in, o->comp_initrd, "--compress-initrd");
	if (!err && in->have_board)
		err = build_add(b, o->board ? o->board : "console", CB_SEC_BOARD, CB_COMP_NONE,
				(const uint8_t *)&in->board, sizeof(in->board), 0, 0);
	if (!err)
		err = build_add(b, in->kname, CB_SEC_KERNEL, (uint8_t)comp, k->image.data,
				k->image.len, k->mem_size, k->load_offset);
	if (!err && k->setup.len)
		err = build_add(b, in->kname, CB_SEC_SETUP, CB_COMP_NONE, k->setup.data,
				k->setup.len, 0, 0);
	if (!err && k->pvh) {
		struct cb_pvh pvh = { .entry = k->pvh_entry };

		err = build_add(b, in->kname, CB_SEC_PVH, CB_COMP_NONE, (const uint8_t *)&pvh,
				sizeof(pvh), 0, 0);
	}
	for (i = 0; !err && i < in->dtbs.n; i++)
		err = build_add(b, "DTB", CB_SEC_DTB, CB_COMP_NONE, in->dtbs.dtb[i].data,
				in->dtbs.dtb[i].len, 0, 0);
	if (!err && in->carry.len)
		err = build_add(b, "carry list", CB_SEC_CARRY, CB_COMP_NONE,
				(const uint8_t *)in->carry.data, in->carry.len, 0, 0);
	if (!err && in->cmdline)
		err = build_add(b, "--cmdline", CB_SEC_CMDLINE, CB_COMP_NONE,
				(const uint8_t *)in->cmdline, strlen(in->cmdline), 0, 0);
	if (!err && in->initrd)
		err = build_add(b, in->iname, CB_SEC_INITRD, (uint8_t)o->comp_initrd,
				in->initrd, in->initrd_len, 0, 0);
	return err;
}

static void free_inputs(struct inputs *in)
{
	hp_buf_free(&in->bootimg_file);
	hp_buf_free(&in->kernel_file);
	hp_buf_free(&in->vmlinux_file);
	kernel_free(&in->k);
	hp_buf_free(&in->stub.image);
	hp_buf_free(&in->stub.front);
	dtb_list_free(&in->dtbs);
	hp_buf_free(&in->initrd_file);
}

int cmd_pack(int argc, char **argv)
{
	struct inputs in;
	struct pack_opts o;
	struct build b;
	struct hp_buf blob = { NULL, 0 };
	int err = pack_parse_args(argc, argv, &o);

	if (err)
		return err < 0 ? 0 : err;
	memset(&in, 0, sizeof(in));
	memset(&b, 0, sizeof(b));
	err = load_inputs(&o, &in);
	if (!err) {
		b.stub = &in.stub;
		b.flags = (o.quiet ? CB_HF_QUIET : 0) |
			  (uint32_t)o.cmdline_mode << CB_HF_CMDLINE_SHIFT;
		err = add_sections(&o, &in, &b);
	}
	if (!err)
		err = build_blob(&b, &blob);
	if (!err)
		err = hp_write_atomic(o.output, blob.data, blob.len);
	hp_buf_free(&blob);
	build_free(&b);
	free_inputs(&in);
	return err;
}
