#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The failure record that survives the reset (docs/hardboot.md): a blob
# with a flipped kernel byte, on a machine whose device tree has a ramoops
# region.  The stub must write its log, failure included, into the region's
# console zone, then reset.  QEMU turns the reset into a pause, saves the
# region (tests/qemu/pstore-dump.py, QMP pmemsave) and the test reads it
# the way Linux's pstore/ram would (fs/pstore/ram.c, ram_core.c) -- the
# Debian armmp kernel we boot builds ramoops as a module that the installer
# kernel lacks, so the primary's /sys/fs/pstore/console-ramoops-0 is
# read here from the dump instead.
#
#   arm-ramoops-loader		QEMU -kernel, the loader's DTB (-dtb) has the
#				region: the record is the serial log, line by line
#   arm-ramoops-hardboot-nouart	the hardboot stand-in, the packed DTB has the
#				region, the board says uart = none (a phone
#				without a serial port): nothing on the serial,
#				the whole story in the record
#   arm-ramoops-no-console	control: a region without console-size: the
#				stub writes nothing there

. "$(dirname "$0")/lib.sh"

name=arm-ramoops
hostpack=${HOSTPACK:-$CB_BUILD/hostpack}
cross=${CROSS_COMPILE:-arm-none-eabi-}
blobtool=$CB_ROOT/tests/hardboot/blobtool.py
dump=$CB_ROOT/tests/qemu/pstore-dump.py
dtb=$CB_CACHE/armhf/qemu-dtbs/virt-1024m.dtb
dir=$CB_BUILD/ramoops
initrd=$CB_BUILD/test-initramfs/arm-ramoops.cpio.gz
need_files "$name" "$CB_CACHE/armhf/vmlinuz" "$dtb" "$hostpack" "$CB_CACHE/armhf/busybox" || exit 1
cb_initramfs armhf "$initrd" || exit 1
mkdir -p "$dir" "$CB_LOGDIR"

# The region: 1 MiB at the top of QEMU's 1 GiB (the tree's RAM: the stub
# writes nowhere else); sizes that are not powers
# of two, which Linux rounds down (record 0x4000, console 0x8000), and a
# pmsg zone: 61 dmesg zones of 0x4000, then the console zone at +0xf4000.
rbase=0x7f000000 rsize=0x100000 record=0x5000 console=0x9000 ftrace=0 pmsg=0x4000
zone=$((rbase + 0xf4000))

ramoops_dtb() { # out [console-size]
	local sizes="record-size = <$record>; pmsg-size = <$pmsg>;"
	[ -n "${2:-}" ] && sizes+=" console-size = <$2>;"
	{
		dtc -q -I dtb -O dts "$dtb"
		cat <<EOF
/ {
	reserved-memory {
		#address-cells = <2>;
		#size-cells = <2>;
		ranges;
		ramoops@${rbase#0x} {
			compatible = "ramoops";
			reg = <0x0 $rbase 0x0 $rsize>;
			$sizes
		};
	};
};
EOF
	} | dtc -q -I dts -O dtb -o "$1" -
}

if ! ramoops_dtb "$dir/ramoops.dtb" "$console" 2>"$CB_LOGDIR/$name-dtc.log" ||
	! ramoops_dtb "$dir/ramoops-no-console.dtb" 2>>"$CB_LOGDIR/$name-dtc.log"; then
	echo "FAIL: $name: dtc: $(tail -1 "$CB_LOGDIR/$name-dtc.log")"
	exit 1
fi
# A phone's tree names no console the stub can reach.
cp "$dir/ramoops.dtb" "$dir/ramoops-nostdout.dtb"
fdtput -d "$dir/ramoops-nostdout.dtb" /chosen stdout-path 2>>"$CB_LOGDIR/$name-dtc.log"

# bad_blob OUT PACK-OPTIONS...: a blob whose kernel has one byte flipped;
# sets k_idx, the kernel's section index.  CMDLINE defaults to the UART's.
bad_blob() {
	local out=$1 i t
	shift
	if ! "$hostpack" pack --arch armv7 --kernel "$CB_CACHE/armhf/vmlinuz" --initrd "$initrd" \
		--cmdline "${CMDLINE:-console=ttyAMA0}" --compress lz4 "$@" -o "$out.good" \
		>"$CB_LOGDIR/$(basename "$out").pack" 2>&1; then
		echo "FAIL: $name: hostpack pack failed: $(tail -1 "$CB_LOGDIR/$(basename "$out").pack")"
		return 1
	fi
	nsec=0 k_idx=0 k_off=0 k_size=0 # set from the layout:
	eval "$(python3 "$blobtool" layout "$out.good")"
	for ((i = 0; i < nsec; i++)); do
		eval "t=\$sec${i}_type"
		[ "$t" = kernel ] && eval "k_idx=$i k_off=\$sec${i}_off k_size=\$sec${i}_size"
	done
	python3 "$blobtool" flip "$out.good" $((k_off + k_size / 2)) "$out"
}

# run TEST QEMU-ARGS...: QEMU until the stub's reset, the region saved.
run() {
	local test=$1 t0 rc
	shift
	QEMU_LOG=$CB_LOGDIR/$test.log
	printf '%q ' "$@" >"$CB_LOGDIR/$test.cmd"
	t0=$(_qemu_now)
	python3 "$dump" run "$dir/$test.mem" "$rbase" "$rsize" 30 -- "$@" \
		>"$QEMU_LOG" 2>&1 </dev/null
	rc=$?
	echo "TIME: $test $(awk -v ns=$(($(_qemu_now) - t0)) 'BEGIN { printf "%.2f", ns / 1e9 }') s"
	[ "$rc" = 0 ] || CB_WHY+=("no pause at the stub's reset (pstore-dump exit $rc: $(_qemu_last))")
	return "$rc"
}

# The record as pstore would show it, in $CB_BUILD/ramoops/TEST.record.
read_record() { # test
	if ! python3 "$dump" read "$dir/$1.mem" "$rsize" "$record" "$console" "$ftrace" "$pmsg" \
		>"$dir/$1.record" 2>"$dir/$1.record.err"; then
		CB_WHY+=("no record: $(cat "$dir/$1.record.err")")
		return 1
	fi
}

check_record_ere() { # ERE
	grep -aqE -- "$1" "$dir/$test.record" || CB_WHY+=("the record has no /$1/")
}

check_no_kernel() {
	local m
	for m in "starting kernel" "Booting Linux" "Linux version" CHAINBOOT-INIT-START; do
		check_no_marker "$m"
	done
}

# 1. The loader's DTB has the region.
test=$name-loader
if bad_blob "$dir/$test.blob"; then
	run "$test" qemu-system-arm -M virt -cpu cortex-a15 -m 1024 -nographic \
		-kernel "$dir/$test.blob" -dtb "$dir/ramoops.dtb" &&
		read_record "$test" && {
		check_record_ere "^chainboot 1\.0: blob at "
		check_record_ere "^chainboot: section $k_idx \(kernel\): expected CRC [0-9a-f]{8}, found [0-9a-f]{8}$"
		# Line by line what the serial showed, up to the failure.
		rec=$(cat "$dir/$test.record")
		ser=$(tr -d '\r' <"$QEMU_LOG" | awk -v f="$(head -1 <<<"$rec")" -v l="$(tail -1 <<<"$rec")" \
			'$0 == f { on = 1 } on { print } on && $0 == l { exit }')
		[ "$rec" = "$ser" ] ||
			CB_WHY+=("the record is not the serial log: $(diff <(echo "$ser") <(echo "$rec") | head -4 | tr '\n' ' ')")
	}
	check_marker "chainboot: log saved to ramoops console at $(printf %08x $zone)"
	check_marker "chainboot: resetting (PSCI)"
	check_no_kernel
fi
test_result "$test"

# 2. Hardboot on a phone without a serial port: the packed DTB has the
# region, the blob sits at 0x50000000, r2 is garbage (test-hardboot-arm.sh).
test=$name-hardboot-nouart
hb_page=0x4ff00000 blob_addr=0x50000000 r2_addr=0x5c000000
if ! "${cross}gcc" -nostdlib -nostartfiles -static -march=armv7-a -marm \
	-DRAM_BASE=0x40000000 -DHB_PAGE=$hb_page -DHB_MAGIC=0x4a5db007 \
	-Wl,--build-id=none -Wl,-Ttext="$(printf 0x%x $((hb_page - 0x100000)))" \
	-o "$dir/standin.elf" "$CB_ROOT/tests/hardboot/standin.S" >"$CB_LOGDIR/$test.cc" 2>&1 ||
	! "${cross}objcopy" -O binary "$dir/standin.elf" "$dir/standin.bin"; then
	CB_WHY+=("building the stand-in: $(tail -1 "$CB_LOGDIR/$test.cc")")
else
	python3 -c 'import random, sys; sys.stdout.buffer.write(random.Random(7).randbytes(4096))' \
		>"$dir/garbage.bin"
	cat >"$dir/nouart.conf" <<EOF
# SPDX-License-Identifier: GPL-2.0-or-later
name = phone-without-uart
uart = none
reset = psci
hardboot_page = $hb_page
EOF
	if CMDLINE="panic=10" bad_blob "$dir/$test.blob" --dtb "$dir/ramoops-nostdout.dtb" \
		--board "$dir/nouart.conf"; then
		run "$test" qemu-system-arm -M virt -cpu cortex-a15 -m 1024 -nographic \
			-kernel "$dir/standin.bin" \
			-device "loader,file=$dir/$test.blob,addr=$blob_addr,force-raw=on" \
			-device "loader,file=$dir/garbage.bin,addr=$r2_addr,force-raw=on" \
			-device "loader,addr=$hb_page,data=0x4a5db007,data-len=4" \
			-device "loader,addr=$(printf 0x%x $((hb_page + 4))),data=$blob_addr,data-len=4" \
			-device "loader,addr=$(printf 0x%x $((hb_page + 8))),data=0xffffffff,data-len=4" \
			-device "loader,addr=$(printf 0x%x $((hb_page + 12))),data=$r2_addr,data-len=4" &&
			read_record "$test" && {
			check_record_ere "^entry: SVC mode, r1=ffffffff r2=${r2_addr#0x} \(unusable\)"
			check_record_ere "^chainboot 1\.0: blob at ${blob_addr#0x}, "
			check_record_ere "^chainboot: section $k_idx \(kernel\): expected CRC [0-9a-f]{8}, found [0-9a-f]{8}$"
		}
		check_marker "hardboot-standin: jumping to ${blob_addr#0x}"
		check_no_marker "chainboot"
		check_no_kernel
	fi
fi
test_result "$test"

# 3. Control: no console zone, nothing written.
test=$name-no-console
if bad_blob "$dir/$test.blob"; then
	if run "$test" qemu-system-arm -M virt -cpu cortex-a15 -m 1024 -nographic \
		-kernel "$dir/$test.blob" -dtb "$dir/ramoops-no-console.dtb"; then
		python3 -c 'import sys; sys.exit(any(open(sys.argv[1], "rb").read()))' "$dir/$test.mem" ||
			CB_WHY+=("the stub wrote into a region without a console zone")
	fi
	check_marker "chainboot: section $k_idx (kernel): expected CRC"
	check_no_marker "saved to ramoops"
	check_no_kernel
fi
test_result "$test"
