/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Test helpers for the dt and atags modules: the same boot fix-ups and
 * queries written a second time on top of the real libfdt, tree
 * comparison, and DTB sources.  Host only.
 */
#ifndef CHAINBOOT_TESTS_DT_REF_H
#define CHAINBOOT_TESTS_DT_REF_H
#include <stddef.h>
#include <stdint.h>
#include "dt.h"

/* fdt_setprop() with the padding after the value zeroed (dt_setprop()
 * zeroes it, libfdt leaves what the memmove left there). */
int ref_setprop(void *fdt, int node, const char *name, const void *val, int len);

/* libfdt versions of dt_set_chosen(), dt_memory(), dt_memreserve(),
 * dt_stdout_uart(), dt_psci_conduit(), dt_root_compatible_match(), with
 * the stub's rules: 1 or 2 address cells and 0 to 2 size cells (else
 * -FDT_ERR_BADNCELLS), UART kinds by compatible prefix. */
int ref_set_chosen(void *fdt, const char *bootargs, uint64_t start, uint64_t end);
int ref_memory(const void *fdt, struct dt_region *r, int max, int *n);
int ref_memreserve(const void *fdt, struct dt_region *r, int max, int *n);
int ref_stdout_uart(const void *fdt, struct dt_uart *u);
/* dt_serial_uart() with alias "serial<n>" */
int ref_serial_uart(const void *fdt, uint32_t want, int n, struct dt_uart *u);
int ref_psci_conduit(const void *fdt);
int ref_root_compatible_match(const void *dtb, const void *board);

/* The child of @parent named exactly @name ("fb" is not "fb@9f000000"),
 * or -FDT_ERR_NOTFOUND. */
int ref_exact_child(const void *fdt, int parent, const char *name);

/* dt_merge_loader() (dt.h) on top of libfdt: the same policy, the same
 * order of writes, so that the two trees can be compared byte for byte. */
int ref_merge_loader(void *to, const void *from, const char *carry, int len);

/* 0 if the trees are equal as libfdt reads them (reservation map; nodes,
 * properties and values in order); else 1 with the first difference in
 * @why. */
int tree_diff(const void *a, const void *b, char *why, size_t whylen);

/* The data part (header to the end of the strings block) of both blobs
 * is byte-identical. */
int same_bytes(const void *a, const void *b);

/* Compile DTS source with dtc; a malloc'ed blob (NULL if dtc fails). */
void *dtc_compile(const char *dts, size_t *size);

/* Whole file, malloc'ed with @extra spare bytes; NULL on error. */
void *read_file(const char *path, size_t *size, size_t extra);

/* Directory of the Debian ARM DTBs: $CB_CACHE/armhf/dtbs if it exists,
 * else the debian-installer package's directory. */
const char *dtb_dir(void);

#endif
