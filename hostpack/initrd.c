/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Initrd sanity: recognise the format by its magic (Linux init/initramfs.c
 * and lib/decompress.c list what the kernel takes), and run gzip and xz
 * streams through their decoders, throwing the output away.
 */
#include <string.h>
#include <lzma.h>
#include <zlib.h>
#include "decomp.h"
#include "initrd.h"

#define SCRATCH		(64u * HP_KiB)
#define EXT2_MAGIC_AT	1080

static int gzip_ok(const uint8_t *p, size_t len)
{
	uint8_t scratch[SCRATCH];
	z_stream z;
	int ret;

	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
		return -1;
	z.next_in = (Bytef *)p;
	z.avail_in = len > UINT32_MAX ? UINT32_MAX : (uInt)len;
	do {
		z.next_out = scratch;
		z.avail_out = sizeof(scratch);
		ret = inflate(&z, Z_NO_FLUSH);
	} while (ret == Z_OK);
	inflateEnd(&z);
	return ret == Z_STREAM_END ? 0 : -1;
}

static int xz_ok(const uint8_t *p, size_t len)
{
	lzma_stream s = LZMA_STREAM_INIT;
	uint8_t scratch[SCRATCH];
	lzma_ret ret;

	if (lzma_stream_decoder(&s, UINT64_MAX, 0) != LZMA_OK)
		return -1;
	s.next_in = p;
	s.avail_in = len;
	do {
		s.next_out = scratch;
		s.avail_out = sizeof(scratch);
		ret = lzma_code(&s, LZMA_FINISH);
	} while (ret == LZMA_OK);
	lzma_end(&s);
	return ret == LZMA_STREAM_END ? 0 : -1;
}

static bool known_magic(const uint8_t *p, size_t len)
{
	static const uint8_t bzip2[] = { 'B', 'Z', 'h' };
	static const uint8_t zstd[] = { 0x28, 0xb5, 0x2f, 0xfd };
	static const uint8_t cramfs[] = { 0x45, 0x3d, 0xcd, 0x28 };

	if (len >= 6 && (memcmp(p, "070701", 6) == 0 || memcmp(p, "070702", 6) == 0))
		return true;
	if (len >= 4 && (memcmp(p, bzip2, 3) == 0 || memcmp(p, zstd, 4) == 0 ||
			 memcmp(p, "hsqs", 4) == 0 || memcmp(p, cramfs, 4) == 0))
		return true;
	return len >= EXT2_MAGIC_AT + 2 && hp_le16(p + EXT2_MAGIC_AT) == 0xef53;
}

int initrd_check(const char *name, const uint8_t *p, size_t len)
{
	int codec = decomp_sniff(p, len);

	if (len == 0)
		return hp_error(HP_EINPUT, name, "empty initrd");
	if (codec == DECOMP_GZIP && gzip_ok(p, len))
		return hp_error(HP_EINPUT, name, "corrupt or truncated gzip initrd");
	if (codec == DECOMP_XZ && xz_ok(p, len))
		return hp_error(HP_EINPUT, name, "corrupt or truncated xz initrd");
	if (codec < 0 && !known_magic(p, len))
		return hp_error(HP_EINPUT, name,
				"not an initramfs (cpio, compressed cpio) or initrd image");
	return 0;
}
