#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# A blob boots through Debian's own kexec-tools 2.0.25 from a running
# Debian armmp kernel (QEMU virt, -m 1024, SVC and HYP). The first kernel is
# the plain Debian zImage with -initrd/-append; its initramfs's /extra-init
# runs `kexec -l /blob` and `kexec -e` (tests/kexec/extra-init). The blob
# packs the same kernel with the ordinary test initramfs and a command line
# the first boot does not have, so the second boot is told apart. One blob
# packs a DTB whose /memory is wrong (2 GiB): the second kernel must see the
# running kernel's 1 GiB.
#
# Also, side by side, the pitfall the blob removes (NOTES.md section 3):
# `kexec -l` of the plain zImage without --image-size does not come up on
# this machine. That case PASSes when the plain zImage fails to boot within
# the timeout, and is labelled "expected failure of the plain zImage". A
# control boots the same plain zImage with --image-size=0x4000000.

. "$(dirname "$0")/lib.sh"
. "$CB_ROOT/tests/kexec/lib.sh"

kernel=$CB_CACHE/armhf/vmlinuz
hostpack=${HOSTPACK:-$CB_BUILD/hostpack}
work=$CB_BUILD/test-kexec-arm
initrd=$work/second.cpio.gz
need_files kexec-arm "$kernel" "$hostpack" "$CB_CACHE/armhf/busybox" \
	"$CB_CACHE/armhf/kexec-root/sbin/kexec" || exit 1
mkdir -p "$work" "$CB_LOGDIR"
cb_initramfs armhf "$initrd" || exit 1

first="console=ttyAMA0 quiet chainboot.stage=1"
# Two kernel boots in a row on a busy two-core machine: 120 s (a passing
# boot ends as soon as the second kernel powers off).
QEMU_TIMEOUT=${QEMU_TIMEOUT:-120}

# pack NAME MODE CMDLINE [DTB]: the blob of the same kernel, LZ4, with
# that DTB packed if given.
pack() {
	local dtb=()
	[ -n "${4:-}" ] && dtb=(--dtb "$4")
	"$hostpack" pack --arch armv7 --kernel "$kernel" --initrd "$initrd" \
		"${dtb[@]}" --cmdline "$3" --cmdline-mode "$2" --compress lz4 \
		-o "$work/$1.blob" >"$CB_LOGDIR/$1.pack" 2>&1 && return
	echo "FAIL: $1: hostpack pack failed: $(tail -1 "$CB_LOGDIR/$1.pack")"
	return 1
}

# run NAME MACHINE-OPTS STAGE1: boot the first kernel with that initramfs.
run() {
	qemu_run "$1" qemu-system-arm -M "virt$2" -cpu cortex-a15 -m 1024 \
		-nographic -no-reboot -kernel "$kernel" -initrd "$3" \
		-append "$first"
}

# blob NAME MACHINE-OPTS MODE EXPECTED-CMDLINE [KEXEC-ARG...]; an empty
# EXPECTED-CMDLINE means the packed one.
blob() {
	local name=$1 mopts=$2 mode=$3 expect=$4 packed
	shift 4
	packed="console=ttyAMA0 quiet chainboot.stage=2 chainboot.test=$name"
	pack "$name" "$mode" "$packed" || return
	kexec_stage1 armhf "$work/$name.stage1.cpio.gz" "blob=$work/$name.blob" \
		-- /blob "$@" || return
	run "$name" "$mopts" "$work/$name.stage1.cpio.gz"
	check_kexec_loaded
	check_second_boot "${expect:-$packed}"
	check_exit
	test_result "$name"
}

blob kexec-arm-blob-svc "" replace ""
blob kexec-arm-blob-hyp ",virtualization=on" replace ""
# kexec-tools writes --append into the DTB's /chosen/bootargs; the blob in
# append mode puts its packed line after it.
blob kexec-arm-blob-append "" append \
	"kexec.append=1 console=ttyAMA0 quiet chainboot.stage=2 chainboot.test=kexec-arm-blob-append" \
	--append=kexec.append=1

# The blob packs a DTB with the wrong memory: QEMU virt's at -m 2048. The
# running kernel has 1 GiB, and kexec-tools passes its DTB (that memory) in
# r2: the second kernel must run with the running kernel's memory (issue
# 14), not hang in RAM that is not there.
name=kexec-arm-blob-dtb-memory
packed="console=ttyAMA0 quiet chainboot.stage=2 chainboot.test=$name"
if need_files "$name" "$CB_CACHE/armhf/qemu-dtbs/virt-2048m.dtb" &&
	pack "$name" replace "$packed" "$CB_CACHE/armhf/qemu-dtbs/virt-2048m.dtb" &&
	kexec_stage1 armhf "$work/$name.stage1.cpio.gz" "blob=$work/$name.blob" \
		-- /blob; then
	run "$name" "" "$work/$name.stage1.cpio.gz"
	check_kexec_loaded
	check_second_boot "$packed"
	second=$(_kexec_second)
	grep -q '^CHAINBOOT-INIT-START' <<<"$second" && check_ram $((1024 * 1024)) "$second"
	check_exit
	test_result "$name"
fi

# The pitfall: the plain zImage, with the same initrd and a stage-2 line.
# Control first: with --image-size big enough (NOTES.md section 3) the same
# command boots, so the setup itself is sound.
plain="console=ttyAMA0 quiet chainboot.stage=2"
ctl_time=
if kexec_stage1 armhf "$work/plain-sized.stage1.cpio.gz" "vmlinuz=$kernel" \
	"initrd=$initrd" -- /vmlinuz --initrd=/initrd "--command-line=$plain" \
	--image-size=0x4000000; then
	run kexec-arm-plain-zimage-image-size "" "$work/plain-sized.stage1.cpio.gz"
	ctl_time=$QEMU_TIME
	check_kexec_loaded
	check_second_boot "$plain"
	check_exit
	test_result kexec-arm-plain-zimage-image-size
fi

name="kexec-arm-plain-zimage (expected failure of the plain zImage)"
log=kexec-arm-plain-zimage
if kexec_stage1 armhf "$work/plain.stage1.cpio.gz" "vmlinuz=$kernel" \
	"initrd=$initrd" -- /vmlinuz --initrd=/initrd "--command-line=$plain"; then
	# Give the plain zImage twice what the control took (+2 s), at least
	# 30 s, so a slow (loaded) machine cannot turn a late boot into a pass.
	limit=${KEXEC_PLAIN_TIMEOUT:-30}
	ctl=${ctl_time%.*}
	[ -n "$ctl" ] && [ $((2 * ctl + 2)) -gt "$limit" ] && limit=$((2 * ctl + 2))
	[ "$limit" -gt 150 ] && limit=150
	QEMU_TIMEOUT=$limit run "$log" "" "$work/plain.stage1.cpio.gz"
	check_kexec_loaded
	check_no_second_boot
	test_result "$name"
fi
