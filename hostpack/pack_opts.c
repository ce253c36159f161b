/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include "blob.h"
#include "blobcodec.h"
#include "pack.h"
#include "stubimg.h"

enum {
	OPT_ARCH = 256, OPT_KERNEL, OPT_BOOTIMG, OPT_INITRD, OPT_DTB, OPT_CMDLINE,
	OPT_CMDLINE_MODE, OPT_COMPRESS, OPT_COMPRESS_INITRD, OPT_BOARD,
	OPT_BOARDS_DIR, OPT_CARRY, OPT_TEXT_OFFSET, OPT_KERNEL_BSS, OPT_QUIET, OPT_STUB,
	OPT_X86_ENTRY, OPT_VMLINUX,
};

static const struct option long_opts[] = {
	{ "arch", required_argument, NULL, OPT_ARCH },
	{ "kernel", required_argument, NULL, OPT_KERNEL },
	{ "bootimg", required_argument, NULL, OPT_BOOTIMG },
	{ "initrd", required_argument, NULL, OPT_INITRD },
	{ "dtb", required_argument, NULL, OPT_DTB },
	{ "cmdline", required_argument, NULL, OPT_CMDLINE },
	{ "cmdline-mode", required_argument, NULL, OPT_CMDLINE_MODE },
	{ "compress", required_argument, NULL, OPT_COMPRESS },
	{ "compress-initrd", required_argument, NULL, OPT_COMPRESS_INITRD },
	{ "board", required_argument, NULL, OPT_BOARD },
	{ "boards-dir", required_argument, NULL, OPT_BOARDS_DIR },
	{ "carry", required_argument, NULL, OPT_CARRY },
	{ "text-offset", required_argument, NULL, OPT_TEXT_OFFSET },
	{ "kernel-bss", required_argument, NULL, OPT_KERNEL_BSS },
	{ "quiet-stub", no_argument, NULL, OPT_QUIET },
	{ "stub", required_argument, NULL, OPT_STUB },
	{ "x86-entry", required_argument, NULL, OPT_X86_ENTRY },
	{ "vmlinux", required_argument, NULL, OPT_VMLINUX },
	{ "output", required_argument, NULL, 'o' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

const char pack_usage[] =
"usage: hostpack pack [--arch armv7|arm64|x86_64] (--kernel FILE | --bootimg FILE)\n"
"                     [--initrd FILE] [--dtb FILE ...] [--cmdline TEXT]\n"
"                     [--cmdline-mode replace|append|keep]\n"
"                     [--compress none|deflate|gzip|lz4]\n"
"                     [--compress-initrd none|deflate|gzip|lz4]\n"
"                     [--board NAME|FILE] [--boards-dir DIR] [--carry PATH ...]\n"
"                     [--text-offset N] [--kernel-bss N] [--quiet-stub]\n"
"                     [--x86-entry auto|pvh|bzimage] [--vmlinux FILE]\n"
"                     [--stub FILE] -o BLOB\n";

static int set_once(const char **slot, const char *val, const char *opt)
{
	if (*slot)
		return hp_error(HP_EUSAGE, NULL, "--%s given twice", opt);
	*slot = val;
	return 0;
}

static int set_mode(struct pack_opts *o, const char *v)
{
	static const char *const modes[] = { "replace", "append", "keep" };
	int i;

	for (i = 0; i < 3; i++)
		if (strcmp(v, modes[i]) == 0) {
			o->cmdline_mode = i;	/* CB_CMDLINE_* in this order */
			return 0;
		}
	return hp_error(HP_EUSAGE, NULL, "--cmdline-mode: '%s' is not replace, append or keep", v);
}

static int set_comp(int *slot, const char *v, const char *opt)
{
	*slot = blobcodec_parse(v);
	if (*slot < 0)
		return hp_error(HP_EUSAGE, NULL, "--%s: '%s' is not none, deflate, gzip or lz4",
				opt, v);
	return 0;
}

static int set_x86_entry(struct pack_opts *o, const char *v)
{
	static const char *const ways[] = { "auto", "pvh", "bzimage" };
	int i;

	for (i = 0; i < 3; i++)
		if (strcmp(v, ways[i]) == 0) {
			o->ko.x86_entry = i;	/* KERNEL_X86_* in this order */
			return 0;
		}
	return hp_error(HP_EUSAGE, NULL, "--x86-entry: '%s' is not auto, pvh or bzimage", v);
}

static int set_u32(bool *set, uint32_t *slot, const char *v, const char *opt)
{
	if (*set)
		return hp_error(HP_EUSAGE, NULL, "--%s given twice", opt);
	if (!hp_parse_u32(v, slot))
		return hp_error(HP_EUSAGE, NULL, "--%s: '%s' is not a 32-bit number", opt, v);
	*set = true;
	return 0;
}

static int one_opt(struct pack_opts *o, int c, const char *v)
{
	switch (c) {
	case OPT_ARCH:
		o->ko.arch = stubimg_arch_parse(v);
		return o->ko.arch ? 0 : hp_error(HP_EUSAGE, NULL,
						 "--arch: '%s' is not armv7, arm64 or x86_64", v);
	case OPT_KERNEL: return set_once(&o->kernel, v, "kernel");
	case OPT_BOOTIMG: return set_once(&o->bootimg, v, "bootimg");
	case OPT_INITRD: return set_once(&o->initrd, v, "initrd");
	case OPT_CMDLINE: return set_once(&o->cmdline, v, "cmdline");
	case OPT_BOARD: return set_once(&o->board, v, "board");
	case OPT_BOARDS_DIR: return set_once(&o->boards_dir, v, "boards-dir");
	case OPT_STUB: return set_once(&o->stub, v, "stub");
	case OPT_VMLINUX: return set_once(&o->vmlinux, v, "vmlinux");
	case OPT_X86_ENTRY: return set_x86_entry(o, v);
	case 'o': return set_once(&o->output, v, "output");
	case OPT_CMDLINE_MODE: return set_mode(o, v);
	case OPT_COMPRESS: return set_comp(&o->comp, v, "compress");
	case OPT_COMPRESS_INITRD:
		o->comp_initrd_set = true;
		return set_comp(&o->comp_initrd, v, "compress-initrd");
	case OPT_TEXT_OFFSET:
		return set_u32(&o->ko.text_offset_set, &o->ko.text_offset, v, "text-offset");
	case OPT_KERNEL_BSS:
		return set_u32(&o->ko.bss_set, &o->ko.bss, v, "kernel-bss");
	case OPT_CARRY: return carry_add(&o->carry, v, HP_EUSAGE, "--carry");
	case OPT_QUIET:
		o->quiet = true;
		return 0;
	case OPT_DTB:
		if (o->ndtbs == DTB_MAX_COUNT)
			return hp_error(HP_EUSAGE, NULL, "more than %u --dtb", DTB_MAX_COUNT);
		o->dtbs[o->ndtbs++] = v;
		return 0;
	}
	return hp_error(HP_EUSAGE, NULL, "unknown pack option (see hostpack pack --help)");
}

static int check_required(const struct pack_opts *o)
{
	if (!o->output)
		return hp_error(HP_EUSAGE, NULL, "pack: missing -o BLOB");
	if (!o->kernel && !o->bootimg)
		return hp_error(HP_EUSAGE, NULL, "pack: missing --kernel (or --bootimg)");
	if (o->ko.text_offset_set && o->ko.arch == CB_ARCH_X86_64)
		return hp_error(HP_EUSAGE, NULL, "--text-offset is for ARM kernels");
	if (o->ndtbs && o->ko.arch == CB_ARCH_X86_64)
		return hp_error(HP_EUSAGE, NULL, "--dtb is for ARM kernels");
	if (o->carry.len && o->ko.arch == CB_ARCH_X86_64)
		return hp_error(HP_EUSAGE, NULL, "--carry is for ARM kernels");
	if ((o->vmlinux || o->ko.x86_entry) && o->ko.arch == CB_ARCH_ARMV7)
		return hp_error(HP_EUSAGE, NULL, "--vmlinux and --x86-entry are for x86 kernels");
	if (o->vmlinux && o->ko.x86_entry == KERNEL_X86_BZIMAGE)
		return hp_error(HP_EUSAGE, NULL, "--vmlinux with --x86-entry bzimage: nothing to use it for");
	return 0;
}

int pack_parse_args(int argc, char **argv, struct pack_opts *o)
{
	int c, err;

	memset(o, 0, sizeof(*o));
	o->comp = -1;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "+o:h", long_opts, NULL)) != -1) {
		if (c == 'h') {
			fputs(pack_usage, stdout);
			return -1;
		}
		if (c == '?' || c == ':')
			return hp_error(HP_EUSAGE, NULL, "pack: bad option '%s' (see hostpack pack --help)",
					argv[optind - 1]);
		err = one_opt(o, c, optarg);
		if (err)
			return err;
	}
	if (optind < argc)
		return hp_error(HP_EUSAGE, NULL, "pack: unexpected argument '%s'", argv[optind]);
	return check_required(o);
}
