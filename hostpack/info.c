/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `hostpack info [--json] BLOB`: what the header says, as a table or JSON.
 * Only the structure is checked (blob_open); `verify` does the rest.
 */
#include <stdio.h>
#include <string.h>
#include "board.h"
#include "bzimage.h"
#include "carry.h"
#include "commands.h"
#include "front.h"
#include "kernel.h"
#include "policy.h"
#include "serial.h"
#include "stubimg.h"
#include "verify.h"

static void feature_list(uint32_t f, const char *sep, bool quote)
{
	static const char *const names[] = { "deflate", "lz4", "atags", "merge" };
	const char *q = quote ? "\"" : "";
	unsigned int i, n = 0;

	for (i = 0; i < 4; i++)
		if (f & (1u << i))
			printf("%s%s%s%s", n++ ? sep : "", q, names[i], q);
	if (f >> 4)
		printf("%s%s0x%x%s", n ? sep : "", q, f & ~15u, q);
}

static const char *cmdline_mode(uint32_t flags)
{
	uint32_t m = (flags & CB_HF_CMDLINE_MASK) >> CB_HF_CMDLINE_SHIFT;

	return m == CB_CMDLINE_REPLACE ? "replace" : m == CB_CMDLINE_APPEND ? "append" : "keep";
}

/* Print @len bytes of text, JSON-escaped when @json. */
static void put_text(const uint8_t *p, size_t len, bool json)
{
	size_t i;

	putchar('"');
	for (i = 0; i < len; i++) {
		if (json && (p[i] == '"' || p[i] == '\\'))
			printf("\\%c", p[i]);
		else if (p[i] < 0x20 || p[i] == 0x7f)
			printf("\\u%04x", p[i]);
		else
			putchar(p[i]);
	}
	putchar('"');
}

static void text_sections(const struct blob_view *v)
{
	unsigned int i;

	printf("  #  type     codec   offset        stored       size   mem_size  load_off    crc\n");
	for (i = 0; i < v->hdr->nsections; i++) {
		const struct cb_section *s = &v->sec[i];

		printf("%3u  %-8s %-7s 0x%-8x %10u %10u %10u  0x%-8x 0x%08x\n", i,
		       blob_section_name(s->type), blob_comp_name(s->comp), s->offset,
		       s->stored_size, s->size, s->mem_size, s->load_offset, s->crc);
	}
}

static void text_extras(const struct blob_view *v)
{
	const struct cb_section *s;
	struct bzimage_info bi;
	struct cb_board b;

	s = blob_find(v, CB_SEC_BOARD, 0);
	if (s) {
		memcpy(&b, v->base + s->offset, sizeof(b));
		printf("board    %.24s: uart %s at 0x%x (shift %u), ram 0x%x size 0x%x, reset %s\n",
		       b.name, board_uart_name(b.uart_kind), b.uart_base, b.uart_shift,
		       b.ram_base, b.ram_size, board_reset_name(b.reset_kind));
	}
	s = blob_find(v, CB_SEC_CMDLINE, 0);
	if (s && s->comp == CB_COMP_NONE) {
		printf("cmdline  ");
		put_text(v->base + s->offset, s->stored_size, false);
		putchar('\n');
	}
	s = blob_find(v, CB_SEC_SETUP, 0);
	if (s && bzimage_peek(v->base + s->offset, s->stored_size, &bi))
		printf("kernel   boot protocol %u.%02u, %srelocatable, %s, alignment 0x%x, "
		       "pref_address 0x%llx, init_size 0x%x\n",
		       bi.version >> 8, bi.version & 0xff, bi.relocatable ? "" : "not ",
		       bi.xloadflags & BZ_XLF_KERNEL_64 ? "64-bit" : "32-bit only",
		       bi.kernel_alignment, (unsigned long long)bi.pref_address, bi.init_size);
	if (v->hdr->arch == CB_ARCH_X86_64) {
		char path[160];

		kernel_x86_path_of(v, path, sizeof(path));
		printf("path     %s\n", path);
	}
}

/* ARM: the carry list and what the kernel will get in each loader case. */
static void text_policy(const struct blob_view *v)
{
	const struct cb_section *s = blob_find(v, CB_SEC_CARRY, 0);
	struct dtb_policy p;
	const char *path;
	size_t at = 0;
	unsigned int i;

	if (!stubimg_arch_dt(v->hdr->arch))
		return;
	if (s) {
		printf("carry   ");
		while ((path = carry_next(v->base + s->offset, s->size, &at)))
			printf(" %s", path);
		putchar('\n');
	}
	policy_describe(v, &p);
	for (i = 0; i < p.n; i++)
		printf("%s %s: %s\n", i ? "        " : "dtb     ", p.label[i], p.text[i]);
}

/* The UARTs a stub of @arch drives (stub/serial: the ARM stub finds them
 * by the compatible prefixes of SERIAL_COMPATS; the x86 stub builds the
 * 8250 on I/O ports only), one kind at a time with its prefixes. */
static void uart_list(uint16_t arch, bool json)
{
	const char *t, *sep = "";
	uint32_t k;

	if (!stubimg_arch_dt(arch)) {
		printf(json ? "{\"kind\": \"%s\", \"compatible\": []}" : "%s",
		       board_uart_name(CB_UART_8250_IO));
		return;
	}
	for (k = CB_UART_PL011; k < CB_UART_KINDS; k++) {
		const char *psep = "";
		bool any = false;

		for (t = SERIAL_COMPATS; *t; t += strlen(t) + 1) {
			if ((uint8_t)*t >> 4u != k)
				continue;
			if (!any)
				printf(json ? "%s{\"kind\": \"%s\", \"compatible\": [" : "%s%s (",
				       sep, board_uart_name(k));
			printf(json ? "%s\"%s*\"" : "%s%s*", psep, t + 1);
			psep = json ? ", " : " ";
			any = true;
		}
		if (any)
			printf(json ? "]}" : ")");
		else if (k == CB_UART_8250_MMIO32)
			printf(json ? "%s{\"kind\": \"%s\", \"compatible\": []}" :
			       "%s%s (8250 with reg-io-width 4)", sep, board_uart_name(k));
		sep = json ? ", " : "; ";
	}
}

/* The ways in a loader can take: the file's fronts (front.h). */
static void entry_list(const struct blob_view *v, size_t pre, bool json)
{
	const char *q = json ? "\"" : "", *sep = json ? ", " : " ";

	if (v->hdr->arch == CB_ARCH_ARMV7) {
		printf("%szimage%s", q, q);
		return;
	}
	if (v->hdr->arch == CB_ARCH_ARM64) {
		printf("%sarm64-image%s", q, q);
		return;
	}
	if (pre)	/* front_check_linux() pins code32_start and relocatable */
		printf("%slinux-16%s%s%slinux-32%s%s%slinux-64%s%s", q, q, sep, q, q, sep, q, q,
		       sep);
	printf("%smultiboot%s", q, q);
}

static void print_text(const char *name, size_t len, const struct blob_view *v, size_t pre)
{
	const struct cb_stub_info *si = v->si;
	const struct cb_header *h = v->hdr;

	printf("blob     %s: %u bytes, format %u", name, h->blob_size, h->version);
	if (len > h->blob_size)
		printf(" (%zu bytes after it in the file)", len - h->blob_size);
	printf("\nstub     %s %u.%u: image %u, bss %u, stack %u; features ",
	       stubimg_arch_name(si->arch), si->version >> 16, si->version & 0xffff,
	       si->image_size, si->bss_size, si->stack_size);
	feature_list(si->features, " ", false);
	printf("\nentries  ");
	entry_list(v, pre, false);
	if (pre)
		printf(" (Linux front %zu bytes before the blob; 16- and 32-bit at 0x%x, "
		       "64-bit anywhere; kexec-tools takes linux-64, GRUB both)", pre,
		       CB_MB_LOAD_ADDR);
	printf("\nuarts    ");
	uart_list(si->arch, false);
	printf("\nflags    quiet %s, cmdline %s\n", h->flags & CB_HF_QUIET ? "yes" : "no",
	       cmdline_mode(h->flags));
	printf("header   at 0x%x, %u sections, stub CRC 0x%08x, header CRC 0x%08x\n",
	       (uint32_t)((const uint8_t *)h - v->base), h->nsections, h->stub_crc, h->hdr_crc);
	text_sections(v);
	text_extras(v);
	text_policy(v);
}

static void json_sections(const struct blob_view *v)
{
	unsigned int i;

	for (i = 0; i < v->hdr->nsections; i++) {
		const struct cb_section *s = &v->sec[i];

		printf("%s\n    {\"index\": %u, \"type\": \"%s\", \"codec\": \"%s\", "
		       "\"offset\": %u, \"stored_size\": %u, \"size\": %u, \"mem_size\": %u, "
		       "\"load_offset\": %u, \"crc\": \"0x%08x\"", i ? "," : "", i,
		       blob_section_name(s->type), blob_comp_name(s->comp), s->offset,
		       s->stored_size, s->size, s->mem_size, s->load_offset, s->crc);
		if ((s->type == CB_SEC_CMDLINE || s->type == CB_SEC_BOARD) &&
		    s->comp == CB_COMP_NONE) {
			printf(", \"text\": ");
			put_text(v->base + s->offset,
				 s->type == CB_SEC_BOARD ? strnlen((const char *)v->base + s->offset, 24)
							 : s->stored_size, true);
		}
		printf("}");
	}
}

static void json_policy(const struct blob_view *v)
{
	const struct cb_section *s = blob_find(v, CB_SEC_CARRY, 0);
	struct dtb_policy p;
	const char *path;
	size_t at = 0;
	unsigned int i;

	printf(",\n  \"carry\": [");
	for (i = 0; s && (path = carry_next(v->base + s->offset, s->size, &at)); i++) {
		printf("%s", i ? ", " : "");
		put_text((const uint8_t *)path, strlen(path), true);
	}
	printf("],\n  \"dtb_policy\": {");
	policy_describe(v, &p);
	for (i = 0; i < p.n; i++) {
		printf("%s\n    \"%s\": ", i ? "," : "", p.key[i]);
		put_text((const uint8_t *)p.text[i], strlen(p.text[i]), true);
	}
	printf("\n  }");
}

static void print_json(const char *name, size_t len, const struct blob_view *v, size_t pre)
{
	const struct cb_stub_info *si = v->si;
	const struct cb_header *h = v->hdr;
	struct bzimage_info bi;
	const struct cb_section *s = blob_find(v, CB_SEC_SETUP, 0);

	printf("{\n  \"file\": ");
	put_text((const uint8_t *)name, strlen(name), true);
	printf(",\n  \"file_size\": %zu,\n  \"blob_size\": %u,\n  \"format\": %u,\n", pre + len,
	       h->blob_size, h->version);
	printf("  \"stub\": {\"arch\": \"%s\", \"version\": \"%u.%u\", \"image_size\": %u, "
	       "\"bss_size\": %u, \"stack_size\": %u, \"features\": [",
	       stubimg_arch_name(si->arch), si->version >> 16, si->version & 0xffff,
	       si->image_size, si->bss_size, si->stack_size);
	feature_list(si->features, ", ", true);
	printf("], \"uarts\": [");
	uart_list(si->arch, true);
	printf("]},\n  \"entries\": [");
	entry_list(v, pre, true);
	printf("],\n  \"front_size\": %zu", pre);
	printf(",\n  \"flags\": {\"quiet\": %s, \"cmdline_mode\": \"%s\"},\n",
	       h->flags & CB_HF_QUIET ? "true" : "false", cmdline_mode(h->flags));
	printf("  \"stub_crc\": \"0x%08x\",\n  \"hdr_crc\": \"0x%08x\",\n  \"sections\": [",
	       h->stub_crc, h->hdr_crc);
	json_sections(v);
	printf("\n  ]");
	if (s && bzimage_peek(v->base + s->offset, s->stored_size, &bi))
		printf(",\n  \"x86\": {\"boot_protocol\": \"%u.%02u\", \"relocatable\": %s, "
		       "\"kernel_64\": %s, \"kernel_alignment\": %u, \"pref_address\": %llu, "
		       "\"init_size\": %u}", bi.version >> 8, bi.version & 0xff,
		       bi.relocatable ? "true" : "false",
		       bi.xloadflags & BZ_XLF_KERNEL_64 ? "true" : "false",
		       bi.kernel_alignment, (unsigned long long)bi.pref_address, bi.init_size);
	if (h->arch == CB_ARCH_X86_64) {
		char path[160];

		kernel_x86_path_of(v, path, sizeof(path));
		printf(",\n  \"x86_path\": {\"path\": \"%s\", \"why\": ",
		       blob_find(v, CB_SEC_PVH, 0) ? "pvh" : "bzimage");
		put_text((const uint8_t *)path, strlen(path), true);
		printf("}");
	}
	if (stubimg_arch_dt(h->arch))
		json_policy(v);
	printf("\n}\n");
}

int cmd_info(int argc, char **argv)
{
	bool json = argc == 3 && strcmp(argv[1], "--json") == 0;
	const char *name = argv[argc - 1];
	char msg[VERIFY_MSG_LEN];
	struct blob_view v;
	struct hp_buf file;
	size_t pre;
	int err;

	if ((argc != 2 && !json) || name[0] == '-')
		return hp_error(HP_EUSAGE, NULL, "usage: hostpack info [--json] BLOB");
	err = hp_read_file(name, VERIFY_MAX_BLOB, &file);
	if (err)
		return err;
	pre = front_linux_size(file.data, file.len);
	err = verify_open(file.data + pre, file.len - pre, &v, msg);
	if (err)
		err = hp_error(HP_EINPUT, name, "not a valid blob: %s", msg);
	else if (json)
		print_json(name, file.len - pre, &v, pre);
	else
		print_text(name, file.len - pre, &v, pre);
	hp_buf_free(&file);
	return err;
}
