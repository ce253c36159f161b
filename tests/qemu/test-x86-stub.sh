#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The Debian amd64 bzImage packed by hostpack boots through the x86 stub
# with `-kernel BLOB` and nothing else: every codec, 512 MiB to 5 GiB of
# RAM (a map above 4 GiB), -M pc and -M q35, and the command-line modes.
# The blob file is a bzImage, so QEMU takes the Linux path (it tries
# multiboot only when there is no "HdrS" at 0x202): its option ROM enters
# the real-mode setup code of the Linux front, which goes to the stub's
# 32-bit Linux entry with boot_params ("linux 53726448 10000" in the log).
# The same blob without its 1024-byte front is a multiboot kernel
# (ENTRY=mb: "mb 2badb002"). QEMU's -initrd is then a Linux ramdisk or a
# multiboot module, which QEMU puts high or right after the blob: the stub
# must plan around it, and hand the ramdisk to the kernel when no initrd
# is packed (INITRD=loader). Each kernel lists the stub's log under
# /sys/kernel/boot_params/setup_data/ (the same lines as the serial console).
# These are the bzImage path's tests (--x86-entry bzimage: with lz4 or
# deflate the Debian kernel would take the PVH fast path, which has no zero
# page to hand the log over in): test-pvh-x86.sh tests the fast path.

. "$(dirname "$0")/lib.sh"

kernel=$CB_CACHE/amd64/linux
initrd=$CB_BUILD/test-initramfs/x86-stub.cpio.gz
hostpack=$CB_BUILD/hostpack
need_files x86-stub "$kernel" "$hostpack" "$CB_CACHE/amd64/busybox" || exit 1
cb_initramfs amd64 "$initrd" || exit 1

# [ENTRY=mb] [INITRD=loader] [MACHINE=q35] boot NAME MEM CODEC MODE
#	QEMU-APPEND EXPECTED-CMDLINE [QEMU-ARG...]
boot() {
	local name=$1 mem=$2 codec=$3 mode=$4 qappend=$5 expect=$6
	local blob=$CB_BUILD/test-blobs/$name.blob packed="console=ttyS0 quiet chainboot.test=$name"
	local extra=("${@:7}") with_initrd=(--initrd "$initrd") marker="linux 53726448 "

	mkdir -p "$CB_BUILD/test-blobs"
	[ "${INITRD:-}" = loader ] && with_initrd=()
	if ! "$hostpack" pack --arch x86_64 --kernel "$kernel" "${with_initrd[@]}" \
		--cmdline "$packed" --cmdline-mode "$mode" --compress "$codec" \
		--x86-entry bzimage -o "$blob" >"$CB_LOGDIR/$name.pack" 2>&1; then
		echo "FAIL: $name: hostpack pack failed: $(tail -1 "$CB_LOGDIR/$name.pack")"
		return
	fi
	if [ "${ENTRY:-}" = mb ]; then
		tail -c +1025 "$blob" >"$blob.mb"
		blob=$blob.mb
		marker="mb 2badb002 "
	fi
	[ -n "$qappend" ] && extra+=(-append "$qappend")
	qemu_run "$name" qemu-system-x86_64 -M "${MACHINE:-pc}" -m "$mem" -nographic \
		-no-reboot -kernel "$blob" "${extra[@]}"
	check_x86_boot "$marker" "${expect:-$packed}"
	case $name in *-module* | *-ramdisk*) check_modules_clear ;; esac
	test_result "$name"
}

mkdir -p "$CB_LOGDIR"
for codec in lz4 deflate none; do
	boot "x86-$codec-512m" 512 "$codec" replace "" ""
done
boot x86-lz4-2g 2048 lz4 replace "" ""
boot x86-lz4-5g 5G lz4 replace "" ""
MACHINE=q35 boot x86-q35-lz4-512m 512 lz4 replace "" ""
MACHINE=q35 boot x86-q35-lz4-5g 5G lz4 replace "" ""
loader="console=ttyS0 from.loader=1"
boot x86-cmdline-append 512 lz4 append "$loader" \
	"$loader console=ttyS0 quiet chainboot.test=x86-cmdline-append"
boot x86-cmdline-keep 512 lz4 keep "$loader" "$loader"
# Any file will do as the loader's ramdisk: the test initramfs (about 1 MiB).
# The packed initrd wins; without one the kernel gets the loader's.
boot x86-ramdisk-512m 512 lz4 replace "" "" -initrd "$initrd"
INITRD=loader boot x86-ramdisk-loader-512m 512 lz4 replace "" "" -initrd "$initrd"
# The multiboot path: the blob without its Linux front.
ENTRY=mb boot x86-mb-lz4-512m 512 lz4 replace "" ""
ENTRY=mb boot x86-mb-lz4-5g 5G lz4 replace "" ""
ENTRY=mb boot x86-mb-cmdline-append 512 lz4 append "$loader" \
	"$loader console=ttyS0 quiet chainboot.test=x86-mb-cmdline-append"
ENTRY=mb boot x86-mb-module-512m 512 lz4 replace "" "" -initrd "$initrd"
# No packed initrd: the first multiboot module is the kernel's initrd.
ENTRY=mb INITRD=loader boot x86-mb-module-loader-512m 512 lz4 replace "" "" -initrd "$initrd"
