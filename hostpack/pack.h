/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `hostpack pack`: options, then inputs gathered into a blob.
 */
#ifndef HOSTPACK_PACK_H
#define HOSTPACK_PACK_H
#include "carry.h"
#include "dtb.h"
#include "hostpack.h"
#include "kernel.h"

struct pack_opts {
	const char *kernel;
	const char *bootimg;
	const char *initrd;
	const char *dtbs[DTB_MAX_COUNT];
	unsigned int ndtbs;
	const char *cmdline;	/* NULL: none given */
	int cmdline_mode;	/* CB_CMDLINE_* */
	int comp;		/* CB_COMP_*, or -1: lz4 for ARM, none for x86 */
	int comp_initrd;	/* CB_COMP_* */
	bool comp_initrd_set;
	const char *board;
	const char *boards_dir;
	struct carry_list carry;	/* --carry paths, checked, in order */
	const char *stub;	/* NULL: the built-in stub */
	const char *vmlinux;	/* x86: the bzImage's payload, decoded (--vmlinux) */
	const char *output;
	bool quiet;
	struct kernel_opts ko;	/* --arch, --text-offset, --kernel-bss */
};

/* Parse `pack` options (argv[0] is "pack").  Returns 0, HP_EUSAGE (with a
 * message), or -1 after printing help for --help. */
int pack_parse_args(int argc, char **argv, struct pack_opts *o);

/* The text of `hostpack pack --help`. */
extern const char pack_usage[];

#endif
