/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hostpack helpers: the one-line error convention, allocation, whole-file
 * reads and atomic writes.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "hostpack.h"

int hp_error(int code, const char *file, const char *fmt, ...)
{
	va_list ap;

	fputs("hostpack: ", stderr);
	if (file)
		fprintf(stderr, "%s: ", file);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return code;
}

static void *oom(void *p)
{
	if (!p) {
		hp_error(HP_EIO, NULL, "out of memory");
		exit(HP_EIO);
	}
	return p;
}

void *hp_malloc(size_t n)
{
	return oom(malloc(n ? n : 1));
}

void *hp_calloc(size_t n)
{
	return oom(calloc(1, n ? n : 1));
}

void *hp_realloc(void *p, size_t n)
{
	return oom(realloc(p, n ? n : 1));
}

char *hp_strdup(const char *s)
{
	return oom(strdup(s));
}

void hp_buf_free(struct hp_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = 0;
}

static int read_all(int fd, uint8_t *p, size_t len)
{
	while (len) {
		ssize_t n = read(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? -errno : -EIO;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int hp_read_file(const char *path, size_t max, struct hp_buf *out)
{
	struct stat st;
	int fd, err;

	out->data = NULL;
	out->len = 0;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return hp_error(HP_EIO, path, "cannot open: %s", strerror(errno));
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return hp_error(HP_EINPUT, path, "not a regular file");
	}
	if ((uint64_t)st.st_size > max) {
		close(fd);
		return hp_error(HP_EINPUT, path, "too large (%llu bytes, limit %zu)",
				(unsigned long long)st.st_size, max);
	}
	out->len = (size_t)st.st_size;
	out->data = hp_malloc(out->len + 1);
	err = read_all(fd, out->data, out->len);
	close(fd);
	if (err) {
		hp_buf_free(out);
		return hp_error(HP_EIO, path, "read error: %s", strerror(-err));
	}
	out->data[out->len] = 0;
	return 0;
}

static int write_all(int fd, const uint8_t *p, size_t len)
{
	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* The mode a plain open(O_CREAT, 0666) would give, honouring the umask. */
static mode_t default_mode(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return 0666 & ~mask;
}

static void sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	/* Best effort: the rename is already atomic for readers. */
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

static int write_temp(int fd, const void *data, size_t len)
{
	int err = write_all(fd, data, len);

	if (!err && fchmod(fd, default_mode()) < 0)
		err = -errno;
	if (!err && fsync(fd) < 0)
		err = -errno;
	if (close(fd) < 0 && !err)
		err = -errno;
	return err;
}

int hp_write_atomic(const char *path, const void *data, size_t len)
{
	char *copy = hp_strdup(path), *base_copy = hp_strdup(path);
	const char *dir = dirname(copy), *base = basename(base_copy);
	size_t tlen = strlen(dir) + strlen(base) + 16;
	char *tmp = hp_malloc(tlen);
	int fd, err, code = 0;

	snprintf(tmp, tlen, "%s/.%s.XXXXXX", dir, base);
	fd = mkstemp(tmp);
	if (fd < 0) {
		code = hp_error(HP_EIO, path, "cannot create a temporary file in %s: %s",
				dir, strerror(errno));
		goto out;
	}
	err = write_temp(fd, data, len);
	if (!err && rename(tmp, path) < 0)
		err = -errno;
	if (err) {
		unlink(tmp);
		code = hp_error(HP_EIO, path, "cannot write: %s", strerror(-err));
		goto out;
	}
	sync_dir(dir);
out:
	free(tmp);
	free(copy);
	free(base_copy);
	return code;
}

bool hp_parse_u32(const char *s, uint32_t *out)
{
	unsigned long long v;
	unsigned int shift = 0;
	char *end;

	if (!s || *s < '0' || *s > '9')
		return false;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || end == s)
		return false;
	if (*end == 'K' || *end == 'k')
		shift = 10;
	else if (*end == 'M' || *end == 'm')
		shift = 20;
	else if (*end == 'G' || *end == 'g')
		shift = 30;
	if (shift)
		end++;
	if (*end || v > (UINT32_MAX >> shift))
		return false;
	*out = (uint32_t)(v << shift);
	return true;
}
