/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The ramoops failure record: dt_ramoops() (stub/dt_boot.c) on trees built
 * with libfdt; pstore_console_zone() (stub/pstore.c) against the zone
 * ramoops_probe() (Linux fs/pstore/ram.c) computes, worked out by hand per
 * case; pstore_write_console() against the layout persistent_ram_save_old()
 * (fs/pstore/ram_core.c) reads.
 */
#include <libfdt.h>
#include <stdint.h>
#include <string.h>
#include "dt.h"
#include "pstore.h"
#include "hostpack_test.h"

uint32_t udiv32(uint32_t n, uint32_t d, uint32_t *rem);
uint32_t udiv32(uint32_t n, uint32_t d, uint32_t *rem)
{
	if (rem)
		*rem = n % d;
	return n / d;
}

static char tree[4096];

/* A root with /reserved-memory of @cells address and size cells holding
 * @n nodes: "other" (compatible "foo"), then a disabled ramoops, then the
 * ramoops "foo\0ramoops" at 0x8f000000 + 0x100000 with three sizes. */
static void build(int cells, bool disabled_only)
{
	uint32_t reg[4];
	int rm, n, i = 0;

	fdt_create_empty_tree(tree, sizeof(tree));
	fdt_setprop_u32(tree, 0, "#address-cells", 2);
	fdt_setprop_u32(tree, 0, "#size-cells", 2);
	rm = fdt_add_subnode(tree, 0, "reserved-memory");
	fdt_setprop_u32(tree, rm, "#address-cells", cells);
	fdt_setprop_u32(tree, rm, "#size-cells", cells);
	fdt_setprop(tree, rm, "ranges", NULL, 0);
	n = fdt_add_subnode(tree, rm, "other@80000000");
	fdt_setprop_string(tree, n, "compatible", "foo");
	if (cells == 2)
		reg[i++] = 0;
	reg[i++] = cpu_to_fdt32(0x8f000000);
	if (cells == 2)
		reg[i++] = 0;
	reg[i++] = cpu_to_fdt32(0x100000);
	fdt_setprop(tree, n, "reg", reg, i * 4);
	n = fdt_add_subnode(tree, rm, "ramoops@0");
	fdt_setprop_string(tree, n, "compatible", "ramoops");
	fdt_setprop_string(tree, n, "status", "disabled");
	fdt_setprop(tree, n, "reg", reg, i * 4);
	if (disabled_only)
		return;
	n = fdt_add_subnode(tree, rm, "ramoops@8f000000");
	fdt_setprop(tree, n, "compatible", "foo\0ramoops", 12);
	fdt_setprop(tree, n, "reg", reg, i * 4);
	fdt_setprop_u32(tree, n, "record-size", 0x4000);
	fdt_setprop_u32(tree, n, "console-size", 0x8000);
	fdt_setprop_u32(tree, n, "ecc-size", 16);
}

static void dt_cases(void)
{
	struct dt_ramoops r;
	int cells, err;

	for (cells = 1; cells <= 2; cells++) {
		build(cells, false);
		memset(&r, 0xa5, sizeof(r));
		err = dt_ramoops(tree, &r);
		hp_check(err == 0 && r.base == 0x8f000000 && r.size == 0x100000 &&
			 r.sz[RAMOOPS_RECORD] == 0x4000 && r.sz[RAMOOPS_CONSOLE] == 0x8000 &&
			 r.sz[RAMOOPS_FTRACE] == 0 && r.sz[RAMOOPS_PMSG] == 0 &&
			 r.sz[RAMOOPS_ECC] == 16, cells == 1 ? "dt-ramoops-1-cell" : "dt-ramoops-2-cells",
			 "err %d base %llx size %llx record %x console %x ftrace %x pmsg %x ecc %x",
			 err, (unsigned long long)r.base, (unsigned long long)r.size,
			 r.sz[0], r.sz[1], r.sz[2], r.sz[3], r.sz[4]);
	}
	build(2, true);
	err = dt_ramoops(tree, &r);
	hp_check(err == DT_ERR_NOTFOUND, "dt-ramoops-disabled", "err %d", err);
	fdt_create_empty_tree(tree, sizeof(tree));
	err = dt_ramoops(tree, &r);
	hp_check(err == DT_ERR_NOTFOUND, "dt-ramoops-no-reserved-memory", "err %d", err);
	build(2, false);
	fdt_setprop(tree, fdt_path_offset(tree, "/reserved-memory/ramoops@8f000000"), "reg", "", 0);
	err = dt_ramoops(tree, &r);
	hp_check(err == DT_ERR_BADVALUE, "dt-ramoops-empty-reg", "err %d", err);
}

static const struct {
	const char *name;
	uint64_t base, size;
	uint32_t record, console, ftrace, pmsg;
	int err;
	uint32_t off, zone;		/* the console zone ramoops_probe() makes */
} zones[] = {
	/* only a console zone: it starts the region */
	{ "console-only", 0x8f000000, 0x100000, 0, 0x20000, 0, 0, 0, 0, 0x20000 },
	/* 0x100000 - 0x8000 = 0xf8000: 62 dmesg zones of 0x4000 */
	{ "record-console", 0x8f000000, 0x100000, 0x4000, 0x8000, 0, 0, 0, 0xf8000, 0x8000 },
	/* sizes rounded down: record 0x4000, console 0x8000, pmsg 0x4000;
	 * 0xf4000 / 0x4000 = 61 zones */
	{ "rounded", 0x7f000000, 0x100000, 0x5000, 0x9000, 0, 0x7000, 0, 0xf4000, 0x8000 },
	/* dump 0xe000 / record 0x4000: 3 zones of 0xe000 / 3 = 0x4aaa bytes */
	{ "uneven-zones", 0x40000000, 0x16000, 0x4000, 0x8000, 0, 0, 0, 3 * 0x4aaa, 0x8000 },
	/* ftrace and pmsg after the console: not in its way */
	{ "ftrace-pmsg", 0x40000000, 0x40000, 0x10000, 0x10000, 0x8000, 0x8000, 0, 0x20000, 0x10000 },
	/* Linux refuses these; so does the stub */
	{ "no-console", 0x8f000000, 0x100000, 0x4000, 0, 0, 0, -1, 0, 0 },
	{ "record-too-big", 0x8f000000, 0x10000, 0x10000, 0x8000, 0, 0, -1, 0, 0 },
	{ "sizes-exceed", 0x8f000000, 0x10000, 0, 0x8000, 0x8000, 0x8000, -1, 0, 0 },
	{ "above-4g", 0x100000000ull, 0x100000, 0, 0x8000, 0, 0, -1, 0, 0 },
	{ "crosses-4g", 0xfff80000, 0x100000, 0, 0x8000, 0, 0, -1, 0, 0 },
	{ "unaligned", 0x8f000002, 0x100000, 0, 0x8000, 0, 0, -1, 0, 0 },
	{ "console-tiny", 0x8f000000, 0x100000, 0, 8, 0, 0, -1, 0, 0 },
};

static void zone_cases(void)
{
	struct dt_ramoops r;
	struct dt_region z;
	size_t i;
	int err;

	for (i = 0; i < sizeof(zones) / sizeof(zones[0]); i++) {
		memset(&r, 0, sizeof(r));
		r.base = zones[i].base;
		r.size = zones[i].size;
		r.sz[RAMOOPS_RECORD] = zones[i].record;
		r.sz[RAMOOPS_CONSOLE] = zones[i].console;
		r.sz[RAMOOPS_FTRACE] = zones[i].ftrace;
		r.sz[RAMOOPS_PMSG] = zones[i].pmsg;
		z.base = z.size = 0;
		err = pstore_console_zone(&r, &z);
		hp_check(err == zones[i].err && (err ||
			 (z.base == zones[i].base + zones[i].off && z.size == zones[i].zone)),
			 zones[i].name, "err %d, zone %llx+%llx, want %d, +%x+%x", err,
			 (unsigned long long)z.base, (unsigned long long)z.size, zones[i].err,
			 zones[i].off, zones[i].zone);
	}
}

/* What persistent_ram_save_old() would return from the zone. */
static size_t old_log(const uint8_t *zone, uint32_t size, char *out)
{
	uint32_t sig, start, used, cap = size - PSTORE_HDR_SIZE;

	memcpy(&sig, zone, 4);
	memcpy(&start, zone + 4, 4);
	memcpy(&used, zone + 8, 4);
	if (sig != 0x43474244 || used > cap || start > used)
		return (size_t)-1;
	memcpy(out, zone + 12 + start, used - start);
	memcpy(out + used - start, zone + 12, start);
	return used;
}

static void write_cases(void)
{
	static uint32_t zone[256];	/* 1 KiB */
	static char text[2048], out[2048];
	size_t n, i;

	for (i = 0; i < sizeof(text); i++)
		text[i] = (char)('a' + i % 26);
	memset(zone, 0xee, sizeof(zone));
	pstore_write_console(zone, sizeof(zone), "chainboot: failed\n", 18, false);
	n = old_log((uint8_t *)zone, sizeof(zone), out);
	hp_check(n == 18 && memcmp(out, "chainboot: failed\n", 18) == 0, "write-short",
		 "old log of %zd bytes", (ssize_t)n);
	/* too long: the tail, exactly the zone's data bytes */
	pstore_write_console(zone, sizeof(zone), text, sizeof(text), false);
	n = old_log((uint8_t *)zone, sizeof(zone), out);
	hp_check(n == sizeof(zone) - 12 && memcmp(out, text + sizeof(text) - n, n) == 0,
		 "write-tail", "old log of %zd bytes", (ssize_t)n);
	/* ECC: half the data bytes, the rest (Linux's ECC blocks) untouched */
	memset(zone, 0xee, sizeof(zone));
	pstore_write_console(zone, sizeof(zone), text, sizeof(text), true);
	n = old_log((uint8_t *)zone, sizeof(zone), out);
	hp_check(n == (sizeof(zone) - 12) / 2 && memcmp(out, text + sizeof(text) - n, n) == 0 &&
		 ((uint8_t *)zone)[12 + n] == 0xee && ((uint8_t *)zone)[sizeof(zone) - 1] == 0xee,
		 "write-ecc-half", "old log of %zd bytes", (ssize_t)n);
}

int main(void)
{
	dt_cases();
	zone_cases();
	write_cases();
	return hp_test_done();
}
