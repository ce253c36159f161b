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
# --initrd a ramdisk the stub plans around. (kexec -s, kexec_file_load, and
# the bzImage64 loader want a relocatable 64-bit kernel: not yet.)

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

# [MARK=STUB-LOG-TEXT] blob NAME MODE EXPECTED-CMDLINE [KEXEC-ARG...]; an
# empty EXPECTED-CMDLINE means the packed one; MARK names the entry taken
# (default: multiboot).
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
	qemu_run "$name" qemu-system-x86_64 -m 1024 -nographic -no-reboot \
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
