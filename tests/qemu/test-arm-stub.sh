#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The Debian armmp kernel packed by hostpack boots through the ARMv7 stub
# with `-kernel BLOB` and nothing else: every codec, 256 MiB to 2 GiB of
# RAM, SVC and HYP entry, and the command-line modes.  Each boot's kernel
# shows the stub's log in /proc/device-tree/chosen/chainboot,log, the same
# lines as the serial console (a quiet blob's too, which printed none).

. "$(dirname "$0")/lib.sh"

kernel=$CB_CACHE/armhf/vmlinuz
initrd=$CB_BUILD/test-initramfs/arm-stub.cpio.gz
hostpack=$CB_BUILD/hostpack
need_files arm-stub "$kernel" "$hostpack" "$CB_CACHE/armhf/busybox" || exit 1
cb_initramfs armhf "$initrd" || exit 1

# boot NAME MEM MACHINE-OPTS CODEC MODE QEMU-APPEND EXPECTED-CMDLINE [quiet]
boot() {
	local name=$1 mem=$2 mopts=$3 codec=$4 mode=$5 qappend=$6 expect=$7 quiet=$8
	local blob=$CB_BUILD/test-blobs/$name.blob packed="console=ttyAMA0 quiet chainboot.test=$name"
	local extra=() popts=()

	mkdir -p "$CB_BUILD/test-blobs"
	[ -n "$quiet" ] && popts=(--quiet-stub)
	if ! "$hostpack" pack --arch armv7 --kernel "$kernel" --initrd "$initrd" \
		--cmdline "$packed" --cmdline-mode "$mode" --compress "$codec" "${popts[@]}" \
		-o "$blob" >"$CB_LOGDIR/$name.pack" 2>&1; then
		echo "FAIL: $name: hostpack pack failed: $(tail -1 "$CB_LOGDIR/$name.pack")"
		return
	fi
	[ -n "$qappend" ] && extra=(-append "$qappend")
	qemu_run "$name" qemu-system-arm -M "virt$mopts" -cpu cortex-a15 -m "$mem" \
		-nographic -no-reboot -kernel "$blob" "${extra[@]}"
	if [ -z "$quiet" ]; then
		check_marker "chainboot 1.0: blob at"
		check_marker "starting kernel at"
	fi
	check_stub_log $quiet
	check_initrd_ok
	check_cmdline "${expect:-$packed}"
	check_exit
	test_result "$name"
}

mkdir -p "$CB_LOGDIR"
for codec in lz4 deflate none; do
	for mem in 256 1024 2048; do
		boot "arm-$codec-${mem}m-svc" "$mem" "" "$codec" replace "" ""
	done
done
for mem in 256 1024 2048; do
	boot "arm-lz4-${mem}m-hyp" "$mem" ",virtualization=on" lz4 replace "" ""
done
loader="console=ttyAMA0 from.loader=1"
boot arm-cmdline-append 512 "" lz4 append "$loader" \
	"$loader console=ttyAMA0 quiet chainboot.test=arm-cmdline-append"
boot arm-cmdline-keep 512 "" lz4 keep "$loader" "$loader"
# A quiet blob prints no info line, yet the kernel gets its whole log.
boot arm-quiet-log 512 "" lz4 replace "" "" quiet
