#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# GRUB 2 starts the blob: Debian's grub-pc (BIOS) from a `grub-mkrescue`
# ISO booted with `qemu-system-x86_64 -cdrom`, its console on COM1. The
# blob packs the Debian amd64 kernel and the test initramfs.
#
# - `linux /blob ARGS` (+ `initrd /ramdisk`): GRUB's Linux loader reads the
#   blob's setup header, loads the blob at code32_start (1 MiB) and enters
#   its first byte in 32-bit protected mode with ESI = boot_params
#   ("linux 53726448" in the stub's log). GRUB's ramdisk is planned around
#   when the blob packs an initrd, and is the kernel's initrd when it packs
#   none. GRUB puts "BOOT_IMAGE=/blob" in front of ARGS, as it does for
#   every Linux kernel.
# - `multiboot /blob ARGS` (+ `module /ramdisk`): the multiboot v1 header
#   with load_end_addr 0 ("the whole file"), EAX = 0x2BADB002 ("mb
#   2badb002"); GRUB passes "/blob ARGS" as the command line and the stub
#   drops the image path, as for every multiboot loader. The first module
#   is the kernel's initrd when the blob packs none.
#
# Each case boots its own ISO and ends as soon as the initramfs powers the
# machine off.

. "$(dirname "$0")/lib.sh"

kernel=$CB_CACHE/amd64/linux
hostpack=$CB_BUILD/hostpack
work=$CB_BUILD/test-grub-x86
initrd=$work/initramfs.cpio.gz
need_files grub-x86 "$kernel" "$hostpack" "$CB_CACHE/amd64/busybox" || exit 1
need_grub grub-x86 || exit 1
mkdir -p "$work" "$CB_LOGDIR"
cb_initramfs amd64 "$initrd" || exit 1

# [INITRD=loader] [MEM=MiB] [MACHINE=q35] grub NAME LOADER MODE GRUB-ARGS
#	EXPECTED-CMDLINE [ramdisk]
# LOADER is linux or multiboot; "ramdisk" adds GRUB's `initrd` or `module`
# with the test initramfs; an empty EXPECTED-CMDLINE means the packed one.
grub() {
	local name=$1 loader=$2 mode=$3 args=$4 expect=$5 ramdisk=${6:-}
	local packed="console=ttyS0 quiet chainboot.test=$name" dir=$work/$name
	local with_initrd=(--initrd "$initrd") marker="linux 53726448 "

	[ "${INITRD:-}" = loader ] && with_initrd=()
	[ "$loader" = multiboot ] && marker="mb 2badb002 "
	rm -rf "$dir"
	mkdir -p "$dir/iso"
	if ! "$hostpack" pack --arch x86_64 --kernel "$kernel" "${with_initrd[@]}" \
		--cmdline "$packed" --cmdline-mode "$mode" --compress lz4 --x86-entry bzimage \
		-o "$dir/iso/blob" >"$CB_LOGDIR/$name.pack" 2>&1; then
		echo "FAIL: $name: hostpack pack failed: $(tail -1 "$CB_LOGDIR/$name.pack")"
		return
	fi
	grub_iso "$name" "$dir" "$loader" "$args" ${ramdisk:+"$initrd"} || return
	qemu_run "$name" qemu-system-x86_64 -M "${MACHINE:-pc}" -m "${MEM:-512}" -nographic \
		-no-reboot -cdrom "$dir/grub.iso"
	check_x86_boot "$marker" "${expect:-$packed}"
	[ -n "$ramdisk" ] && [ "${INITRD:-}" != loader ] && check_modules_clear
	test_result "$name"
	rm -rf "$dir"
}

grub grub-linux linux replace "grub.arg=1" ""
# GRUB's Linux command line starts with BOOT_IMAGE=PATH, as for any kernel.
grub grub-linux-append linux append "grub.arg=1" \
	"BOOT_IMAGE=/blob grub.arg=1 console=ttyS0 quiet chainboot.test=grub-linux-append"
# GRUB's ramdisk beside the packed initrd: planned around, the packed wins.
grub grub-linux-ramdisk linux replace "" "" ramdisk
# No packed initrd: GRUB's ramdisk is the kernel's.
INITRD=loader grub grub-linux-loader-initrd linux replace "" "" ramdisk
MEM=5120 MACHINE=q35 grub grub-linux-q35-5g linux replace "" ""

grub grub-multiboot multiboot replace "grub.arg=1" ""
grub grub-multiboot-append multiboot append "grub.arg=1" \
	"grub.arg=1 console=ttyS0 quiet chainboot.test=grub-multiboot-append"
# A module beside the packed initrd: planned around, the packed wins.
grub grub-multiboot-module multiboot replace "" "" ramdisk
INITRD=loader grub grub-multiboot-loader-initrd multiboot replace "" "" ramdisk
MEM=5120 grub grub-multiboot-5g multiboot replace "" ""
