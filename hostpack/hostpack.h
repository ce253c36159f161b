/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hostpack: shared helpers.  Error convention: the function that finds a
 * problem prints the one line "hostpack: FILE: problem" (hp_error) and
 * returns one of the HP_E* exit codes; callers pass that code up unchanged
 * and print nothing more.  0 is success.
 */
#ifndef HOSTPACK_H
#define HOSTPACK_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
	       "blob.h structures are used in place: little-endian hosts only");

/* Exit codes, documented in `hostpack --help` and hostpack(1). */
#define HP_OK		0
#define HP_EUSAGE	1	/* bad or conflicting options */
#define HP_EINPUT	2	/* an input is malformed, unsupported or too large */
#define HP_EIO		3	/* cannot read an input or write the output */
#define HP_EVERIFY	4	/* the blob fails a check the stub makes */

#define HP_KiB		1024u
#define HP_MiB		(1024u * 1024u)

/* A byte buffer; @data is malloc'd (or NULL when empty) unless said otherwise. */
struct hp_buf {
	uint8_t *data;
	size_t len;
};

/* Print "hostpack: @file: <message>" (or "hostpack: <message>" when @file is
 * NULL) on stderr and return @code. */
int hp_error(int code, const char *file, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* malloc/calloc/realloc/strdup that print "out of memory" and exit(HP_EIO). */
void *hp_malloc(size_t n);
void *hp_calloc(size_t n);
void *hp_realloc(void *p, size_t n);
char *hp_strdup(const char *s);
void hp_buf_free(struct hp_buf *b);

/*
 * Read the whole regular file @path into @out (one NUL byte is kept after
 * the data so text parsers may use string functions).  Files larger than
 * @max bytes are refused.  Returns 0, HP_EIO or HP_EINPUT (too large, not
 * a regular file).
 */
int hp_read_file(const char *path, size_t max, struct hp_buf *out);

/*
 * Replace @path with @len bytes at @data atomically: a temporary file in
 * the same directory is written, fsync'ed and renamed over @path.  On any
 * failure @path is untouched and the temporary file removed.  Returns 0 or
 * HP_EIO.
 */
int hp_write_atomic(const char *path, const void *data, size_t len);

/* Parse an unsigned number: decimal, 0x hex or 0 octal, with an optional
 * K, M or G suffix (powers of 1024).  false if malformed or > UINT32_MAX. */
bool hp_parse_u32(const char *s, uint32_t *out);

static inline uint16_t hp_le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static inline uint32_t hp_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 |
	       (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint64_t hp_le64(const uint8_t *p)
{
	return hp_le32(p) | (uint64_t)hp_le32(p + 4) << 32;
}

static inline uint32_t hp_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static inline void hp_put_le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static inline size_t hp_align(size_t v, size_t a)
{
	return (v + a - 1) & ~(a - 1);
}

#endif
