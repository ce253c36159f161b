#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The arm64 stub's failure path: copies of a good LZ4 blob with one byte
# flipped (XOR 0xff) in the kernel section, the initrd section and the
# section table boot under QEMU (-no-reboot). The stub must name the check
# that failed (and the section), reset through PSCI (hvc at EL1, smc at EL2,
# as QEMU's DTB says; SYSTEM_RESET makes QEMU exit by itself), and the
# kernel must never start. `hostpack verify` must refuse each copy too.
# Then flips in the stub's own stored stream (at the end).

. "$(dirname "$0")/lib.sh"

name=arm64-corrupt
initrd=$CB_BUILD/test-initramfs/arm64-stub.cpio.gz
hostpack=${HOSTPACK:-$CB_BUILD/hostpack}
dir=$CB_BUILD/test-blobs/corrupt-arm64
good=$dir/good.blob
need_files "$name" "$CB_CACHE/arm64/Image" "$hostpack" "$CB_CACHE/arm64/busybox" || exit 1
cb_initramfs_arm64 "$initrd" || exit 1
mkdir -p "$dir" "$CB_LOGDIR"
if ! "$hostpack" pack --arch arm64 --kernel "$CB_CACHE/arm64/Image" --initrd "$initrd" \
	--cmdline "console=ttyAMA0 quiet" --compress lz4 -o "$good" >"$CB_LOGDIR/$name.pack" 2>&1; then
	echo "FAIL: $name: hostpack pack failed: $(tail -1 "$CB_LOGDIR/$name.pack")"
	exit 1
fi
# offset TYPE: the file offset of the middle of that section's stored bytes
offset() {
	"$hostpack" info --json "$good" | python3 -c 'import json, sys
for s in json.load(sys.stdin)["sections"]:
	if s["type"] == sys.argv[1]:
		print(s["offset"] + s["stored_size"] // 2)' "$1"
}
# The section table: 36 header bytes, then 32 per section; byte 8 of the
# first entry is its stored_size (blob.h).
table=$(( $("$hostpack" info --json "$good" | python3 -c 'import json, sys
print(min(s["offset"] for s in json.load(sys.stdin)["sections"]))') ))
hdr=$(python3 -c 'import sys
d = open(sys.argv[1], "rb").read()
print(d.find(b"CBOT"))' "$good")

# flip CASE OFFSET MACHINE-OPTS EXPECTED-MESSAGE
flip() {
	local case=$1 at=$2 mopts=$3 want=$4 blob=$dir/$1.blob
	cp "$good" "$blob"
	python3 -c 'import sys
f = open(sys.argv[1], "r+b"); f.seek(int(sys.argv[2])); b = f.read(1)
f.seek(int(sys.argv[2])); f.write(bytes([b[0] ^ 0xff]))' "$blob" "$at"
	"$hostpack" verify "$blob" >/dev/null 2>&1 && CB_WHY+=("hostpack verify accepted it")
	qemu_run "$name-$case" qemu-system-aarch64 -M "virt$mopts" -cpu cortex-a57 -m 1024 \
		-nographic -no-reboot -kernel "$blob"
	check_marker "$want"
	check_marker "chainboot: resetting (PSCI)"
	check_no_marker "starting kernel at"
	check_no_marker "Booting Linux"
	check_exit
	test_result "$name-$case"
}

[ "$hdr" -gt 0 ] && [ "$table" -gt "$hdr" ] || { echo "FAIL: $name: no header in $good"; exit 1; }
flip kernel-el1 "$(offset kernel)" "" "section 0 (kernel): expected CRC"
flip kernel-el2 "$(offset kernel)" ",virtualization=on" "section 0 (kernel): expected CRC"
flip initrd "$(offset initrd)" "" "(initrd): expected CRC"
flip section-table $((hdr + 36 + 8)) "" "chainboot: blob: "

# The stub's stored stream (ld/stub-arm64.lds, LZMA after _image_front):
# entry.S unpacks it and runs it only if its CRC-32 is the one the build
# recorded in run_crc, all before anything can print, so a damaged stream
# (or run_crc) stops there in wfi, silent: nothing to wait for but a short
# timeout.  Two bytes the decoder never reads (the range coder's first,
# always 0, and the last, the end marker's: the size is known) leave the
# run copy intact: then the stub's check of its own stored image (the
# header's stub CRC) names it and resets.  hostpack verify refuses all.
sym() { echo $((0x$(aarch64-linux-gnu-nm "$CB_BUILD/arm64/stub.elf" |
	awk -v s="$1" '$3 == s { print $1 }'))); }
front=$(sym _image_front)
stored=$(od -An -tu4 -j76 -N4 "$good" | tr -d ' ')
stub_flip() { # case offset silent|named
	local blob=$dir/$1.blob
	cp "$good" "$blob"
	python3 -c 'import sys
f = open(sys.argv[1], "r+b"); f.seek(int(sys.argv[2])); b = f.read(1)
f.seek(int(sys.argv[2])); f.write(bytes([b[0] ^ 0xff]))' "$blob" "$2"
	"$hostpack" verify "$blob" 2>&1 | grep -qi stub || CB_WHY+=("hostpack verify does not name the stub")
	if [ "$3" = silent ]; then
		QEMU_TIMEOUT=3 QEMU_STOP_ON="starting kernel" qemu_run "$name-$1" \
			qemu-system-aarch64 -M virt -cpu cortex-a57 -m 1024 -nographic -no-reboot \
			-kernel "$blob"
		check_no_marker "entry: "
	else
		QEMU_STOP_ON="starting kernel" qemu_run "$name-$1" qemu-system-aarch64 \
			-M virt -cpu cortex-a57 -m 1024 -nographic -no-reboot -kernel "$blob"
		check_marker "chainboot: stub: expected CRC"
		check_marker "chainboot: resetting (PSCI)"
		check_exit
	fi
	check_no_marker "starting kernel at"
	check_no_marker "Booting Linux"
	test_result "$name-$1"
}
[ "$front" -gt 0 ] && [ "$stored" -gt "$front" ] || { echo "FAIL: $name: no stub front in $good"; exit 1; }
stub_flip stub-stream-first "$front" named
stub_flip stub-stream-mid $(((front + stored) / 2)) silent
stub_flip stub-stream-last $((stored - 1)) named
stub_flip stub-run-crc "$(sym run_crc)" silent
