/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dt_merge_loader() on real trees: every Debian ARM DTB as the packed
 * tree, against a loader's tree made from it by a bootloader's fix-ups
 * (other RAM banks, /memreserve/, a ramoops carve-out, seeds, vendor
 * properties), against QEMU virt's tree (other #cells: reg re-encoded),
 * and against the trees QEMU's board models pass (fixtures, when there).
 * Each merge must give libfdt's tree byte for byte (ref_merge_loader()),
 * and the result must keep the policy's promises, checked with libfdt
 * independently of how either merge works.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <libfdt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dt_internal.h"
#include "dt_ref.h"

#define ROOM		65536
#define MAX_FAILS	20
#define MAX_REGIONS	64

static int fails, passes, merges, said_lines;

static void fail(const char *what, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void fail(const char *what, const char *fmt, ...)
{
	va_list ap;

	if (fails++ >= MAX_FAILS)
		return;
	printf("FAIL: %s: ", what);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static void *opened(const void *fdt, int room)
{
	void *buf = calloc(1, fdt_totalsize(fdt) + room);

	if (fdt_open_into(fdt, buf, fdt_totalsize(fdt) + room))
		abort();
	return buf;
}

static void said(void *ctx, const char *path, const char *name)
{
	(void)ctx;
	(void)path;
	(void)name;
	said_lines++;
}

static const char carry[] = "/serial-number\0/chosen/bootloader,version\0"
			    "/firmware/android\0/not/there\0relative\0/chosen/\0";

/* What a bootloader does to the tree it passes: its RAM banks, a
 * reservation, a ramoops carve-out (and a disabled one), seeds, a serial
 * number and vendor nodes a board style carries. */
static void *loader_tree(const void *dtb)
{
	void *f = opened(dtb, 8192);
	int sc, ac = fdt_address_cells(f, 0), node, rm, c;
	uint8_t seed[32];
	fdt32_t reg[8];
	int n = 0, i;

	sc = fdt_size_cells(f, 0);
	for (;;) {
		fdt_for_each_subnode(node, f, 0)
			if (!strncmp(fdt_get_name(f, node, NULL), "memory", 6))
				break;
		if (node < 0)
			break;
		fdt_del_node(f, node);
	}
	for (i = 0; i < 2; i++) {	/* 256 MiB at 1 GiB and 2 GiB */
		if (ac == 2)
			reg[n++] = 0;
		reg[n++] = cpu_to_fdt32(0x40000000u * (i + 1));
		if (sc == 2)
			reg[n++] = 0;
		reg[n++] = cpu_to_fdt32(0x10000000u);
	}
	node = fdt_add_subnode(f, 0, "memory@40000000");
	fdt_setprop_string(f, node, "device_type", "memory");
	fdt_setprop(f, node, "reg", reg, n * 4);
	fdt_add_mem_rsv(f, 0x40100000, 0x1000);
	rm = fdt_subnode_offset(f, 0, "reserved-memory");
	if (rm < 0) {
		rm = fdt_add_subnode(f, 0, "reserved-memory");
		fdt_setprop_u32(f, rm, "#address-cells", ac);
		fdt_setprop_u32(f, rm, "#size-cells", sc);
		fdt_setprop(f, rm, "ranges", NULL, 0);
	}
	ac = fdt_address_cells(f, rm);
	sc = fdt_size_cells(f, rm);
	n = 0;
	if (ac == 2)
		reg[n++] = 0;
	reg[n++] = cpu_to_fdt32(0x4ff00000);
	if (sc == 2)
		reg[n++] = 0;
	reg[n++] = cpu_to_fdt32(0x100000);
	c = fdt_add_subnode(f, rm, "ramoops@4ff00000");
	fdt_setprop_string(f, c, "compatible", "ramoops");
	fdt_setprop(f, c, "reg", reg, n * 4);
	fdt_setprop_u32(f, c, "console-size", 0x20000);
	c = fdt_add_subnode(f, rm, "off@4fe00000");
	fdt_setprop_string(f, c, "status", "disabled");
	fdt_setprop(f, c, "reg", reg, n * 4);
	node = fdt_subnode_offset(f, 0, "chosen");
	if (node < 0)
		node = fdt_add_subnode(f, 0, "chosen");
	for (i = 0; i < 32; i++)
		seed[i] = (uint8_t)(i * 37 + 1);
	fdt_setprop(f, node, "kaslr-seed", seed, 8);
	fdt_setprop(f, node, "rng-seed", seed, 32);
	fdt_setprop_string(f, node, "bootloader,version", "LK 1.0.0-vendor");
	fdt_setprop_string(f, 0, "serial-number", "0123456789ab");
	node = fdt_subnode_offset(f, 0, "firmware");
	if (node < 0)
		node = fdt_add_subnode(f, 0, "firmware");
	node = fdt_add_subnode(f, node, "android");
	fdt_setprop_string(f, node, "compatible", "android,firmware");
	node = fdt_add_subnode(f, node, "fstab");
	fdt_setprop_string(f, node, "compatible", "android,fstab");
	if (fdt_check_full(f, fdt_totalsize(f)))
		abort();
	return f;
}

static int regions_cmp(const void *a, const void *b)
{
	const struct dt_region *x = a, *y = b;

	return x->base < y->base ? -1 : x->base > y->base;
}

/* The promises of the policy, read with libfdt from the three trees. */
static void check_policy(const char *what, const void *packed, const void *loader,
			 const void *out, int with_carry)
{
	struct dt_region want[MAX_REGIONS], got[MAX_REGIONS];
	int nw = 0, ng = 0, sc, i, j, lr, or_, node;
	int tac = fdt_address_cells(packed, 0), tsc = fdt_size_cells(packed, 0);
	const char *seeds[] = { "kaslr-seed", "rng-seed" };
	char path[512];

	if (fdt_check_full(out, fdt_totalsize(out)))
		return fail(what, "merged tree fails fdt_check_full");
	/* RAM: the loader's banks that the packed cells can say */
	ref_memory(loader, want, MAX_REGIONS, &nw);
	for (i = j = 0; i < nw; i++)
		if (!((tac < 2 && want[i].base >> 32) || (tsc < 2 && want[i].size >> 32)))
			want[j++] = want[i];
	nw = j;
	ref_memory(out, got, MAX_REGIONS, &ng);
	qsort(want, nw, sizeof(*want), regions_cmp);
	qsort(got, ng, sizeof(*got), regions_cmp);
	if (nw && (ng != nw || memcmp(want, got, nw * sizeof(*want))))
		return fail(what, "RAM: %d banks, the loader's %d", ng, nw);
	/* /memreserve/: the loader's entries are all there, the packed ones too */
	for (i = 0; i < fdt_num_mem_rsv(loader) + fdt_num_mem_rsv(packed); i++) {
		uint64_t a, s, a2, s2;
		int found = 0;

		if (i < fdt_num_mem_rsv(loader))
			fdt_get_mem_rsv(loader, i, &a, &s);
		else
			fdt_get_mem_rsv(packed, i - fdt_num_mem_rsv(loader), &a, &s);
		for (j = 0; j < fdt_num_mem_rsv(out); j++) {
			fdt_get_mem_rsv(out, j, &a2, &s2);
			found |= a == a2 && s == s2;
		}
		if (!found)
			return fail(what, "/memreserve/ %llx+%llx lost",
				    (unsigned long long)a, (unsigned long long)s);
	}
	/* every available carve-out of the loader, with its properties */
	lr = fdt_subnode_offset(loader, 0, "reserved-memory");
	or_ = fdt_subnode_offset(out, 0, "reserved-memory");
	fdt_for_each_subnode(node, loader, lr < 0 ? 0 : lr) {
		const char *st = fdt_getprop(loader, node, "status", NULL);
		const char *name = fdt_get_name(loader, node, NULL);
		int on = ref_exact_child(out, or_, name), p;

		if (lr < 0)
			break;

		if (st && strcmp(st, "okay") && strcmp(st, "ok"))
			continue;
		if (on < 0)
			return fail(what, "carve-out %s lost", name);
		fdt_for_each_property_offset(p, loader, node) {
			const char *pn;
			int l1, l2;
			const void *v1 = fdt_getprop_by_offset(loader, p, &pn, &l1);
			const void *v2 = fdt_getprop(out, on, pn, &l2);

			if (strcmp(pn, "reg") && (!v2 || l1 != l2 || memcmp(v1, v2, l1)))
				return fail(what, "carve-out %s: property %s differs", name, pn);
		}
	}
	/* seeds and, with a board style, the carried items */
	for (i = 0; i < 2; i++) {
		int l1, l2;
		const void *v1 = fdt_getprop(loader, fdt_path_offset(loader, "/chosen"), seeds[i], &l1);
		const void *v2 = fdt_getprop(out, fdt_path_offset(out, "/chosen"), seeds[i], &l2);

		if (v1 && (!v2 || l1 != l2 || memcmp(v1, v2, l1)))
			return fail(what, "/chosen/%s not carried", seeds[i]);
	}
	if (with_carry && (!fdt_getprop(out, 0, "serial-number", NULL) ||
			   fdt_path_offset(out, "/firmware/android/fstab") < 0 ||
			   fdt_path_offset(out, "/not") >= 0))
		return fail(what, "board style: carried items wrong");
	/* the hardware description stays: every packed node but RAM and
	 * replaced carve-outs is still at its path */
	fdt_for_each_subnode(node, packed, 0) {
		if (fdt_getprop(packed, node, "device_type", &sc) &&
		    !strcmp(fdt_getprop(packed, node, "device_type", NULL), "memory"))
			continue;
		if (!strncmp(fdt_get_name(packed, node, NULL), "memory", 6))
			continue;
		fdt_get_path(packed, node, path, sizeof(path));
		if (fdt_path_offset(out, path) < 0)
			return fail(what, "packed node %s lost", path);
	}
	if (strcmp(fdt_getprop(packed, 0, "compatible", NULL) ?: "",
		   fdt_getprop(out, 0, "compatible", NULL) ?: ""))
		return fail(what, "root compatible changed");
	passes++;
}

/* Merge both ways; compare the codes and the trees; check the policy. */
static void merge_pair(const char *what, const void *packed, const void *loader,
		       int with_carry, int room)
{
	int size = fdt_off_dt_strings(packed) + fdt_size_dt_strings(packed) + room;
	void *a = calloc(1, size), *b = calloc(1, size);
	const char *c = with_carry ? carry : NULL;
	int len = with_carry ? (int)sizeof(carry) : 0;
	int e1 = dt_open_into(packed, a, size), e2;

	/* the blocks only: QEMU pads its trees to 1 MiB */
	if (e1)
		fail(what, "dt_open_into: %d", e1);
	e1 = e1 ? e1 : dt_merge_loader(a, loader, c, len, said, NULL);
	/* libfdt's fdt_open_into() wants the whole totalsize: the blocks by hand */
	memcpy(b, packed, size - room);
	fdt_set_totalsize(b, size);
	e2 = ref_merge_loader(b, loader, c, len);
	char why[256];

	merges++;
	/* after an error only the codes and a valid tree are promised */
	if (e1 != e2)
		fail(what, "dt_merge_loader %d, libfdt %d", e1, e2);
	else if (e1 == 0 && !same_bytes(a, b)) {
		fail(what, "trees differ from libfdt's: %s",
		     tree_diff(a, b, why, sizeof(why)) ? why : "same as read, other bytes");
		if (getenv("CB_DUMP")) {
			FILE *f = fopen("/tmp/a.dtb", "wb");
			fwrite(a, 1, fdt_totalsize(a), f);
			fclose(f);
			f = fopen("/tmp/b.dtb", "wb");
			fwrite(b, 1, fdt_totalsize(b), f);
			fclose(f);
			exit(1);
		}
	}
	else if (e1 == 0 && dt_pack(a) != fdt_totalsize(a))
		fail(what, "dt_pack: totalsize %u", fdt_totalsize(a));
	else if (e1 == 0)
		check_policy(what, packed, loader, a, with_carry);
	else if (e1 != DT_ERR_NOSPACE)
		fail(what, "error %d", e1);
	else if (fdt_check_full(a, fdt_totalsize(a)))
		fail(what, "error %d left an invalid tree", e1);
	else
		passes++;
	free(a);
	free(b);
}

/* QEMU's own trees for its board models (scripts/fixtures.sh), each
 * against the Debian DTB it was made from. */
static void qemu_pairs(const char *dir)
{
	static const char *const pairs[][2] = {
		{ "vexpress-a9", "vexpress-v2p-ca9" }, { "vexpress-a15", "vexpress-v2p-ca15-tc1" },
		{ "sabrelite", "imx6q-sabrelite" }, { "mcimx6ul-evk", "imx6ul-14x14-evk" },
		{ "mcimx7d-sabre", "imx7d-sdb" }, { "orangepi-pc", "sun8i-h3-orangepi-pc" },
		{ "cubieboard", "sun4i-a10-cubieboard" }, { "raspi2b", "bcm2836-rpi-2-b" },
		{ "smdkc210", "exynos4210-smdkv310" }, { "highbank", "highbank" },
	};
	const char *cache = getenv("CB_CACHE");
	char path[4096];
	size_t size;
	unsigned int i, found = 0;
	void *q, *d;

	for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		snprintf(path, sizeof(path), "%s/armhf/qemu-dtbs/%s.dtb", cache ? cache : ".cache",
			 pairs[i][0]);
		q = read_file(path, &size, 0);
		snprintf(path, sizeof(path), "%s/%s.dtb", dir, pairs[i][1]);
		d = read_file(path, &size, 0);
		if (q && d && !dt_check(q, fdt_totalsize(q)) && !dt_check(d, fdt_totalsize(d))) {
			merge_pair(pairs[i][0], d, q, 0, ROOM);
			found++;
		}
		free(q);
		free(d);
	}
	/* virt's trees, padded to 1 MiB: 2 GiB packed, 1 GiB in the loader's */
	snprintf(path, sizeof(path), "%s/armhf/qemu-dtbs/virt-2048m.dtb", cache ? cache : ".cache");
	d = read_file(path, &size, 0);
	snprintf(path, sizeof(path), "%s/armhf/qemu-dtbs/virt-1024m.dtb", cache ? cache : ".cache");
	q = read_file(path, &size, 0);
	if (q && d && fdt_totalsize(d) == 0x100000) {
		merge_pair("virt 2 GiB tree, 1 GiB loader", d, q, 0, 4096);
		found++;
	}
	free(q);
	free(d);
	printf("%s: %u QEMU trees merged into their Debian DTBs and virt's\n",
	       found ? "PASS" : "SKIP", found);
	if (!found)
		printf("SKIP: qemu-pairs: no $CB_CACHE/armhf/qemu-dtbs (make fixtures)\n");
}

int main(void)
{
	const char *dir = dtb_dir(), *cache = getenv("CB_CACHE");
	char path[4096];
	struct dirent *de;
	void *virt, *vl;
	size_t size;
	DIR *d = opendir(dir);
	int dtbs = 0;

	snprintf(path, sizeof(path), "%s/armhf/virt.dtb", cache ? cache : ".cache");
	virt = read_file(path, &size, 0);
	if (!d || !virt) {
		printf("FAIL: dt_merge: no DTBs in %s or no %s (make fixtures)\n", dir, path);
		return 1;
	}
	vl = loader_tree(virt);
	while ((de = readdir(d))) {
		void *dtb, *lt;
		const char *n = de->d_name;

		if (strlen(n) < 5 || strcmp(n + strlen(n) - 4, ".dtb"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, n);
		dtb = read_file(path, &size, 0);
		if (!dtb || dt_check(dtb, size)) {
			free(dtb);
			continue;
		}
		dtbs++;
		lt = loader_tree(dtb);
		snprintf(path, sizeof(path), "%s, its loader's fix-ups", n);
		merge_pair(path, dtb, lt, 1, ROOM);
		snprintf(path, sizeof(path), "%s, virt's tree (other cells)", n);
		merge_pair(path, dtb, vl, 0, ROOM);
		snprintf(path, sizeof(path), "%s, no room (an error, a valid tree)", n);
		merge_pair(path, dtb, lt, 1, 64);
		free(lt);
		free(dtb);
	}
	closedir(d);
	printf("%s: merge: %d merges over %d Debian DTBs equal libfdt's and keep the policy "
	       "(%d checked, %d items said)\n", fails ? "FAIL" : "PASS", merges, dtbs, passes,
	       said_lines);
	if (dtbs < 100)
		printf("FAIL: merge: only %d DTBs\n", dtbs);
	qemu_pairs(dir);
	free(vl);
	free(virt);
	return fails || dtbs < 100;
}
