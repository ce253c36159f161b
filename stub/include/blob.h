/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * chainboot blob format, version 1.  The single definition shared by the
 * stubs (C and assembly) and hostpack.  docs/blob-format.md is the prose.
 *
 * A blob is:  [stub image][pad to 64][cb_header + section table][sections]
 * Checksums are CRC-32 (IEEE 802.3, the one zlib's crc32() computes).
 * All fields are little-endian.  Every offset is from the first byte of the
 * blob.  Sections start on CB_SECT_ALIGN boundaries, in table order.
 */
#ifndef CHAINBOOT_BLOB_H
#define CHAINBOOT_BLOB_H

/* ---- Facts needed by assembly too ------------------------------------ */

#define CB_STUB_INFO_OFFSET	0x40		/* struct cb_stub_info, every arch */
#define CB_STUB_MAGIC		0x54534243	/* "CBST" */
#define CB_HDR_MAGIC		0x544f4243	/* "CBOT" */
#define CB_FORMAT_VERSION	1
#define CB_HDR_ALIGN		64
#define CB_SECT_ALIGN		64
#define CB_MAX_SECTIONS		16
#define CB_STUB_MAX_SIZE	32768		/* largest stub image (+bss) a blob may carry */

/* ARM zImage front (Linux arch/arm/boot/compressed/head.S) */
#define CB_ZIMAGE_MAGIC_OFFSET	0x24
#define CB_ZIMAGE_START_OFFSET	0x28
#define CB_ZIMAGE_END_OFFSET	0x2c
#define CB_ZIMAGE_ENDIAN_OFFSET	0x30
#define CB_ZIMAGE_MAGIC2_OFFSET	0x34
#define CB_ZIMAGE_TABLE_OFFSET	0x38
#define CB_ZIMAGE_MAGIC		0x016f2818
#define CB_ZIMAGE_ENDIAN	0x04030201
#define CB_ZIMAGE_MAGIC2	0x45454545
#define CB_ZIMAGE_KLSZ_TAG	0x5a534c4b	/* "KLSZ" */
/*
 * The ARM stub's zImage tag table (0x38 points here): one KLSZ tag of 6
 * words {6, KLSZ, inflated-size file offset, bss size, text offset, malloc
 * size} then a 0 word.  hostpack fills it so that zImage loaders
 * (kexec-tools) see the real kernel's needs: the size offset points at the
 * KERNEL section's `size` field, bss = mem_size - size, text offset = the
 * kernel's load_offset, malloc = the stub's stack_size.
 */
#define CB_ARM_TAGS_OFFSET	0x60
#define CB_ARM_TAGS_WORDS	7

/*
 * arm64 front: the Image header (Linux Documentation/arch/arm64/booting.rst),
 * 64 bytes before cb_stub_info.  image_size, written by hostpack, is the
 * blob's size rounded up to 16 bytes plus the stub's stack_size: loaders
 * keep that much free from the load address, and the stub finds its stack
 * area (the boot log first) at the end of the rounded blob.
 */
#define CB_A64_TEXT_OFFSET_OFF	0x08
#define CB_A64_IMAGE_SIZE_OFF	0x10
#define CB_A64_FLAGS_OFF	0x18
#define CB_A64_MAGIC_OFF	0x38
#define CB_A64_MAGIC		0x644d5241	/* "ARM\x64" */
#define CB_A64_FLAGS		0xa	/* little-endian, 4 KiB pages, placed anywhere */
#define CB_A64_RESTART_OFF	0x04	/* re-entry after relocation, x3 = STUB_F_* */
#define CB_A64_BLOB_ALIGN	16

/*
 * x86 front, two parts.  In the stub image: a jump to the 32-bit Linux
 * entry at offset 0 (a Linux loader enters the protected-mode part at its
 * start), then a multiboot v1 header with the a.out kludge.  Before the
 * blob, written by hostpack: the Linux boot sector and setup sector
 * (CB_LX_FRONT_SIZE bytes, from the stub build), so the file is a bzImage
 * whose protected-mode part is the blob.  Multiboot loads the blob from
 * file offset CB_LX_FRONT_SIZE as well (header_addr - load_addr = the
 * header's offset in the blob), so every loader puts it at CB_MB_LOAD_ADDR.
 *
 * load_end_addr is 0 ("the whole file", Multiboot 0.6.96 3.1.3), which GRUB
 * and QEMU take and kexec-tools' multiboot-x86 probe refuses ("load end
 * address < load address"): kexec-tools then picks its bzImage64 loader,
 * the one that also works with kexec_file_load (`kexec -s`, and the default
 * of kexec-tools 2.0.27 and later, whose multiboot loader dies in that
 * mode).  The blob's end at home, which the stub needs for its stack, is
 * the word at CB_X86_BLOB_END_OFFSET (hostpack).
 */
#define CB_MB_HEADER_OFFSET	0x04
#define CB_MB_MAGIC		0x1badb002
#define CB_MB_FLAGS		0x00010002	/* mem info + address fields */
#define CB_MB_LOAD_ADDR		0x00100000	/* where the x86 blob is loaded */
#define CB_MB_LOAD_END_OFFSET	0x14		/* offsets inside the mb header */
#define CB_MB_BSS_END_OFFSET	0x18
#define CB_X86_BLOB_END_OFFSET	0x24		/* CB_MB_LOAD_ADDR + blob_size */

/* The Linux front (Documentation/arch/x86/boot.rst): offsets in the file. */
#define CB_LX_SETUP_SECTS	1
#define CB_LX_FRONT_SIZE	((CB_LX_SETUP_SECTS + 1) * 512)
#define CB_LX_SETUP_SECTS_OFF	0x1f1
#define CB_LX_SYSSIZE_OFF	0x1f4	/* blob size in 16-byte units: hostpack */
#define CB_LX_BOOT_FLAG_OFF	0x1fe	/* 0xaa55 */
#define CB_LX_HDRS_OFF		0x202	/* "HdrS" */
#define CB_LX_VERSION_OFF	0x206
#define CB_LX_LOADFLAGS_OFF	0x211
#define CB_LX_CODE32_OFF	0x214
#define CB_LX_INITRD_MAX_OFF	0x22c
#define CB_LX_RELOC_OFF		0x234
#define CB_LX_XLOADFLAGS_OFF	0x236
#define CB_LX_CMDLINE_SIZE_OFF	0x238
#define CB_LX_PREF_ADDR_OFF	0x258	/* u64 */
#define CB_LX_INIT_SIZE_OFF	0x260	/* blob_size + stack_size + CB_LX_PARAMS_COPY: hostpack */
#define CB_LX_HDRS		0x53726448
#define CB_LX_VERSION		0x020c	/* 2.12: xloadflags, pref_address */
#define CB_LX_LOADED_HIGH	0x01
#define CB_LX_INITRD_MAX	0x7fffffff
#define CB_LX_CMDLINE_SIZE	2047	/* STUB_MAX_CMDLINE without the NUL */
/*
 * The 64-bit entry (+0x200 of the blob) may run anywhere, even above 4 GiB:
 * it moves the blob to CB_MB_LOAD_ADDR and copies the zero page and the
 * command line into CB_LX_PARAMS_COPY bytes after the blob's stack, all
 * below 4 GiB, then takes the 32-bit entry.  32-bit loaders still see a
 * kernel that is not relocatable (relocatable_kernel 0): they load it at
 * code32_start.  kexec_file_load and kexec-tools' bzImage64 loader want
 * both XLF bits and ignore relocatable_kernel.
 */
#define CB_LX_ENTRY64_OFF	0x200	/* in the blob */
#define CB_LX_XLF_KERNEL_64	0x01
#define CB_LX_XLF_ABOVE_4G	0x02	/* XLF_CAN_BE_LOADED_ABOVE_4G */
#define CB_LX_XLOADFLAGS	(CB_LX_XLF_KERNEL_64 | CB_LX_XLF_ABOVE_4G)
#define CB_LX_PARAMS_COPY	0x1800	/* zero page, then the command line */

/* cb_stub_info.features */
#define CB_FEAT_DEFLATE		(1 << 0)
#define CB_FEAT_LZ4		(1 << 1)
#define CB_FEAT_ATAGS		(1 << 2)
#define CB_FEAT_MERGE		(1 << 3)	/* loader DTB facts into the packed DTB; CARRY */
/* (CB_COMP_n, n > 0, is decoded by a stub with feature bit n - 1.) */

#define CB_ARCH_ARMV7		1
#define CB_ARCH_X86_64		2
#define CB_ARCH_ARM64		3

#ifndef __ASSEMBLER__
#include <stdint.h>
#include <stddef.h>

/* ---- The stub's self-description, at CB_STUB_INFO_OFFSET -------------- */

struct cb_stub_info {
	uint32_t magic;		/* CB_STUB_MAGIC */
	uint16_t info_size;	/* sizeof(struct cb_stub_info) */
	uint16_t arch;		/* CB_ARCH_* */
	uint32_t version;	/* stub version, major << 16 | minor */
	uint32_t image_size;	/* bytes of stub image (text+data), covered by stub_crc */
	uint32_t bss_size;	/* zeroed bytes after the image, inside the blob:
				 * the header starts at cb_header_offset(image_size + bss_size) */
	uint32_t stack_size;	/* bytes of stack the stub uses after the blob's end
				 * (the zImage convention: free RAM follows an image) */
	uint32_t features;	/* CB_FEAT_*: codecs and abilities built in */
	uint32_t reserved;	/* zero */
};


/* ---- The blob header ----------------------------------------------- */

struct cb_header {
	uint32_t magic;		/* CB_HDR_MAGIC */
	uint16_t version;	/* CB_FORMAT_VERSION; a stub rejects newer */
	uint16_t hdr_size;	/* sizeof(cb_header) + nsections * sizeof(cb_section) */
	uint16_t arch;		/* CB_ARCH_*; must match the stub's */
	uint16_t nsections;	/* 1..CB_MAX_SECTIONS */
	uint32_t flags;		/* CB_HF_*; undefined bits must be zero */
	uint32_t blob_size;	/* total bytes of the blob */
	uint32_t stub_crc;	/* CRC-32 of blob bytes [0, stub image_size) */
	uint32_t hdr_crc;	/* CRC-32 of hdr_size bytes with this field 0 */
	uint32_t reserved[2];	/* zero */
};

/* cb_header.flags */
#define CB_HF_QUIET		(1u << 0)	/* stub prints errors only */
#define CB_HF_CMDLINE_SHIFT	1
#define CB_HF_CMDLINE_MASK	(3u << CB_HF_CMDLINE_SHIFT)
#define CB_CMDLINE_REPLACE	0	/* packed command line replaces the loader's */
#define CB_CMDLINE_APPEND	1	/* loader's, a space, then the packed one */
#define CB_CMDLINE_KEEP		2	/* loader's if it has one, else the packed one */
#define CB_HF_KNOWN		(CB_HF_QUIET | CB_HF_CMDLINE_MASK)

struct cb_section {
	uint16_t type;		/* CB_SEC_* */
	uint8_t comp;		/* CB_COMP_* */
	uint8_t flags;		/* zero in v1 */
	uint32_t offset;	/* file offset, CB_SECT_ALIGN aligned */
	uint32_t stored_size;	/* bytes in the blob */
	uint32_t size;		/* bytes after decoding */
	uint32_t mem_size;	/* bytes needed at the destination (size + BSS) */
	uint32_t load_offset;	/* KERNEL on ARM: TEXT_OFFSET from RAM base */
	uint32_t crc;		/* CRC-32 of the stored bytes */
	uint32_t reserved;	/* zero */
};

#define CB_SEC_KERNEL		1	/* ARM: Image; x86: bzImage protected-mode part */
#define CB_SEC_INITRD		2
#define CB_SEC_DTB		3	/* may appear several times; chosen by compatible */
#define CB_SEC_CMDLINE		4	/* text without NUL */
#define CB_SEC_BOARD		5	/* struct cb_board */
#define CB_SEC_SETUP		6	/* x86: bzImage setup sectors (boot sector + setup) */
#define CB_SEC_CARRY		7	/* ARM: what to carry from the loader's DTB */
#define CB_SEC_PVH		8	/* x86 fast path: struct cb_pvh, instead of SETUP */
#define CB_SEC_LAST		CB_SEC_PVH

/*
 * CB_SEC_CARRY ("board style", docs/blob-format.md): stored uncompressed,
 * at most CB_CARRY_MAX bytes, a list of absolute device-tree paths each
 * ended by a NUL.  A path that names a node of the loader's DTB carries
 * that node with its subtree (replacing the packed DTB's node of that
 * path); otherwise its last component names a property of its parent node
 * ("/chosen/androidboot.serialno", "/serial-number"), carried when the
 * loader has it.  These come on top of what the stub always carries
 * (/memory, /memreserve/, /reserved-memory, /chosen kaslr-seed and
 * rng-seed).
 */
#define CB_CARRY_MAX		1024

/*
 * CB_SEC_PVH (x86 fast path, docs/blob-format.md): an x86 blob has either
 * SETUP (the bzImage path: KERNEL is the protected-mode part) or PVH, never
 * both.  With PVH, KERNEL is the memory image of the vmlinux's PT_LOAD
 * segments: its first byte goes to physical address load_offset, where the
 * kernel must run (its LOAD_PHYSICAL_ADDR); gaps and BSS between segments
 * are zeros in the image, the last segment's BSS is mem_size - size.  The
 * stub enters it at @entry (ELF note XEN_ELFNOTE_PHYS32_ENTRY) in 32-bit
 * protected mode, paging off, EBX = a struct hvm_start_info (version 1).
 * Stored uncompressed, exactly sizeof(struct cb_pvh) bytes.
 */
struct cb_pvh {
	uint32_t entry;		/* physical address, inside the KERNEL image */
	uint32_t reserved[3];	/* zero */
};

#define CB_COMP_NONE		0
#define CB_COMP_DEFLATE		1	/* raw deflate stream (RFC 1951) */
#define CB_COMP_LZ4		2	/* one raw LZ4 block */

/* ---- Board description (data from boards/, section CB_SEC_BOARD) ------ */

struct cb_board {
	char name[24];		/* NUL-padded */
	uint32_t uart_kind;	/* CB_UART_*; 0: take it from the DTB */
	uint32_t uart_base;	/* MMIO address or x86 I/O port */
	uint32_t uart_shift;	/* 8250 register stride shift */
	uint32_t ram_base;	/* used when no DTB /memory is found */
	uint32_t ram_size;
	uint32_t reset_kind;	/* CB_RESET_* */
	uint32_t reset_addr;	/* register to write, for CB_RESET_REG */
	uint32_t reset_value;
	uint32_t hardboot_page;	/* address of the hardboot page, 0 if none */
	uint32_t reserved[3];
};

#define CB_UART_NONE		0
#define CB_UART_PL011		1
#define CB_UART_8250_MMIO	2
#define CB_UART_8250_IO		3
#define CB_UART_8250_MMIO32	4	/* 8250, 32-bit accesses (reg-io-width 4) */
#define CB_UART_IMX		5	/* Freescale i.MX (fsl,imx21-uart) */
#define CB_UART_SAMSUNG		6	/* Samsung S5P/Exynos */
#define CB_UART_CADENCE		7	/* Cadence / Xilinx Zynq */
#define CB_UART_MSM		8	/* Qualcomm UARTDM */
#define CB_UART_KINDS		9	/* number of kinds, NONE included */

#define CB_RESET_NONE		0	/* halt */
#define CB_RESET_PSCI		1	/* PSCI SYSTEM_RESET, conduit from the DTB */
#define CB_RESET_REG		2	/* 32-bit write of reset_value to reset_addr */
#define CB_RESET_X86		3	/* port 0xcf9, then the keyboard controller */

/* ---- Layout pins -------------------------------------------------- */

_Static_assert(sizeof(struct cb_stub_info) == 32, "cb_stub_info size");
_Static_assert(offsetof(struct cb_stub_info, image_size) == 12, "image_size");
_Static_assert(offsetof(struct cb_stub_info, bss_size) == 16, "bss_size");
_Static_assert(offsetof(struct cb_stub_info, stack_size) == 20, "stack_size");
_Static_assert(sizeof(struct cb_header) == 36, "cb_header size");
_Static_assert(offsetof(struct cb_header, flags) == 12, "flags");
_Static_assert(offsetof(struct cb_header, blob_size) == 16, "blob_size");
_Static_assert(offsetof(struct cb_header, stub_crc) == 20, "stub_crc");
_Static_assert(offsetof(struct cb_header, hdr_crc) == 24, "hdr_crc");
_Static_assert(sizeof(struct cb_section) == 32, "cb_section size");
_Static_assert(offsetof(struct cb_section, offset) == 4, "offset");
_Static_assert(offsetof(struct cb_section, mem_size) == 16, "mem_size");
_Static_assert(offsetof(struct cb_section, crc) == 24, "crc");
_Static_assert(sizeof(struct cb_board) == 72, "cb_board size");
_Static_assert(sizeof(struct cb_pvh) == 16, "cb_pvh size");
_Static_assert(CB_STUB_INFO_OFFSET >= CB_ZIMAGE_TABLE_OFFSET + 4,
	       "stub info must not overlap the zImage header");
_Static_assert(CB_STUB_INFO_OFFSET >= CB_A64_MAGIC_OFF + 8,
	       "stub info must not overlap the arm64 Image header");
_Static_assert(CB_STUB_INFO_OFFSET >= CB_MB_HEADER_OFFSET + 32,
	       "stub info must not overlap the multiboot header");
_Static_assert(CB_ARM_TAGS_OFFSET >= CB_STUB_INFO_OFFSET + sizeof(struct cb_stub_info),
	       "ARM tag table must follow the stub info");
_Static_assert(CB_FEAT_DEFLATE == 1 << (CB_COMP_DEFLATE - 1) &&
	       CB_FEAT_LZ4 == 1 << (CB_COMP_LZ4 - 1), "codec feature bits");
_Static_assert(CB_HDR_ALIGN % 8 == 0 && CB_SECT_ALIGN % 8 == 0, "alignment");

/* Where the header starts: after the stub image and its zeroed bss. */
static inline uint32_t cb_header_offset(const struct cb_stub_info *si)
{
	return (si->image_size + si->bss_size + CB_HDR_ALIGN - 1) &
	       ~(uint32_t)(CB_HDR_ALIGN - 1);
}

static inline uint32_t cb_hdr_size(uint16_t nsections)
{
	return (uint32_t)sizeof(struct cb_header) +
	       nsections * (uint32_t)sizeof(struct cb_section);
}

static inline const struct cb_section *cb_sections(const struct cb_header *h)
{
	return (const struct cb_section *)(h + 1);
}

/* ---- Checking a blob (stub/blob.c; used by the stub and by hostpack) ---- */

struct crc32_table;

struct blob_view {
	const uint8_t *base;		/* first byte of the blob */
	const struct cb_stub_info *si;
	const struct cb_header *hdr;
	const struct cb_section *sec;	/* hdr->nsections entries */
	int bad;			/* index of the offending section, or -1 */
};

#define BLOB_ESTUBINFO	(-1)	/* no valid cb_stub_info at CB_STUB_INFO_OFFSET */
#define BLOB_EMAGIC	(-2)	/* header magic */
#define BLOB_EVERSION	(-3)	/* format version newer than this stub knows */
#define BLOB_EARCH	(-4)	/* header arch is not the stub's */
#define BLOB_EHDRSIZE	(-5)	/* hdr_size/nsections inconsistent or out of range */
#define BLOB_EFLAGS	(-6)	/* unknown flag or non-zero reserved field */
#define BLOB_ESIZE	(-7)	/* blob_size beyond what is available, or not the end of the last section */
#define BLOB_EHDRCRC	(-8)	/* header CRC mismatch */
#define BLOB_ESECTTYPE	(-9)	/* unknown section type, or a section repeated that must be unique */
#define BLOB_ESECTCOMP	(-10)	/* unknown or unsupported codec */
#define BLOB_ESECTRANGE	(-11)	/* section outside the blob, misaligned or overlapping */
#define BLOB_ESECTSIZE	(-12)	/* sizes inconsistent (stored vs decoded vs mem_size) */
#define BLOB_ENOKERNEL	(-13)	/* no kernel section, or the arch's mandatory section missing
				 * (x86: SETUP or PVH, exactly one of them) */
#define BLOB_ESTUBCRC	(-14)	/* the stub image's CRC mismatch */
#define BLOB_ESECTCRC	(-15)	/* a section's CRC mismatch */

/*
 * Check everything about @base that does not need a pass over the section
 * data: stub info, header fields, the header CRC and the section table rules
 * of docs/blob-format.md.  @avail bounds every read; @arch is the caller's
 * CB_ARCH_* (0 accepts any).  @features are the codecs the caller can decode
 * (CB_FEAT_*).  Fills @v.  Returns 0 or a BLOB_E* code (v->bad names the
 * section for section errors).
 */
int blob_open(struct blob_view *v, const void *base, size_t avail,
	      uint16_t arch, uint32_t features, const struct crc32_table *t);

/* CRC-32 of the stub image; 0 or BLOB_ESTUBCRC, with the value found in *found. */
int blob_check_stub(const struct blob_view *v, const struct crc32_table *t,
		    uint32_t *found);

/* CRC-32 of section @i's stored bytes; 0 or BLOB_ESECTCRC, value found in *found. */
int blob_check_section(const struct blob_view *v, unsigned int i,
		       const struct crc32_table *t, uint32_t *found);

/* The @nth (from 0) section of @type, or NULL. */
const struct cb_section *blob_find(const struct blob_view *v, uint16_t type,
				   unsigned int nth);

/* The CRC the header must carry: over hdr_size bytes with hdr_crc taken as 0. */
uint32_t blob_header_crc(const struct cb_header *h, const struct crc32_table *t);

/* Short names for messages: of a BLOB_E* code, a CB_SEC_* type, a CB_COMP_*
 * codec ("" for values outside the format). */
const char *blob_strerror(int err);
const char *blob_section_name(uint16_t type);
const char *blob_comp_name(uint8_t comp);

#endif /* __ASSEMBLER__ */
#endif /* CHAINBOOT_BLOB_H */
