/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Stub images.  The built-in ones come from $(O)/hostpack/stubs.S, which
 * hostpack.mk generates: for each arch a start and an end symbol, equal
 * when that stub was not built in.
 */
#include <string.h>
#include "front.h"
#include "stubimg.h"

extern const uint8_t hp_stub_armv7_start[], hp_stub_armv7_end[];
extern const uint8_t hp_stub_x86_64_start[], hp_stub_x86_64_end[];
extern const uint8_t hp_stub_arm64_start[], hp_stub_arm64_end[];

#define STUB_MAX_FILE	(64u * HP_KiB)

const char *stubimg_arch_name(uint16_t arch)
{
	if (arch == CB_ARCH_ARMV7)
		return "armv7";
	if (arch == CB_ARCH_X86_64)
		return "x86_64";
	if (arch == CB_ARCH_ARM64)
		return "arm64";
	return "unknown";
}

uint16_t stubimg_arch_parse(const char *s)
{
	if (strcmp(s, "armv7") == 0)
		return CB_ARCH_ARMV7;
	if (strcmp(s, "x86_64") == 0)
		return CB_ARCH_X86_64;
	if (strcmp(s, "arm64") == 0 || strcmp(s, "aarch64") == 0)
		return CB_ARCH_ARM64;
	return 0;
}

bool stubimg_builtin(uint16_t arch, const uint8_t **p, size_t *len)
{
	if (arch == CB_ARCH_ARMV7) {
		*p = hp_stub_armv7_start;
		*len = (size_t)(hp_stub_armv7_end - hp_stub_armv7_start);
	} else if (arch == CB_ARCH_X86_64) {
		*p = hp_stub_x86_64_start;
		*len = (size_t)(hp_stub_x86_64_end - hp_stub_x86_64_start);
	} else if (arch == CB_ARCH_ARM64) {
		*p = hp_stub_arm64_start;
		*len = (size_t)(hp_stub_arm64_end - hp_stub_arm64_start);
	} else {
		*len = 0;
	}
	return *len != 0;
}

static int check_info(const char *name, const struct cb_stub_info *si,
		      size_t len, uint16_t arch)
{
	if (si->magic != CB_STUB_MAGIC || si->info_size != sizeof(*si))
		return hp_error(HP_EINPUT, name, "no stub info at 0x%x", CB_STUB_INFO_OFFSET);
	if (si->arch != arch)
		return hp_error(HP_EINPUT, name, "stub is for %s, not %s",
				stubimg_arch_name(si->arch), stubimg_arch_name(arch));
	if (si->image_size < CB_STUB_INFO_OFFSET + sizeof(*si) ||
	    si->image_size > CB_STUB_MAX_SIZE)
		return hp_error(HP_EINPUT, name, "stub image_size %u outside %zu..%u",
				si->image_size, CB_STUB_INFO_OFFSET + sizeof(*si),
				CB_STUB_MAX_SIZE);
	if (si->image_size > len + CB_HDR_ALIGN)
		return hp_error(HP_EINPUT, name, "stub image_size %u but only %zu bytes",
				si->image_size, len);
	if (si->bss_size > CB_STUB_MAX_SIZE || si->reserved != 0)
		return hp_error(HP_EINPUT, name, "stub bss_size or reserved field invalid");
	return 0;
}

int stubimg_check(const char *name, const uint8_t *p, size_t len, uint16_t arch)
{
	struct cb_stub_info si;
	const char *why;
	size_t i;
	int err;

	if (len < CB_STUB_INFO_OFFSET + sizeof(si))
		return hp_error(HP_EINPUT, name, "too short for a stub image (%zu bytes)", len);
	memcpy(&si, p + CB_STUB_INFO_OFFSET, sizeof(si));
	err = check_info(name, &si, len, arch);
	if (err)
		return err;
	/* Bytes past image_size would be outside the stub CRC and the blob. */
	for (i = si.image_size; i < len; i++)
		if (p[i])
			return hp_error(HP_EINPUT, name, "data after the stub's image_size (%u)",
					si.image_size);
	why = front_check_stub(p, len < si.image_size ? len : si.image_size, arch);
	if (why)
		return hp_error(HP_EINPUT, name, "bad %s front: %s",
				stubimg_arch_name(arch), why);
	return 0;
}

static int take_image(struct stub_image *s, const uint8_t *p, size_t len,
		      uint16_t arch)
{
	const char *why;
	int err;
	size_t pre = front_linux_size(p, len);

	/* The image after an x86 stub's Linux front: the stub info then names
	 * the arch of a stub given for the other one. */
	err = stubimg_check(s->name, p + pre, len - pre, arch);
	if (err)
		return err;
	if (arch == CB_ARCH_X86_64) {
		why = front_check_linux(p, len);
		if (why)
			return hp_error(HP_EINPUT, s->name, "bad Linux front: %s", why);
		s->front.len = CB_LX_FRONT_SIZE;
		s->front.data = hp_calloc(s->front.len);
		memcpy(s->front.data, p, s->front.len);
		p += CB_LX_FRONT_SIZE;
		len -= CB_LX_FRONT_SIZE;
	}
	memcpy(&s->info, p + CB_STUB_INFO_OFFSET, sizeof(s->info));
	s->image.len = s->info.image_size;
	s->image.data = hp_calloc(s->image.len);
	memcpy(s->image.data, p, len < s->image.len ? len : s->image.len);
	return 0;
}

int stubimg_load(uint16_t arch, const char *path, struct stub_image *s)
{
	struct hp_buf file;
	const uint8_t *p;
	size_t len;
	int err;

	memset(s, 0, sizeof(*s));
	if (!path) {
		s->name = arch == CB_ARCH_ARMV7 ? "built-in armv7 stub" :
			  arch == CB_ARCH_ARM64 ? "built-in arm64 stub" : "built-in x86_64 stub";
		if (!stubimg_builtin(arch, &p, &len))
			return hp_error(HP_EUSAGE, NULL,
					"this hostpack has no built-in %s stub: give --stub FILE",
					stubimg_arch_name(arch));
		return take_image(s, p, len, arch);
	}
	s->name = path;
	err = hp_read_file(path, STUB_MAX_FILE, &file);
	if (err)
		return err;
	err = take_image(s, file.data, file.len, arch);
	hp_buf_free(&file);
	return err;
}
