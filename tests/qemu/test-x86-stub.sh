#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The Debian amd64 bzImage packed by hostpack boots through the x86 stub
# with `-kernel BLOB` (multiboot) and nothing else: every codec, 512 MiB to
# 5 GiB of RAM (a map above 4 GiB), and the command-line modes.  One boot
# adds a multiboot module (QEMU's -initrd), which QEMU puts right after the
# blob, where the stub would otherwise place the zero page: the stub must
# plan around it.  Each kernel lists the stub's log under
# /sys/kernel/boot_params/setup_data/ (the same lines as the serial console).

. "$(dirname "$0")/lib.sh"

kernel=$CB_CACHE/amd64/linux
initrd=$CB_BUILD/test-initramfs/x86-stub.cpio.gz
hostpack=$CB_BUILD/hostpack
need_files x86-stub "$kernel" "$hostpack" "$CB_CACHE/amd64/busybox" || exit 1
cb_initramfs amd64 "$initrd" || exit 1

# boot NAME MEM CODEC MODE QEMU-APPEND EXPECTED-CMDLINE [QEMU-ARG...]
boot() {
	local name=$1 mem=$2 codec=$3 mode=$4 qappend=$5 expect=$6
	local blob=$CB_BUILD/test-blobs/$name.blob packed="console=ttyS0 quiet chainboot.test=$name"
	local extra=("${@:7}")

	mkdir -p "$CB_BUILD/test-blobs"
	if ! "$hostpack" pack --arch x86_64 --kernel "$kernel" --initrd "$initrd" \
		--cmdline "$packed" --cmdline-mode "$mode" --compress "$codec" \
		-o "$blob" >"$CB_LOGDIR/$name.pack" 2>&1; then
		echo "FAIL: $name: hostpack pack failed: $(tail -1 "$CB_LOGDIR/$name.pack")"
		return
	fi
	[ -n "$qappend" ] && extra+=(-append "$qappend")
	qemu_run "$name" qemu-system-x86_64 -m "$mem" -nographic -no-reboot \
		-kernel "$blob" "${extra[@]}"
	check_marker "chainboot 1.0: blob at"
	check_marker "starting kernel at"
	check_stub_log
	check_initrd_ok
	check_cmdline "${expect:-$packed}"
	check_exit
	case $name in *-module*) check_modules_clear ;; esac
	test_result "$name"
}

mkdir -p "$CB_LOGDIR"
for codec in lz4 deflate none; do
	boot "x86-$codec-512m" 512 "$codec" replace "" ""
done
boot x86-lz4-2g 2048 lz4 replace "" ""
boot x86-lz4-5g 5G lz4 replace "" ""
loader="console=ttyS0 from.loader=1"
boot x86-cmdline-append 512 lz4 append "$loader" \
	"$loader console=ttyS0 quiet chainboot.test=x86-cmdline-append"
boot x86-cmdline-keep 512 lz4 keep "$loader" "$loader"
# Any file will do as the module: the test initramfs (about 1 MiB).
boot x86-module-512m 512 lz4 replace "" "" -initrd "$initrd"
