/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The stub's flattened device tree module: libfdt's semantics (Devicetree
 * Specification v0.4, chapter 5), our own small code.  Names carry a dt_
 * prefix so host tests can link this module and libfdt in one program.
 *
 * Conventions, as in libfdt:
 * - the blob is the first argument; node offsets are offsets into the
 *   structure block; the root node is at offset 0;
 * - functions return 0 or an offset on success, a negative DT_ERR_* code on
 *   failure (numerically equal to libfdt's -FDT_ERR_*); a negative node
 *   offset passed in is returned as the error;
 * - every function but dt_check() and dt_totalsize() requires a blob that
 *   dt_check() accepted, or that dt_open_into() produced from one; reads
 *   of the structure block stay inside it whatever the offsets;
 * - writers keep the tree valid and byte-for-byte equal to what libfdt
 *   produces for the same calls, except that property padding is zeroed;
 * - the blob must be 4-byte aligned: with the MMU off ARM cannot load
 *   unaligned words, and every cell is 4-aligned inside an aligned blob.
 */
#ifndef CHAINBOOT_DT_H
#define CHAINBOOT_DT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DT_MAGIC		0xd00dfeed

#define DT_ERR_NOTFOUND		(-1)	/* node or property absent */
#define DT_ERR_NOSPACE		(-3)	/* no room left in the blob or the caller's array */
#define DT_ERR_BADOFFSET	(-4)	/* offset is not a node */
#define DT_ERR_BADPATH		(-5)	/* unknown or relative alias */
#define DT_ERR_TRUNCATED	(-8)	/* a block or item runs past its bound */
#define DT_ERR_BADMAGIC		(-9)	/* not a device tree */
#define DT_ERR_BADVERSION	(-10)	/* version < 16 or last_comp_version > 17 */
#define DT_ERR_BADSTRUCTURE	(-11)	/* bad tag, nesting or root */
#define DT_ERR_BADLAYOUT	(-12)	/* blocks misplaced, misaligned or out of order */
#define DT_ERR_BADNCELLS	(-14)	/* #address-cells / #size-cells unusable */
#define DT_ERR_BADVALUE		(-15)	/* a property or argument has a bad value */
#define DT_ERR_ALIGNMENT	(-19)	/* blob or buffer not 4-byte aligned */

/* Big-endian cells at 4-aligned addresses, with aligned word accesses. */
typedef uint32_t __attribute__((may_alias, aligned(4))) dt_word;

static inline uint32_t dt_ld32(const void *p)
{
	uint32_t v = *(const dt_word *)p;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	v = __builtin_bswap32(v);
#endif
	return v;
}

static inline void dt_st32(void *p, uint32_t v)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	v = __builtin_bswap32(v);
#endif
	*(dt_word *)p = v;
}

static inline uint64_t dt_ld64(const void *p)
{
	return (uint64_t)dt_ld32(p) << 32 | dt_ld32((const char *)p + 4);
}

/* ---- Whole blob ----------------------------------------------------- */

/* Header field totalsize.  No check: call dt_check() first. */
uint32_t dt_totalsize(const void *fdt);

/*
 * Validate a blob of which at most @max_size bytes may be read: alignment,
 * magic, version (>= 16, last_comp_version <= 17), totalsize <= @max_size;
 * header, memory reservation map, structure and strings blocks in this
 * order (libfdt's, the spec's figure 5.1), 4-aligned, inside totalsize,
 * the map terminated before the structure block; then one walk of the
 * structure block: root first with an empty name, known tags, balanced
 * nesting, properties inside nodes, property names inside the strings
 * block, nothing but FDT_END after the root.  Whatever it accepts,
 * libfdt's fdt_check_full() accepts.  Returns 0, or DT_ERR_ALIGNMENT,
 * DT_ERR_TRUNCATED, DT_ERR_BADMAGIC, DT_ERR_BADVERSION, DT_ERR_BADLAYOUT,
 * DT_ERR_BADSTRUCTURE.
 */
int dt_check(const void *fdt, size_t max_size);

/*
 * Copy a checked blob into @buf (which may overlap @fdt) and give it
 * @bufsize bytes of totalsize and version 17, so that the fix-ups can use
 * the free space at its end; what fdt_open_into() does with blocks in
 * order, the only ones dt_check() accepts.  Only the blocks are copied
 * (dt_used_size()): a tree padded to a large totalsize, as QEMU's are,
 * needs no more room than its content.  Returns 0, DT_ERR_NOSPACE
 * (@bufsize < dt_used_size()), DT_ERR_ALIGNMENT.
 */
int dt_open_into(const void *fdt, void *buf, int bufsize);

/*
 * Trim the totalsize of a tree from dt_open_into() to the end of its
 * strings block (libfdt's fdt_pack() for a tree without gaps, what
 * dt_open_into() keeps): ARM Linux maps at most 2 MiB of DTB and rejects
 * a larger totalsize, however little of it is used.  Returns the new size.
 */
uint32_t dt_pack(void *fdt);

/* Bytes of a checked tree up to the end of its strings block, what
 * dt_pack() would leave. */
uint32_t dt_used_size(const void *fdt);

/* Short message for the DT_ERR_* codes the fix-ups return ("?" else). */
const char *dt_strerror(int err);

/* ---- Reading --------------------------------------------------------- */

/* Node at an absolute path ("/chosen"); a path not starting with '/'
 * begins with an alias from /aliases, whose value must be an absolute
 * path.  "name" also matches "name@unit".  Returns an offset,
 * DT_ERR_NOTFOUND, DT_ERR_BADPATH (unknown or relative alias). */
int dt_path_offset(const void *fdt, const char *path);

/* Value of a property, its length in *lenp.  Returns NULL with the error
 * in *lenp: DT_ERR_NOTFOUND, DT_ERR_BADOFFSET, or @node if negative. */
const void *dt_getprop(const void *fdt, int node, const char *name, int *lenp);

/* ---- Boot fix-ups (on a tree from dt_open_into()) --------------------- */

struct dt_region {
	uint64_t base;
	uint64_t size;
};

/*
 * Prepare /chosen for the kernel: create it if missing; set bootargs
 * (NULL: leave as is); set linux,initrd-start and linux,initrd-end as one
 * cell when the root #address-cells is 1, else two cells (what U-Boot
 * writes), or delete both when @initrd_start == @initrd_end == 0.  Other
 * properties (stdout-path...) are kept.  On error the tree is valid but may
 * be partly updated.  Returns 0, DT_ERR_NOSPACE, DT_ERR_BADVALUE (end
 * before start, or beyond 4 GiB with one cell), DT_ERR_BADNCELLS (root
 * #address-cells not 1 or 2).
 */
int dt_set_chosen(void *fdt, const char *bootargs,
		  uint64_t initrd_start, uint64_t initrd_end);

/* Set /chosen property @name (created with /chosen if missing) to the
 * string @s, its NUL included.  Returns 0, DT_ERR_NOSPACE. */
int dt_set_chosen_string(void *fdt, const char *name, const char *s);

/*
 * RAM from every available root child with device_type "memory" or named
 * "memory" / "memory@...", its reg decoded with the root #address-cells and
 * #size-cells (1 or 2; 0 size cells: no RAM); zero-sized entries are
 * skipped.  "Available": no status, or "okay" / "ok" (Linux's rule).  Fills
 * up to @max entries of @regions and their number in *n.  Returns 0 (*n
 * may be 0), DT_ERR_NOSPACE (more than @max entries; the first @max are
 * filled), DT_ERR_BADNCELLS.
 */
int dt_memory(const void *fdt, struct dt_region *regions, int max, int *n);

/*
 * Reserved memory: the /memreserve/ map, then the reg of every available
 * child of /reserved-memory (decoded with its #address-cells/#size-cells).
 * Zero-sized entries are skipped.  Returns as dt_memory().
 */
int dt_memreserve(const void *fdt, struct dt_region *regions, int max, int *n);

/* A UART a tree describes. */
struct dt_uart {
	uint64_t base;		/* CPU physical address */
	uint32_t kind;		/* CB_UART_* (blob.h) */
	uint32_t shift;		/* registers 1 << shift bytes apart */
};

/*
 * The console named by /chosen stdout-path (or linux,stdout-path), e.g.
 * "serial0:115200n8": options after ':' are ignored, an alias is resolved
 * through /aliases.  u->kind is the CB_UART_* of the first row of
 * SERIAL_COMPATS (serial.h) that starts a string of the node's compatible
 * list, CB_UART_8250_MMIO32 for an 8250 of reg-io-width 4; u->base the
 * node's first reg address translated through every parent's ranges
 * (empty ranges: identity; any mix of 1 and 2 address cells) to a CPU
 * physical address, as Linux's of_translate_address(); u->shift the
 * reg-shift property or the row's shift.  Returns 0, DT_ERR_NOTFOUND (no
 * stdout-path, no such node, or a UART the stub cannot drive),
 * DT_ERR_BADPATH (unknown alias), DT_ERR_BADVALUE (no reg, a parent
 * without ranges, or an address no ranges entry maps), DT_ERR_BADNCELLS
 * (more than 2 cells), DT_ERR_NOSPACE (path deeper than 16 nodes).
 * u->kind is CB_UART_NONE on any error.
 */
int dt_stdout_uart(const void *fdt, struct dt_uart *u);

/*
 * The UART Linux calls <tty><n> (console=ttyAMA0): the node of @alias
 * ("serial<n>", as of_alias_get_id() reads), else, when there is no such
 * alias, the @n-th (from 0) available node in tree order whose kind is
 * @want (CB_UART_*: the family of <tty>).  Returns as dt_stdout_uart();
 * DT_ERR_NOTFOUND also for an alias naming a UART of another kind.
 */
int dt_serial_uart(const void *fdt, uint32_t want, const char *alias, int n,
		   struct dt_uart *u);

/* Told the path of each item dt_merge_loader() carries ("/memory@0",
 * "/chosen/kaslr-seed"...): @path then @name, either may be "". */
typedef void dt_said_fn(void *ctx, const char *path, const char *name);

/*
 * Give @to, a packed DTB from dt_open_into() that describes the hardware,
 * the machine's own facts from @from, the loader's checked DTB (the policy
 * of docs/hardboot.md, "Which device tree the kernel gets"):
 * - when @from has RAM (dt_memory()), every memory node of @to is deleted
 *   and each memory node of @from copied in, reg re-encoded to @to's root
 *   #address-cells/#size-cells when they differ (entries they cannot hold
 *   are dropped);
 * - every /memreserve/ entry of @from that @to lacks is appended;
 * - every available child of @from's /reserved-memory is copied into
 *   @to's (created with @from's properties if missing), replacing a child
 *   of the same name, reg re-encoded likewise;
 * - /chosen kaslr-seed and rng-seed, then each path of @carry (@carry_len
 *   bytes of NUL-terminated absolute paths, blob.h CB_SEC_CARRY; NULL for
 *   none): a node with its subtree, replacing @to's, else the property
 *   its last component names; what @from lacks is skipped.
 * @said is told each item carried.  On error @to is valid but
 * partly merged.  Returns 0, DT_ERR_NOSPACE, DT_ERR_BADNCELLS, or a walk
 * error of either tree.
 */
int dt_merge_loader(void *to, const void *from, const char *carry, int carry_len,
		    dt_said_fn *said, void *ctx);

#define DT_PSCI_NONE	0
#define DT_PSCI_SMC	1
#define DT_PSCI_HVC	2

/* PSCI conduit from the method ("smc" or "hvc") of the root child named
 * "psci", the node name its binding requires.  Returns DT_PSCI_*;
 * DT_PSCI_NONE for anything else, never an error. */
int dt_psci_conduit(const void *fdt);

/* A ramoops region (Documentation/devicetree/bindings/reserved-memory/
 * ramoops.yaml): its reg and the sizes Linux reads, in the order of
 * RAMOOPS_*, 0 when absent. */
enum {
	RAMOOPS_RECORD,		/* record-size: each dmesg zone */
	RAMOOPS_CONSOLE,	/* console-size */
	RAMOOPS_FTRACE,		/* ftrace-size */
	RAMOOPS_PMSG,		/* pmsg-size */
	RAMOOPS_ECC,		/* ecc-size: ECC bytes per block, 0 without */
	RAMOOPS_NSIZES
};

struct dt_ramoops {
	uint64_t base;
	uint64_t size;
	uint32_t sz[RAMOOPS_NSIZES];
};

/* The first available child of /reserved-memory whose compatible list
 * holds "ramoops", its reg decoded with the parent's cells.  Returns 0,
 * DT_ERR_NOTFOUND, DT_ERR_BADVALUE (no reg), DT_ERR_BADNCELLS. */
int dt_ramoops(const void *fdt, struct dt_ramoops *r);

/*
 * How well @dtb suits the machine described by @board (the bootloader's
 * DTB): the index of the first string of @board's root compatible list
 * that @dtb's root compatible list also holds, 0 being the best.  Returns
 * the index, DT_ERR_NOTFOUND (no common string, or no compatible).
 */
int dt_root_compatible_match(const void *dtb, const void *board);

#endif
