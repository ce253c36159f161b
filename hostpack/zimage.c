/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ARM zImage: header words at 0x24..0x38 (head.S), the tag table the word
 * at 0x38 points to (vmlinux.lds.S: entries {size in words, tag, data...}
 * ending with a size of 0), and the compressed payload, which Linux's build
 * follows with its LE32 inflated size (scripts/Makefile.lib size_append;
 * gzip carries it as its trailer ISIZE).
 */
#include <stdlib.h>
#include <string.h>
#include "blob.h"
#include "decomp.h"
#include "zimage.h"

#define ZIMAGE_MAX_TAGS		32	/* a real table has one or two */
#define ZIMAGE_MAX_TRIES	64	/* candidate payload positions */
#define ZIMAGE_SCAN_START	0x40	/* after the header words */
#define LZ4_LEGACY_BLOCK	(8u * HP_MiB)

bool zimage_detect(const uint8_t *p, size_t len)
{
	return len >= CB_ZIMAGE_ENDIAN_OFFSET + 4 &&
	       hp_le32(p + CB_ZIMAGE_MAGIC_OFFSET) == CB_ZIMAGE_MAGIC;
}

static int read_klsz(const char *name, const uint8_t *p, uint32_t at,
		     uint32_t words, struct zimage_info *zi)
{
	if (words < 6)
		return hp_error(HP_EINPUT, name, "zImage KLSZ tag too short (%u words)", words);
	zi->has_klsz = true;
	zi->size_off = hp_le32(p + at + 8);
	zi->bss = hp_le32(p + at + 12);
	zi->text_offset = hp_le32(p + at + 16);
	zi->malloc_size = hp_le32(p + at + 20);
	if (zi->size_off < ZIMAGE_SCAN_START || zi->size_off > zi->end - 4)
		return hp_error(HP_EINPUT, name,
				"zImage KLSZ size offset 0x%x outside the zImage (0x%x bytes)",
				zi->size_off, zi->end);
	zi->inflated = hp_le32(p + zi->size_off);
	if (zi->inflated == 0 || zi->inflated > ZIMAGE_MAX_INFLATED)
		return hp_error(HP_EINPUT, name, "zImage inflated size %u implausible",
				zi->inflated);
	return 0;
}

static int walk_tags(const char *name, const uint8_t *p, uint32_t start,
		     struct zimage_info *zi)
{
	uint32_t at = hp_le32(p + CB_ZIMAGE_TABLE_OFFSET) - start;
	unsigned int n;

	for (n = 0; n < ZIMAGE_MAX_TAGS; n++) {
		uint32_t words;

		if (at % 4 || at < CB_ZIMAGE_TABLE_OFFSET + 4 || at > zi->end - 4)
			break;
		words = hp_le32(p + at);
		if (words == 0)
			return 0;
		if (words < 2 || words > (zi->end - at) / 4)
			break;
		if (hp_le32(p + at + 4) == CB_ZIMAGE_KLSZ_TAG)
			return read_klsz(name, p, at, words, zi);
		at += words * 4;
	}
	return hp_error(HP_EINPUT, name, "malformed zImage tag table");
}

int zimage_parse(const char *name, const uint8_t *p, size_t len,
		 struct zimage_info *zi)
{
	uint32_t start, end;

	memset(zi, 0, sizeof(*zi));
	zi->codec = -1;
	if (!zimage_detect(p, len))
		return hp_error(HP_EINPUT, name, "not a zImage");
	if (hp_le32(p + CB_ZIMAGE_ENDIAN_OFFSET) != CB_ZIMAGE_ENDIAN)
		return hp_error(HP_EINPUT, name, "big-endian zImage not supported");
	start = hp_le32(p + CB_ZIMAGE_START_OFFSET);
	end = hp_le32(p + CB_ZIMAGE_END_OFFSET);
	if (end <= start || end - start < 0x100)
		return hp_error(HP_EINPUT, name, "zImage start/end 0x%x/0x%x implausible",
				start, end);
	zi->end = end - start;
	if (zi->end > len)
		return hp_error(HP_EINPUT, name, "truncated zImage (%zu of %u bytes)",
				len, zi->end);
	/* Tables exist since Linux 4.15; older zImages stop at the endian flag. */
	if (hp_le32(p + CB_ZIMAGE_MAGIC2_OFFSET) != CB_ZIMAGE_MAGIC2)
		return 0;
	return walk_tags(name, p, start, zi);
}

/* .lzma header: the uncompressed size field (after props and dictionary
 * size) is "unknown" (all ones) in kernel builds, or the size itself. */
static bool lzma_header_ok(const uint8_t *p, size_t avail, uint32_t want)
{
	uint64_t size;

	if (avail < 13)
		return false;
	size = hp_le64(p + 5);
	return size == UINT64_MAX || (want ? size == want : size <= ZIMAGE_MAX_INFLATED);
}

/* With KLSZ: the stream must fill exactly zi->inflated bytes and end at the
 * size word (gzip: include it, it is the trailer's ISIZE). */
static bool try_klsz(const uint8_t *p, uint32_t pos, int codec,
		     const struct zimage_info *zi, uint8_t *image)
{
	size_t limit = zi->size_off + (codec == DECOMP_GZIP ? 4 : 0), out, used;

	if (pos >= limit)
		return false;
	if (decomp_run(codec, p + pos, limit - pos, image, zi->inflated, &out, &used))
		return false;
	return out == zi->inflated && used == limit - pos;
}

/*
 * An lz4 legacy frame has no end mark.  Walk its block chain: after k
 * blocks of 8 MiB (the last may be shorter) the size word S satisfies
 * 8 MiB * (k - 1) < S <= 8 MiB * k.  A block size can satisfy it too, so
 * this yields every candidate end after @after in turn (0: no more).
 */
static size_t lz4_chain_end(const uint8_t *p, size_t avail, size_t after)
{
	size_t at = 4, k = 0;

	while (avail - at >= 4 && k < ZIMAGE_MAX_INFLATED / LZ4_LEGACY_BLOCK) {
		uint64_t w = hp_le32(p + at);

		if (at > after && k > 0 && w > (k - 1) * (uint64_t)LZ4_LEGACY_BLOCK &&
		    w <= k * (uint64_t)LZ4_LEGACY_BLOCK)
			return at;
		if (w == 0 || w > avail - at - 4)
			return 0;
		at += 4 + w;
		k++;
	}
	return 0;
}

/* Decode to the stream's end; the size word must follow (gzip: it is the
 * trailer's ISIZE, which zlib checks). */
static bool try_plain_len(const uint8_t *p, uint32_t pos, int codec, size_t avail,
			  struct zimage_info *zi, struct hp_buf *image)
{
	size_t used;

	if (decomp_alloc(codec, p + pos, avail, ZIMAGE_MAX_INFLATED, image, &used))
		return false;
	if (codec == DECOMP_GZIP ||
	    (avail - used >= 4 && hp_le32(p + pos + used) == image->len)) {
		zi->inflated = (uint32_t)image->len;
		return true;
	}
	hp_buf_free(image);
	return false;
}

/* Without KLSZ.  lz4: try each candidate end, the size word included so
 * that it stops the decoder's block walk. */
static bool try_plain(const uint8_t *p, uint32_t pos, int codec,
		      struct zimage_info *zi, struct hp_buf *image)
{
	size_t avail = zi->end - pos, end = 0;

	if (codec != DECOMP_LZ4)
		return try_plain_len(p, pos, codec, avail, zi, image);
	while ((end = lz4_chain_end(p + pos, avail, end)) != 0)
		if (try_plain_len(p, pos, codec, end + 4, zi, image))
			return true;
	return false;
}

static bool try_at(const uint8_t *p, uint32_t pos, int codec,
		   struct zimage_info *zi, struct hp_buf *image)
{
	if (codec == DECOMP_LZMA &&
	    !lzma_header_ok(p + pos, zi->end - pos, zi->has_klsz ? zi->inflated : 0))
		return false;
	if (zi->has_klsz)
		return try_klsz(p, pos, codec, zi, image->data);
	return try_plain(p, pos, codec, zi, image);
}

int zimage_inflate(const char *name, const uint8_t *p,
		   struct zimage_info *zi, struct hp_buf *image)
{
	uint32_t pos, stop = zi->has_klsz ? zi->size_off : zi->end - 4;
	unsigned int tries = 0;

	image->data = NULL;
	image->len = 0;
	if (zi->has_klsz) {
		image->data = hp_malloc(zi->inflated);
		image->len = zi->inflated;
	}
	for (pos = ZIMAGE_SCAN_START; pos < stop && tries < ZIMAGE_MAX_TRIES; pos++) {
		int codec = decomp_sniff(p + pos, zi->end - pos);

		if (codec < 0)
			continue;
		tries++;
		if (try_at(p, pos, codec, zi, image)) {
			zi->codec = codec;
			zi->payload_off = pos;
			return 0;
		}
	}
	hp_buf_free(image);
	return hp_error(HP_EINPUT, name,
			"no compressed kernel payload found (%u candidate%s tried)",
			tries, tries == 1 ? "" : "s");
}
