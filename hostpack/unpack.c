/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `hostpack unpack BLOB -d DIR`: after a full verify, write each section
 * decoded: kernel (ARM: the Image; x86: the bzImage again, SETUP followed
 * by KERNEL; x86 fast path: vmlinux, an ELF of the kernel image with its
 * PVH note, which QEMU -kernel and `pack --kernel` take), initrd, dtb0.dtb..., cmdline (no newline added), board.conf,
 * carry (one path a line: each line is a `pack --carry` argument).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "blobcodec.h"
#include "board.h"
#include "carry.h"
#include "commands.h"
#include "front.h"
#include "verify.h"
#include "vmlinux.h"

static int put(const char *dir, const char *file, const void *data, size_t len)
{
	char path[PATH_MAX];
	int err;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	err = hp_write_atomic(path, data, len);
	if (!err)
		printf("%s: %zu bytes\n", path, len);
	return err;
}

/* Section @s decoded, after @prefix_len bytes left free for the caller. */
static uint8_t *decode(const struct blob_view *v, const struct cb_section *s,
		       size_t prefix_len)
{
	uint8_t *out = hp_malloc(prefix_len + s->size);

	/* verify_blob() decoded every section already: this cannot fail. */
	if (blobcodec_decode(s->comp, v->base + s->offset, s->stored_size,
			     out + prefix_len, s->size))
		abort();
	return out;
}

/* The PVH blob's kernel as an ELF (vmlinux_write). */
static int put_vmlinux(const char *dir, const struct blob_view *v, const struct cb_section *k,
		       const struct cb_section *p)
{
	uint8_t *img = decode(v, k, 0);
	struct cb_pvh pvh;
	struct hp_buf elf;
	int err;

	memcpy(&pvh, v->base + p->offset, sizeof(pvh));
	vmlinux_write(img, k->size, k->mem_size, k->load_offset, pvh.entry, &elf);
	err = put(dir, "vmlinux", elf.data, elf.len);
	hp_buf_free(&elf);
	free(img);
	return err;
}

static int put_kernel(const char *dir, const struct blob_view *v)
{
	const struct cb_section *k = blob_find(v, CB_SEC_KERNEL, 0);
	const struct cb_section *setup = blob_find(v, CB_SEC_SETUP, 0);
	const struct cb_section *pvh = blob_find(v, CB_SEC_PVH, 0);
	size_t pre = setup ? setup->size : 0;
	uint8_t *out;
	int err;

	if (pvh)
		return put_vmlinux(dir, v, k, pvh);
	out = decode(v, k, pre);
	if (setup && blobcodec_decode(setup->comp, v->base + setup->offset,
				      setup->stored_size, out, pre))
		abort();	/* verified already */
	err = put(dir, "kernel", out, pre + k->size);
	free(out);
	return err;
}

/* The NULs that end the paths become newlines. */
static int put_carry(const char *dir, const struct blob_view *v, const struct cb_section *s)
{
	char text[CB_CARRY_MAX];
	size_t i;

	for (i = 0; i < s->size; i++)
		text[i] = v->base[s->offset + i] ? (char)v->base[s->offset + i] : '\n';
	return put(dir, "carry", text, s->size);
}

static int put_section(const char *dir, const struct blob_view *v, unsigned int i,
		       unsigned int *ndtb)
{
	const struct cb_section *s = &v->sec[i];
	char name[32], text[512];
	uint8_t *out;
	int err;

	if (s->type == CB_SEC_KERNEL || s->type == CB_SEC_SETUP || s->type == CB_SEC_PVH)
		return 0;
	if (s->type == CB_SEC_BOARD) {
		struct cb_board b;

		memcpy(&b, v->base + s->offset, sizeof(b));
		return put(dir, "board.conf", text, (size_t)board_format(&b, text, sizeof(text)));
	}
	if (s->type == CB_SEC_CARRY)
		return put_carry(dir, v, s);
	if (s->type == CB_SEC_DTB)
		snprintf(name, sizeof(name), "dtb%u.dtb", (*ndtb)++);
	else
		snprintf(name, sizeof(name), "%s", blob_section_name(s->type));
	out = decode(v, s, 0);
	err = put(dir, name, out, s->size);
	free(out);
	return err;
}

static int make_dir(const char *dir)
{
	struct stat st;

	if (mkdir(dir, 0777) == 0 || (errno == EEXIST && stat(dir, &st) == 0 &&
				      S_ISDIR(st.st_mode)))
		return 0;
	return hp_error(HP_EIO, dir, "cannot create directory: %s",
			errno == EEXIST ? "not a directory" : strerror(errno));
}

int cmd_unpack(int argc, char **argv)
{
	char msg[VERIFY_MSG_LEN];
	unsigned int i, ndtb = 0;
	struct blob_view v;
	struct hp_buf file;
	size_t pre;
	int err;

	if (argc != 4 || strcmp(argv[2], "-d") != 0 || argv[1][0] == '-')
		return hp_error(HP_EUSAGE, NULL, "usage: hostpack unpack BLOB -d DIR");
	err = hp_read_file(argv[1], VERIFY_MAX_BLOB, &file);
	if (err)
		return err;
	pre = front_linux_size(file.data, file.len);
	err = verify_blob(file.data + pre, file.len - pre, &v, msg);
	if (err)
		hp_error(err, argv[1], "%s", msg);
	if (!err)
		err = make_dir(argv[3]);
	if (!err)
		err = put_kernel(argv[3], &v);
	for (i = 0; !err && i < v.hdr->nsections; i++)
		err = put_section(argv[3], &v, i, &ndtb);
	hp_buf_free(&file);
	return err;
}
