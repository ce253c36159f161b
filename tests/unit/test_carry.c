/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Carry lists (hostpack/carry.c): the path rules, duplicates and the
 * CB_CARRY_MAX limit of carry_add(), and a table of CARRY sections that
 * carry_section_check() must refuse, each naming the check it hits.
 */
#include <string.h>
#include "carry.h"
#include "hostpack_test.h"

static const char *const good_paths[] = {
	"/serial-number", "/chosen/androidboot.serialno", "/chosen/linux,hwrev",
	"/soc/qcom,smem@86300000", "/a", "/reserved-memory/modem@86800000",
};

static const struct {
	const char *name;
	const char *path;
} bad_paths[] = {
	/* empty */
	{ "empty", "" },
	/* not absolute */
	{ "relative", "chosen/x" },
	{ "dot", "./chosen" },
	/* not printable ASCII without spaces */
	{ "space", "/chosen/a b" },
	{ "tab", "/chosen/a\tb" },
	{ "control", "/chosen/\x01" },
	{ "non-ascii", "/chosen/caf\xc3\xa9" },
	{ "del", "/chosen/\x7f" },
	/* ends with '/' */
	{ "root", "/" },
	{ "trailing-slash", "/chosen/" },
	/* empty component */
	{ "double-slash", "/chosen//x" },
	{ "leading-double-slash", "//chosen" },
};

static void path_rules(void)
{
	char longest[CB_CARRY_MAX + 1];
	unsigned int i;

	for (i = 0; i < sizeof(good_paths) / sizeof(good_paths[0]); i++)
		hp_check(carry_path_problem(good_paths[i]) == NULL, good_paths[i], "refused");
	for (i = 0; i < sizeof(bad_paths) / sizeof(bad_paths[0]); i++)
		hp_check(carry_path_problem(bad_paths[i].path) != NULL, bad_paths[i].name,
			 "accepted");
	/* with its NUL, exactly CB_CARRY_MAX: the longest path there can be */
	memset(longest, 'x', sizeof(longest));
	longest[0] = '/';
	longest[CB_CARRY_MAX - 1] = 0;
	hp_check(carry_path_problem(longest) == NULL, "path-1023", "refused");
	longest[CB_CARRY_MAX - 1] = 'x';
	longest[CB_CARRY_MAX] = 0;
	hp_check(carry_path_problem(longest) != NULL, "path-1024", "accepted");
}

static void lists(void)
{
	static const char want[] = "/b\0/a\0/chosen/c";
	struct carry_list l = { .len = 0 }, m = { .len = 0 };
	char words[] = "  /b\t/a  /b\n", path[16];
	unsigned int i;
	int err;

	err = carry_add_words(&l, words, HP_EINPUT, "words");
	err |= carry_add(&m, "/a", HP_EUSAGE, "--carry");
	err |= carry_add(&m, "/chosen/c", HP_EUSAGE, "--carry");
	err |= carry_merge(&l, &m, HP_EUSAGE, "--carry");
	hp_check(!err && l.len == sizeof(want) && memcmp(l.data, want, sizeof(want)) == 0,
		 "order-and-duplicates", "len %u", l.len);
	hp_check(carry_add(&l, "relative", HP_EUSAGE, "--carry") == HP_EUSAGE && l.len == sizeof(want),
		 "bad-path-code-and-list-unchanged", "len %u", l.len);
	/* 204 paths of 5 bytes: 1020; then one of 4 fits exactly, a fifth byte does not */
	memset(&l, 0, sizeof(l));
	for (i = 0, err = 0; i < 204; i++) {
		snprintf(path, sizeof(path), "/%03u", i);
		err |= carry_add(&l, path, HP_EINPUT, "fill");
	}
	err |= carry_add(&l, "/zz", HP_EINPUT, "fill");
	hp_check(!err && l.len == CB_CARRY_MAX, "fill-to-1024", "len %u", l.len);
	hp_check(carry_add(&l, "/y", HP_EINPUT, "fill") == HP_EINPUT && l.len == CB_CARRY_MAX,
		 "over-1024", "accepted");
	hp_check(carry_add(&l, "/000", HP_EINPUT, "fill") == 0, "duplicate-when-full",
		 "refused");
}

static const struct {
	const char *name;
	const char *bytes;
	size_t len;
} bad_sections[] = {
	/* len == 0 */
	{ "empty-section", "", 0 },
	/* last byte not NUL */
	{ "no-final-nul", "/chosen/a", 9 },
	{ "second-path-unended", "/a\0/b", 5 },
	/* carry_path_problem() of each path: empty entries */
	{ "only-nul", "\0", 1 },
	{ "empty-entry-between", "/a\0\0/b\0", 7 },
	{ "empty-entry-first", "\0/a\0", 4 },
	/* ... and the other path rules */
	{ "relative", "chosen/a\0", 9 },
	{ "second-relative", "/a\0b\0", 5 },
	{ "trailing-slash", "/chosen/\0", 9 },
	{ "double-slash", "/chosen//a\0", 11 },
	{ "space", "/a b\0", 5 },
};

static void sections(void)
{
	static const uint8_t good[] = "/serial-number\0/chosen/androidboot.serialno";
	static uint8_t big[CB_CARRY_MAX + 1];
	const char *p;
	size_t at = 0;
	char why[128];
	unsigned int i;

	hp_check(carry_section_check(good, sizeof(good), why, sizeof(why)) == 0,
		 "section-good", "%s", why);
	p = carry_next(good, sizeof(good), &at);
	hp_check(p && strcmp(p, "/serial-number") == 0 &&
		 (p = carry_next(good, sizeof(good), &at)) &&
		 strcmp(p, "/chosen/androidboot.serialno") == 0 &&
		 !carry_next(good, sizeof(good), &at), "section-iterate", "wrong paths");
	for (i = 0; i < sizeof(bad_sections) / sizeof(bad_sections[0]); i++)
		hp_check(carry_section_check((const uint8_t *)bad_sections[i].bytes,
					     bad_sections[i].len, why, sizeof(why)) != 0,
			 bad_sections[i].name, "accepted");
	/* len > CB_CARRY_MAX (blob_open() refuses it first, BLOB_ESECTSIZE) */
	memset(big, 'a', sizeof(big));
	big[0] = '/';
	big[CB_CARRY_MAX] = 0;
	hp_check(carry_section_check(big, sizeof(big), why, sizeof(why)) != 0,
		 "section-1025", "accepted");
}

int main(void)
{
	path_rules();
	lists();
	sections();
	return hp_test_done();
}
