#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# When the loader passes its own DTB in r2 and the blob carries a packed
# DTB, the kernel runs with the packed DTB but with the loader's memory
# facts (issue 14): every /memory bank, the /memreserve/ entries, the
# /reserved-memory children and /chosen kaslr-seed. QEMU virt, -kernel
# BLOB, QEMU's DTB in r2:
#
#   dtmerge-virt-less-ram   packed: virt at -m 2048; machine -m 1024
#   dtmerge-virt-more-ram   packed: virt at -m 1024; machine -m 2048
#   dtmerge-virt-reserved   packed: virt at -m 512 without seeds; machine
#                           -m 1024 with -dtb LOADER: virt at -m 1024 plus
#                           /memreserve/ 0x60000000+128 MiB, a no-map
#                           /reserved-memory carve-out at 0x50000000+1 MiB
#                           and QEMU's kaslr-seed
#   ...-zimage              controls: the plain zImage with -initrd, the
#                           same machine and loader DTB, no stub
#
# The initramfs's /extra-report (tests/dtmerge/extra-report) prints what
# /proc/device-tree holds; /memreserve/ entries leave no trace there, so
# MemTotal shows them: reserved memory is never counted. The carve-outs
# keep clear of where QEMU puts its DTB (0x48000000) and of every slot in
# the stub's plan (checked).

# shellcheck source=tests/qemu/lib.sh
. "$(dirname "$0")/lib.sh"

kernel=$CB_CACHE/armhf/vmlinuz
hostpack=${HOSTPACK:-$CB_BUILD/hostpack}
work=$CB_BUILD/test-dtmerge-arm
dtbs=$CB_CACHE/armhf/qemu-dtbs
initrd=$work/dtmerge.cpio.gz
need_files dtmerge-arm "$kernel" "$hostpack" "$CB_CACHE/armhf/busybox" \
	"$CB_CACHE/armhf/virt.dtb" "$dtbs/virt-1024m.dtb" "$dtbs/virt-2048m.dtb" ||
	exit 1
mkdir -p "$work/extra" "$CB_LOGDIR"
install -m 755 "$CB_ROOT/tests/dtmerge/extra-report" "$work/extra/extra-report"
cb_initramfs armhf "$initrd" --extra "$work/extra" || exit 1

QEMU_TIMEOUT=${QEMU_TIMEOUT:-60}
QEMU_STOP_ON=CHAINBOOT-INIT-DONE
mib=1024 # kB

# No slot of the stub's plan (" initrd 421f4000+117fd6" lines) overlaps
# the range.
check_plan_clear() { # start-hex size-hex
	local bad
	bad=$(tr -d '\r' <"$QEMU_LOG" | awk -v rs="$1" -v rz="$2" '
	function hex(s,   i, v) {	# mawk has no strtonum
		s = tolower(s); sub(/^0x/, "", s)
		for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
		return v
	}
	BEGIN { b = hex(rs); e = b + hex(rz) }
	/^ (kernel|blob|pgtable|params|initrd|dtb) [0-9a-f]+\+[0-9a-f]+$/ {
		n++; split($2, a, "+"); s = hex(a[1])
		if (s < e && b < s + hex(a[2])) printf "%s %s overlaps %s+%s; ", $1, $2, rs, rz }
	END { if (!n) print "no plan lines" }')
	[ -z "$bad" ] || CB_WHY+=("${bad%; }")
}

# boot NAME PACKED-DTB MEM [QEMU-ARG...]: pack and boot; leaves the checks
# of what the kernel got to the caller. PACKED-DTB "-" boots the plain
# zImage with -initrd and -append instead: the controls, whose kernel reads
# the loader's DTB itself, prove the expectations right.
boot() {
	local name=$1 dtb=$2 mem=$3 blob=$work/$1.blob
	local image=(-kernel "$blob")
	shift 3
	cmdline="console=ttyAMA0 quiet chainboot.test=$name"
	if [ "$dtb" = - ]; then
		image=(-kernel "$kernel" -initrd "$initrd" -append "$cmdline")
	elif ! "$hostpack" pack --arch armv7 --kernel "$kernel" --initrd "$initrd" \
		--dtb "$dtb" --cmdline "$cmdline" --compress lz4 -o "$blob" \
		>"$CB_LOGDIR/$name.pack" 2>&1; then
		CB_WHY+=("hostpack pack failed: $(tail -1 "$CB_LOGDIR/$name.pack")")
		return 1
	fi
	qemu_run "$name" qemu-system-arm -M virt -cpu cortex-a15 -m "$mem" \
		-nographic -no-reboot "${image[@]}" "$@"
	check_exit
	check_init_reached || return 1
	check_initrd_ok
	check_cmdline "$cmdline"
}

name=dtmerge-virt-less-ram
if boot "$name" "$dtbs/virt-2048m.dtb" 1024; then
	check_ram $((1024 * mib))
	check_line "DT: memory@40000000 reg 00000000 40000000 00000000 40000000"
fi
test_result "$name"

for name in dtmerge-virt-more-ram dtmerge-virt-more-ram-zimage; do
	dtb=$dtbs/virt-1024m.dtb
	[ "$name" = dtmerge-virt-more-ram ] || dtb=-
	if boot "$name" "$dtb" 2048; then
		check_ram $((2048 * mib))
		check_line "DT: memory@40000000 reg 00000000 40000000 00000000 80000000"
	fi
	test_result "$name"
done

# The loader's DTB: what QEMU makes at -m 1024, plus the reservations.
loader=$work/loader.dtb
packed=$work/packed.dtb
make_dtbs() {
	{
		dtc -q -I dtb -O dts "$dtbs/virt-1024m.dtb" |
			sed 's|^/dts-v1/;$|/dts-v1/;\n/memreserve/ 0x60000000 0x8000000;|'
		cat <<-'EOF'
		/ {
			reserved-memory {
				#address-cells = <2>;
				#size-cells = <2>;
				ranges;
				carveout@50000000 {
					reg = <0x0 0x50000000 0x0 0x100000>;
					no-map;
				};
			};
		};
		EOF
	} | dtc -q -I dts -O dtb -o "$loader" - || return
	# The packed DTB: 512 MiB, and no seeds, so only the loader has them.
	cp "$CB_CACHE/armhf/virt.dtb" "$packed" &&
		fdtput -d "$packed" /chosen kaslr-seed &&
		fdtput -d "$packed" /chosen rng-seed
}
rm -f "$loader" "$packed"
make_dtbs || rm -f "$loader"
for name in dtmerge-virt-reserved dtmerge-virt-reserved-zimage; do
	dtb=$packed
	[ "$name" = dtmerge-virt-reserved ] || dtb=-
	if [ ! -s "$loader" ]; then
		CB_WHY+=("cannot make the loader and packed DTBs (dtc, fdtput)")
	elif boot "$name" "$dtb" 1024 -dtb "$loader"; then
		# 1 GiB less the 128 MiB /memreserve/ and the 1 MiB no-map carve-out.
		check_ram $(((1024 - 128 - 1) * mib))
		check_line "DT: memory@40000000 reg 00000000 40000000 00000000 40000000"
		check_line "DT: reserved-memory/carveout@50000000 reg 00000000 50000000 00000000 00100000 no-map"
		check_line "DT: chosen/kaslr-seed 8 bytes"
		if [ "$dtb" != - ]; then
			check_plan_clear 50000000 100000
			check_plan_clear 60000000 8000000
		fi
	fi
	test_result "$name"
done
