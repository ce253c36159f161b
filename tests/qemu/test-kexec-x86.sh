#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# A blob boots through Debian's own kexec-tools 2.0.25 from a running
# Debian amd64 kernel (QEMU, -m 1024). The first kernel is the plain Debian
# bzImage with -initrd/-append; its initramfs's /extra-init runs
# `kexec -l /blob` and `kexec -e` (tests/kexec/extra-init). kexec-tools
# takes the blob for a multiboot kernel (its multiboot-x86 loader: the
# blob starts with a multiboot v1 header) and enters it in 32-bit protected
# mode with EAX=0x2BADB002. The blob packs the same kernel with the ordinary
# test initramfs and a command line the first boot does not have.
#
# kexec-tools hands a multiboot kernel "IMAGE-PATH ARGS" as its command
# line (the multiboot convention, as GRUB and QEMU do): the append case
# checks that only ARGS reach the kernel, the keep case that "/blob " alone
# counts as no command line. One case adds a multiboot module (`--module`),
# which the stub must plan around.
#
# The blob file is a bzImage too (its Linux front): `--type=bzImage` makes
# kexec-tools use its 32-bit bzImage loader, which enters the blob's first
# byte with ESI = boot_params (the stub logs "linux 53726448 ..."), its
# --initrd a ramdisk the stub plans around.
#
# The 64-bit entry (+0x200, long mode, RSI = boot_params, anywhere):
# kexec-tools' bzImage64 loader (`--type=bzImage64`), which places blob and
# zero page top-down, above 4 GiB on a 5 GiB machine. The stub moves the
# blob to 1 MiB and copies the zero page and command line after it, then
# logs "linux 34366448 ..." ("Hd64"). Not here: `kexec -s` (kexec_file_load)
# with kexec-tools 2.0.25 ignores --type and takes the first loader whose
# probe matches, multiboot-x86, which cannot load in that mode ("Invalid
# memory segment"); kexec_file_load itself needs a direct caller.

. "$(dirname "$0")/lib.sh"
. "$CB_ROOT/tests/kexec/lib.sh"

kernel=$CB_CACHE/amd64/linux
hostpack=${HOSTPACK:-$CB_BUILD/hostpack}
work=$CB_BUILD/test-kexec-x86
initrd=$work/second.cpio.gz
need_files kexec-x86 "$kernel" "$hostpack" "$CB_CACHE/amd64/busybox" \
	"$CB_CACHE/amd64/kexec-root/sbin/kexec" || exit 1
mkdir -p "$work" "$CB_LOGDIR"
cb_initramfs amd64 "$initrd" || exit 1

first="console=ttyS0 quiet chainboot.stage=1"
# Two kernel boots in a row on a busy two-core machine: 120 s (a passing
# boot ends as soon as the second kernel powers off).
QEMU_TIMEOUT=${QEMU_TIMEOUT:-120}

# [MARK=STUB-LOG-TEXT] [MEM=MiB] blob NAME MODE EXPECTED-CMDLINE [KEXEC-ARG...];
# an empty EXPECTED-CMDLINE means the packed one; MARK names the entry taken
# (default: multiboot); MEM is the RAM (default 1024).
blob() {
	local name=$1 mode=$2 expect=$3 packed
	shift 3
	packed="console=ttyS0 quiet chainboot.stage=2 chainboot.test=$name"
	if ! "$hostpack" pack --arch x86_64 --kernel "$kernel" --initrd "$initrd" \
		--cmdline "$packed" --cmdline-mode "$mode" --compress lz4 \
		-o "$work/$name.blob" >"$CB_LOGDIR/$name.pack" 2>&1; then
		echo "FAIL: $name: hostpack pack failed: $(tail -1 "$CB_LOGDIR/$name.pack")"
		return
	fi
	kexec_stage1 amd64 "$work/$name.stage1.cpio.gz" "blob=$work/$name.blob" \
		-- /blob "$@" || return
	qemu_run "$name" qemu-system-x86_64 -m "${MEM:-1024}" -nographic -no-reboot \
		-kernel "$kernel" -initrd "$work/$name.stage1.cpio.gz" \
		-append "$first"
	check_kexec_loaded
	check_second_boot "${expect:-$packed}"
	check_marker "${MARK:-mb 2badb002 }"
	check_exit
	case $name in *-module* | *-ramdisk*) check_modules_clear ;; esac
	test_result "$name"
}

blob kexec-x86-blob replace ""
blob kexec-x86-blob-append append \
	"kexec.append=1 console=ttyS0 quiet chainboot.stage=2 chainboot.test=kexec-x86-blob-append" \
	--command-line=kexec.append=1
blob kexec-x86-blob-keep-empty keep ""
# A multiboot module loaded by kexec-tools (the first stage's /init script):
# the stub must read the module list and plan around it.
blob kexec-x86-blob-module replace "" --module=/init
blob kexec-x86-blob-mb-forced replace "" --type=multiboot-x86
# The Linux 32-bit entry through kexec-tools' bzImage loader.
MARK="linux 53726448 " blob kexec-x86-bz replace "" --type=bzImage
MARK="linux 53726448 " blob kexec-x86-bz-append append \
	"kexec.append=1 console=ttyS0 quiet chainboot.stage=2 chainboot.test=kexec-x86-bz-append" \
	--type=bzImage --command-line=kexec.append=1
MARK="linux 53726448 " blob kexec-x86-bz-ramdisk replace "" --type=bzImage --initrd=/init
# The 64-bit entry through kexec-tools' bzImage64 loader, also placed above
# 4 GiB (blob and zero page) on a 5 GiB machine.
L64="linux 34366448 "
MARK=$L64 blob kexec-x86-bz64 replace "" --type=bzImage64
MARK=$L64 blob kexec-x86-bz64-append append \
	"kexec.append=1 console=ttyS0 quiet chainboot.stage=2 chainboot.test=kexec-x86-bz64-append" \
	--type=bzImage64 --append=kexec.append=1
MARK=$L64 blob kexec-x86-bz64-reuse append \
	"$first console=ttyS0 quiet chainboot.stage=2 chainboot.test=kexec-x86-bz64-reuse" \
	--type=bzImage64 --reuse-cmdline
MARK=$L64 blob kexec-x86-bz64-ramdisk replace "" --type=bzImage64 --initrd=/init
# Here kexec-tools puts the --initrd above 4 GiB too (ext_ramdisk_image): out
# of the 32-bit planner's reach, so nothing to plan around (no ramdisk line).
MARK=$L64 MEM=5120 blob kexec-x86-bz64-5g-initrd append \
	"kexec.append=1 console=ttyS0 quiet chainboot.stage=2 chainboot.test=kexec-x86-bz64-5g-initrd" \
	--type=bzImage64 --append=kexec.append=1 --initrd=/init
