/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hostpack: packs, inspects, verifies and unpacks chainboot blobs.
 * Manual: docs/hostpack.1 and docs/hostpack.md.
 */
#include <stdio.h>
#include <string.h>
#include "blob.h"
#include "commands.h"
#include "front.h"
#include "hostpack.h"
#include "pack.h"
#include "stubimg.h"

static const char usage[] =
"usage: hostpack COMMAND ...\n"
"\n"
"  pack    build a blob from a kernel and its companions\n"
"  info    [--json] BLOB          print the header, section table, DTB policy\n"
"  verify  BLOB                   run every check the stub makes (and more)\n"
"  unpack  BLOB -d DIR            write the sections back out as files\n"
"  --version                      show the built-in stubs\n"
"\n"
"%s"
"\n"
"pack options:\n"
"  --arch armv7|arm64|x86_64  checked against the kernel (taken from it if absent)\n"
"  --kernel FILE            ARM zImage, Image, Image.gz (.xz .lzma .lz4 .lzo),\n"
"                           arm64 Image(.gz etc.) or EFI zboot, or x86 bzImage\n"
"  --bootimg FILE           Android boot image v0-v4: kernel, ramdisk, dtb,\n"
"                           cmdline; the options below replace its parts\n"
"  --initrd FILE            initramfs (cpio, compressed cpio) or initrd image\n"
"  --dtb FILE               ARM device tree(s); repeatable (default: the boot\n"
"                           image's dtb, else DTBs appended to the zImage)\n"
"  --cmdline TEXT           kernel command line (ARM <= 1023, x86 <= 2047 bytes)\n"
"  --cmdline-mode MODE      replace (default): ours wins; append: the loader's,\n"
"                           a space, ours; keep: the loader's if it has one\n"
"  --compress CODEC         kernel section: none, deflate (alias gzip) or lz4;\n"
"                           default lz4 for ARM, none for x86 (bzImage is\n"
"                           compressed already)\n"
"  --compress-initrd CODEC  initrd section, default none\n"
"  --board NAME|FILE        board data boards/NAME.conf (see --boards-dir)\n"
"  --boards-dir DIR         where NAME.conf files are (default: $CHAINBOOT_BOARDS,\n"
"                           then ../boards next to the executable)\n"
"  --carry PATH             ARM: a loader DTB node or property to carry into the\n"
"                           packed DTB; repeatable, after the board's carry list\n"
"  --text-offset N          ARM Image TEXT_OFFSET (default 0x8000; a zImage's\n"
"                           KLSZ tag gives it)\n"
"  --kernel-bss N           ARM BSS bytes after the Image (default 4M for an\n"
"                           Image; a zImage's KLSZ tag gives it)\n"
"  --quiet-stub             the stub prints errors only\n"
"  --stub FILE              use this stub image instead of the built-in one\n"
"  -o BLOB                  output, replaced atomically\n"
"\n"
"Numbers take 0x, and K, M, G suffixes.\n"
"\n"
"exit status: 0 success, 1 usage error, 2 bad input, 3 I/O error,\n"
"             4 verification failed\n";

static int version(void)
{
	uint16_t arch;

	printf("hostpack, chainboot blob format %u\n", CB_FORMAT_VERSION);
	for (arch = CB_ARCH_ARMV7; arch <= CB_ARCH_ARM64; arch++) {
		const uint8_t *p;
		size_t len;
		struct cb_stub_info si;

		if (stubimg_builtin(arch, &p, &len)) {	/* the stub after an x86 Linux front */
			size_t pre = front_linux_size(p, len);

			p += pre;
			len -= pre;
		}
		if (!len || len < CB_STUB_INFO_OFFSET + sizeof(si)) {
			printf("built-in %s stub: none\n", stubimg_arch_name(arch));
			continue;
		}
		memcpy(&si, p + CB_STUB_INFO_OFFSET, sizeof(si));
		printf("built-in %s stub: version %u.%u, %u bytes\n", stubimg_arch_name(arch),
		       si.version >> 16, si.version & 0xffff, si.image_size);
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : "";

	if (strcmp(cmd, "pack") == 0)
		return cmd_pack(argc - 1, argv + 1);
	if (strcmp(cmd, "info") == 0)
		return cmd_info(argc - 1, argv + 1);
	if (strcmp(cmd, "verify") == 0)
		return cmd_verify(argc - 1, argv + 1);
	if (strcmp(cmd, "unpack") == 0)
		return cmd_unpack(argc - 1, argv + 1);
	if (strcmp(cmd, "--version") == 0)
		return version();
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
		printf(usage, pack_usage);
		return 0;
	}
	if (!*cmd)
		return hp_error(HP_EUSAGE, NULL,
				"usage: hostpack COMMAND ... (pack, info, verify, unpack; see --help)");
	return hp_error(HP_EUSAGE, NULL, "unknown command '%s' (see hostpack --help)", cmd);
}
