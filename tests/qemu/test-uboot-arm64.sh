#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# U-Boot (Debian's u-boot-qemu, qemu_arm64) boots the arm64 blob with
# `booti` and its own DTB: QEMU hands the blob to U-Boot through fw_cfg
# (-kernel with -bios u-boot.bin), and U-Boot's distro boot command for
# it runs `qfw load`, then `booti $kernel_addr_r $ramdisk_addr_r:$filesize
# $fdtcontroladdr` (it also names a bogus ramdisk, the kernel's size at
# ramdisk_addr_r: the packed initrd replaces it).  At EL1, and at EL2
# (virtualization=on: U-Boot runs there and the kernel must too).

. "$(dirname "$0")/lib.sh"

uboot=/usr/lib/u-boot/qemu_arm64/u-boot.bin
image=$CB_CACHE/arm64/Image
initrd=$CB_BUILD/test-initramfs/arm64-stub.cpio.gz
hostpack=$CB_BUILD/hostpack
need_files uboot-arm64 "$uboot" "$image" "$hostpack" "$CB_CACHE/arm64/busybox" || exit 1
cb_initramfs_arm64 "$initrd" || exit 1

# boot NAME MEM MACHINE-OPTS EL
boot() {
	local name=$1 mem=$2 mopts=$3 el=$4
	local blob=$CB_BUILD/test-blobs/$name.blob cmd="console=ttyAMA0 quiet chainboot.test=$1"

	mkdir -p "$CB_BUILD/test-blobs"
	if ! "$hostpack" pack --arch arm64 --kernel "$image" --initrd "$initrd" --cmdline "$cmd" \
		-o "$blob" >"$CB_LOGDIR/$name.pack" 2>&1; then
		echo "FAIL: $name: hostpack pack failed: $(tail -1 "$CB_LOGDIR/$name.pack")"
		return
	fi
	qemu_run "$name" qemu-system-aarch64 -M "virt$mopts" -cpu cortex-a57 -m "$mem" \
		-bios "$uboot" -kernel "$blob" -nographic -no-reboot
	check_marker "Starting kernel ..."
	check_no_marker "Bad Linux ARM64 Image magic"
	check_marker "entry: $el, x0="
	check_marker "starting kernel at"
	check_stub_log
	check_initrd_ok
	check_cmdline "$cmd"
	check_ram $((mem * 1024))
	check_line "KERNEL-started-at-$el"
	check_exit
	test_result "$name"
}

mkdir -p "$CB_LOGDIR"
boot uboot-arm64-booti-el1 1024 "" EL1
boot uboot-arm64-booti-el2 2048 ",virtualization=on" EL2
