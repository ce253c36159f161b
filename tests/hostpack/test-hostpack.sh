#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# hostpack tests, run against the ASan+UBSan build ($O/hostpack-asan):
#   good paths with the real Debian kernels (every codec, verify, unpack
#   round trips byte-exact, synthetic zImages with every payload codec,
#   boot.img v0-v4, boards, reproducibility, atomic output), then the
#   bad-input corpus of tests/hostpack/bad/cases.txt.
# Prints PASS/FAIL/SKIP lines and INFO lines with pack times and sizes (from
# the optimised $O/hostpack); exits non-zero if anything failed.
#
# Environment: O (build dir, default build), CB_CACHE (default .cache),
# HP_ONLY (a shell pattern: run only the tests whose names match it),
# CASES (another corpus file).  Inputs:
# $CB_CACHE/armhf/vmlinuz, $CB_CACHE/armhf/Image, $CB_CACHE/armhf/dtbs/,
# $CB_CACHE/amd64/linux, falling back to the Debian package paths.

set -u
cd "$(dirname "$0")/../.." || exit 1
# Real encodes here (the cache has its own cases, and the figures are times).
unset HOSTPACK_CODEC_CACHE
TOP=$(pwd)
O=${O:-build}
export O	# make's targets are "$O/..." spelled as make sees O
case $O in /*) OA=$O ;; *) OA=$TOP/$O ;; esac
CB_CACHE=${CB_CACHE:-.cache}
DI=/usr/lib/debian-installer/images/12
pick() { if [ -e "$1" ]; then echo "$1"; else echo "$2"; fi; }
ZIMAGE=$(pick "$CB_CACHE/armhf/vmlinuz" "$DI/armhf/text/debian-installer/armhf/vmlinuz")
BZIMAGE=$(pick "$CB_CACHE/amd64/linux" "$DI/amd64/text/debian-installer/amd64/linux")
DTBS=$(pick "$CB_CACHE/armhf/dtbs" "$DI/armhf/text/debian-installer/armhf/dtbs")
W=$OA/tests/hostpack
G=$W/good
B=$W/bad
npass=0 nfail=0 nskip=0

pass() { echo "PASS: $1"; npass=$((npass + 1)); }
fail() { echo "FAIL: $1: $2"; nfail=$((nfail + 1)); }
skip() { echo "SKIP: $1: $2"; nskip=$((nskip + 1)); }

for f in "$ZIMAGE" "$BZIMAGE" "$DTBS/vexpress-v2p-ca15-tc1.dtb"; do
	[ -e "$f" ] || { echo "FAIL: inputs: $f missing (make setup fixtures)"; exit 1; }
done

# ---- build: embed the stubs that build, test the ASan binary ----------
embed=
for a in armv7 x86_64 arm64; do
	make -s "$O/stub-$a.bin" >/dev/null 2>&1 && embed="$embed $a"
done
echo "INFO: built-in stubs:${embed:- none}"
if ! make -s HOSTPACK_EMBED="$embed" "$O/hostpack-asan" "$O/hostpack"; then
	echo "FAIL: build: make $O/hostpack-asan failed"
	exit 1
fi
# Other engineers rebuild the stubs while this runs: keep the ones linked in.
mkdir -p "$OA/tests"
for a in $embed; do cp "$OA/stub-$a.bin" "$OA/tests/hostpack-stub-$a.bin"; done
HP=$OA/hostpack-asan
HPFAST=$OA/hostpack
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# ---- helpers -----------------------------------------------------------
REASON=
run() {
	"$HP" "$@" >"$W/stdout" 2>"$W/stderr"
	rc=$?
	[ $rc -eq 0 ] && return 0
	REASON="hostpack $* -> exit $rc: $(head -n 3 "$W/stderr" | tr '\n' ' ')"
	return 1
}
same() {
	cmp -s "$1" "$2" && return 0
	REASON="$1 differs from $2"
	return 1
}
t() {
	name=$1
	shift
	case $name in ${HP_ONLY:-*}) ;; *) return 0 ;; esac
	REASON=
	if "$@"; then pass "$name"; else fail "$name" "${REASON:-failed}"; fi
}
json() {	# json FILE PYTHON-EXPR: true if the expression holds for j = info --json
	"$HP" info --json "$1" >"$W/info.json" 2>"$W/stderr" &&
		python3 -c "import json,sys; j=json.load(open(sys.argv[1])); sys.exit(0 if ($2) else 1)" \
			"$W/info.json" && return 0
	REASON="info --json $1: '$2' does not hold"
	return 1
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# ---- good inputs ---------------------------------------------------------
rm -rf "$W"
mkdir -p "$G" "$B" "$G/outdir"
ln -s "$(realpath "$ZIMAGE")" "$G/vmlinuz"
ln -s "$(realpath "$BZIMAGE")" "$G/linux"
cp "$DTBS/vexpress-v2p-ca15-tc1.dtb" "$G/vexpress.dtb"
cp "$DTBS/am335x-boneblack.dtb" "$G/boneblack.dtb" 2>/dev/null ||
	cp "$G/vexpress.dtb" "$G/boneblack.dtb"
if [ -e "$CB_CACHE/armhf/Image" ]; then
	ln -s "$(realpath "$CB_CACHE/armhf/Image")" "$G/Image"
else
	python3 tests/hostpack/mkzimage.py image "$G/vmlinuz" "$G/Image" || exit 1
fi
python3 - "$G/initrd.cpio" <<'EOF'
# a newc cpio archive holding one file, /init
import sys
def entry(name, data, mode):
    n = name.encode() + b"\0"
    h = "070701" + "".join("%08X" % v for v in
        (1, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(n), 0))
    b = h.encode() + n
    b += b"\0" * (-len(b) % 4) + data
    return b + b"\0" * (-len(b) % 4)
a = entry("init", b"#!/bin/sh\necho INITRAMFS-OK\n", 0o100755) + entry("TRAILER!!!", b"", 0)
open(sys.argv[1], "wb").write(a + b"\0" * (-len(a) % 512))
EOF
gzip -n -9 -c "$G/initrd.cpio" >"$G/initrd.cpio.gz"
python3 tests/hostpack/fake-stub.py armv7 "$G/fa.bin"
python3 tests/hostpack/fake-stub.py x86_64 "$G/fx.bin"
python3 tests/hostpack/fake-stub.py armv7 "$G/fa-deflate.bin" --features 1
CMDLINE="console=ttyAMA0 earlycon quiet"
for v in 0 1 2 3; do
	dtb=
	[ $v = 2 ] && dtb="--dtb $G/vexpress.dtb"
	mkbootimg --header_version $v --kernel "$G/vmlinuz" --ramdisk "$G/initrd.cpio.gz" \
		$dtb --cmdline "$CMDLINE v$v" -o "$G/boot-v$v.img" || exit 1
done
# Debian's mkbootimg stops at v3: v4 is v3 plus signature_size at 1580 and
# the signature after the ramdisk.
python3 - "$G/boot-v3.img" "$G/boot-v4.img" <<'EOF'
import struct, sys
b = bytearray(open(sys.argv[1], "rb").read())
struct.pack_into("<I", b, 40, 4)
b[44:44 + 1536] = (b"console=ttyAMA0 earlycon quiet v4").ljust(1536, b"\0")
struct.pack_into("<I", b, 1580, 4096)
open(sys.argv[2], "wb").write(b + b"\x5a" * 4096)
EOF
head -c 3145728 "$G/Image" >"$G/Image3M"
ln -s Image3M "$G/small"	# a quick ARM kernel where the kernel is not the point
cat "$G/vmlinuz" "$G/boneblack.dtb" >"$G/vmlinuz+dtb"
mkbootimg --header_version 0 --pagesize 4096 --kernel "$G/vmlinuz+dtb" \
	--cmdline "appended" -o "$G/boot-appended.img" || exit 1
mkbootimg --header_version 1 --kernel "$G/linux" --ramdisk "$G/initrd.cpio.gz" \
	--cmdline "console=ttyS0" -o "$G/boot-x86.img" || exit 1
# (no console= here: it would add a board section and move the sections
# the bad-input corpus names)
"$HP" pack --stub "$G/fa.bin" --kernel "$G/vmlinuz" --dtb "$G/vexpress.dtb" \
	--cmdline "earlycon quiet" -o "$G/a.blob" || { echo "FAIL: a.blob: pack failed"; exit 1; }
"$HP" pack --stub "$G/fa.bin" --kernel "$G/small" --compress none --dtb "$G/vexpress.dtb" \
	--carry /serial-number --carry /chosen/x -o "$G/c.blob" || { echo "FAIL: c.blob: pack failed"; exit 1; }
# A small vmlinux (two PT_LOADs, the PVH note) and its fast-path blob; the
# same ELF without the note (mkbad.py writes both ELFs).
python3 tests/hostpack/mkbad.py --vmlinux "$G/vmlinux-tiny" || { echo "FAIL: vmlinux-tiny"; exit 1; }
"$HP" pack --stub "$G/fx.bin" --kernel "$G/vmlinux-tiny" --compress lz4 -o "$G/p.blob" ||
	{ echo "FAIL: p.blob: pack failed"; exit 1; }
python3 tests/hostpack/mkbad.py "$G" "$B" || { echo "FAIL: mkbad.py failed"; exit 1; }

# ---- the Debian kernels with every codec ----------------------------------
arm_codec() {
	run pack --stub "$G/fa.bin" --kernel "$G/vmlinuz" --compress "$1" -o "$W/arm-$1.blob" &&
		run verify "$W/arm-$1.blob" && run unpack "$W/arm-$1.blob" -d "$W/arm-$1" &&
		same "$W/arm-$1/kernel" "$G/Image" &&
		json "$W/arm-$1.blob" "j['sections'][0]['load_offset'] == 0x208000 and j['sections'][0]['mem_size'] == 20582580 + 386260 and j['sections'][0]['codec'] == '$1'"
}
x86_codec() {	# the bzImage path
	run pack --stub "$G/fx.bin" --kernel "$G/linux" --compress "$1" --x86-entry bzimage \
		-o "$W/x86-$1.blob" &&
		run verify "$W/x86-$1.blob" && run unpack "$W/x86-$1.blob" -d "$W/x86-$1" &&
		same "$W/x86-$1/kernel" "$G/linux" &&
		json "$W/x86-$1.blob" "j['x86']['relocatable'] and j['sections'][1]['type'] == 'setup'"
}
# The fast path (issue 17): the vmlinux's segments at 16 MiB, the PVH
# entry; unpack writes an ELF that packs back into the same blob.
x86_pvh() {
	run pack --stub "$G/fx.bin" --kernel "$G/linux" --compress "$1" -o "$W/x86-pvh-$1.blob" &&
		run verify "$W/x86-pvh-$1.blob" && run unpack "$W/x86-pvh-$1.blob" -d "$W/x86-pvh-$1" &&
		json "$W/x86-pvh-$1.blob" "j['x86_path']['path'] == 'pvh' and j['sections'][1]['type'] == 'pvh' and j['sections'][0]['load_offset'] == 0x1000000 and j['sections'][0]['codec'] == '$1'" &&
		run pack --stub "$G/fx.bin" --kernel "$W/x86-pvh-$1/vmlinux" --compress "$1" \
			-o "$W/x86-pvh-$1-again.blob" &&
		same "$W/x86-pvh-$1-again.blob" "$W/x86-pvh-$1.blob"
}
for c in none deflate lz4; do
	t "arm-zimage-$c" arm_codec $c
	t "x86-bzimage-$c" x86_codec $c
done
for c in deflate lz4; do
	t "x86-pvh-$c" x86_pvh $c
done
t "x86-none-is-bzimage" json "$W/x86-none.blob" "j['x86_path']['path'] == 'bzimage'"
t "arm-gzip-alias" run pack --stub "$G/fa.bin" --kernel "$G/vmlinuz" --compress gzip -o "$W/arm-gzip.blob"
t "arm-gzip-alias-same" same "$W/arm-gzip.blob" "$W/arm-deflate.blob"

# HOSTPACK_CODEC_CACHE: a miss encodes and keeps the section, a hit reuses
# it (no new entry written: the same inode), a damaged entry or one of
# another input under this input's name is re-encoded; every blob is the
# blob packed without the cache.  The small vmlinux keeps it quick.
cc_pack() {	# cache-dir codec out
	HOSTPACK_CODEC_CACHE=$1 "$HP" pack --stub "$G/fx.bin" --kernel "$G/vmlinux-tiny" \
		--compress "$2" -o "$3" >"$W/stdout" 2>"$W/stderr" && same "$3" "$W/cc-ref-$2.blob" &&
		return 0
	REASON="${REASON:-pack with the cache: $(head -n 2 "$W/stderr" | tr '\n' ' ')}"
	return 1
}
codec_cache() {	# codec
	d=$W/codec-cache-$1
	rm -rf "$d" "$d-other"
	mkdir -p "$d" "$d-other"
	run pack --stub "$G/fx.bin" --kernel "$G/vmlinux-tiny" --compress "$1" \
		-o "$W/cc-ref-$1.blob" || return 1
	cc_pack "$d" "$1" "$W/cc-miss.blob" || return 1
	set -- "$1" "$d"/*
	[ $# = 2 ] && [ -f "$2" ] || { REASON="want one cache entry, found $(($# - 1))"; return 1; }
	ino=$(stat -c %i "$2")
	cc_pack "$d" "$1" "$W/cc-hit.blob" || return 1
	[ "$(stat -c %i "$2")" = "$ino" ] || { REASON="the hit wrote its entry again"; return 1; }
	python3 -c 'import sys; p=sys.argv[1]; b=bytearray(open(p,"rb").read()); b[len(b)//2]^=0x55; open(p,"wb").write(b)' "$2"
	cc_pack "$d" "$1" "$W/cc-damaged.blob" || return 1
	[ "$(stat -c %i "$2")" != "$ino" ] || { REASON="the damaged entry was not replaced"; return 1; }
	# Another input's valid stream under this input's name.
	HOSTPACK_CODEC_CACHE=$d-other "$HP" pack --stub "$G/fa.bin" --kernel "$G/vmlinuz" \
		--compress "$1" -o "$W/cc-other.blob" >/dev/null 2>&1 || { REASON="pack vmlinuz"; return 1; }
	cp "$d-other"/* "$2"
	cc_pack "$d" "$1" "$W/cc-collision.blob"
}
for c in lz4 deflate; do
	t "codec-cache-$c" codec_cache $c
done

# Figures from the optimised build (ASan times are not representative).
case figures in ${HP_ONLY:-*}) figs="none deflate lz4" ;; *) figs= ;; esac
for c in $figs; do
	for k in vmlinuz linux; do
		stub=$G/fa.bin
		[ $k = linux ] && stub=$G/fx.bin
		s=$(now_ms)
		"$HPFAST" pack --stub "$stub" --kernel "$G/$k" --compress $c -o "$W/fig.blob"
		e=$(now_ms)
		echo "INFO: pack $k --compress $c: $((e - s)) ms, blob $(stat -c %s "$W/fig.blob") bytes"
	done
done

# CRCs against an independent implementation (Python's zlib).
crc_check() {
	python3 - "$G/a.blob" <<'EOF'
import struct, sys, zlib
b = open(sys.argv[1], "rb").read()
image_size, bss = struct.unpack_from("<II", b, 0x4C)
h = (image_size + bss + 63) & ~63
hdr_size, arch, n = struct.unpack_from("<HHH", b, h + 6)
blob_size, stub_crc, hdr_crc = struct.unpack_from("<III", b, h + 16, )
assert zlib.crc32(b[:image_size]) == stub_crc, "stub crc"
hdr = bytearray(b[h:h + hdr_size]); hdr[24:28] = b"\0" * 4
assert zlib.crc32(hdr) == hdr_crc, "header crc"
for i in range(n):
    t, c, f, off, stored, size, mem, load, crc, r = struct.unpack_from("<HBBIIIIIII", b, h + 36 + 32 * i)
    assert zlib.crc32(b[off:off + stored]) == crc, "section %d crc" % i
    assert off % 64 == 0, "alignment"
assert blob_size == len(b)
assert struct.unpack_from("<I", b, 0x2C)[0] == blob_size, "zImage end"
tags = struct.unpack_from("<7I", b, 0x60)
assert tags[:2] == (6, 0x5A534C4B) and tags[6] == 0, "KLSZ tag"
assert struct.unpack_from("<I", b, tags[2])[0] == 20582580, "KLSZ size offset"
EOF
}
t "crc-zlib-crosscheck" crc_check

# ---- synthetic zImages: every payload codec, with and without KLSZ --------
head -c 9437184 "$G/Image" >"$G/Image9M"
synth() {	# codec bytes
	python3 tests/hostpack/mkzimage.py build "$G/vmlinuz" "$G/Image" "$1" \
		"$W/z-$1-$2" --bytes "$2" 2>"$W/stderr" || { REASON="mkzimage $1 failed"; return 1; }
	ref=$G/Image3M
	[ "$2" = 9437184 ] && ref=$G/Image9M
	run pack --stub "$G/fa.bin" --kernel "$W/z-$1-$2" --compress none -o "$W/z.blob" &&
		run unpack "$W/z.blob" -d "$W/z-$1" && same "$W/z-$1/kernel" "$ref" || return 1
	# no KLSZ tag: the same zImage with the tag table hidden
	python3 -c "import sys; b=bytearray(open(sys.argv[1],'rb').read()); b[0x34:0x38]=bytes(4); open(sys.argv[2],'wb').write(b)" \
		"$W/z-$1-$2" "$W/z-$1-$2-nk"
	run pack --stub "$G/fa.bin" --kernel "$W/z-$1-$2-nk" --compress none \
		--text-offset 0x8000 --kernel-bss 1M -o "$W/z.blob" &&
		run unpack "$W/z.blob" -d "$W/z-$1-nk" && same "$W/z-$1-nk/kernel" "$ref"
}
for c in gzip xz lzma lz4 lzo; do
	tool=$c
	[ $c = lzma ] && tool=xz
	[ $c = lzo ] && tool=lzop
	if command -v $tool >/dev/null; then
		t "zimage-payload-$c" synth $c 3145728
	else
		skip "zimage-payload-$c" "$tool not installed"
	fi
done
t "zimage-payload-lz4-2blocks" synth lz4 9437184

# ---- ARM Image and Image.gz ---------------------------------------------
raw_image() {
	run pack --stub "$G/fa.bin" --kernel "$G/Image" --text-offset 0x208000 \
		--kernel-bss 386260 --compress none -o "$W/img.blob" &&
		same "$W/img.blob" "$W/arm-none.blob"
}
t "arm-image-raw-equals-zimage" raw_image
image_gz() {
	gzip -n -1 -c "$G/Image" >"$W/Image.gz"
	run pack --stub "$G/fa.bin" --kernel "$W/Image.gz" --text-offset 0x208000 \
		--kernel-bss 386260 --compress none -o "$W/imggz.blob" &&
		same "$W/imggz.blob" "$W/arm-none.blob"
}
t "arm-image-gz-equals-zimage" image_gz
image_defaults() {
	run pack --stub "$G/fa.bin" --kernel "$G/Image" --compress none -o "$W/imgd.blob" &&
		json "$W/imgd.blob" "j['sections'][0]['load_offset'] == 0x8000 and j['sections'][0]['mem_size'] == 20582580 + 4 * 1024 * 1024"
}
t "arm-image-defaults" image_defaults

# ---- Android boot images ----------------------------------------------------
bootimg() {	# version
	run pack --stub "$G/fa.bin" --bootimg "$G/boot-v$1.img" --compress none -o "$W/boot-v$1.blob" &&
		run verify "$W/boot-v$1.blob" && run unpack "$W/boot-v$1.blob" -d "$W/boot-v$1" &&
		same "$W/boot-v$1/kernel" "$G/Image" &&
		same "$W/boot-v$1/initrd" "$G/initrd.cpio.gz" || return 1
	printf '%s' "$CMDLINE v$1" >"$W/cmdline-v$1"
	same "$W/boot-v$1/cmdline" "$W/cmdline-v$1" || return 1
	if [ "$1" = 2 ]; then
		same "$W/boot-v$1/dtb0.dtb" "$G/vexpress.dtb"
	else
		[ ! -e "$W/boot-v$1/dtb0.dtb" ] || { REASON="unexpected DTB"; return 1; }
	fi
}
for v in 0 1 2 3 4; do
	t "bootimg-v$v" bootimg $v
done
bootimg_override() {
	run pack --stub "$G/fa.bin" --bootimg "$G/boot-v2.img" --cmdline "mine" --compress none \
		--dtb "$G/boneblack.dtb" --initrd "$G/initrd.cpio" -o "$W/bo.blob" &&
		run unpack "$W/bo.blob" -d "$W/bo" && same "$W/bo/dtb0.dtb" "$G/boneblack.dtb" &&
		same "$W/bo/initrd" "$G/initrd.cpio" && [ "$(cat "$W/bo/cmdline")" = mine ]
}
t "bootimg-overrides" bootimg_override
bootimg_appended() {
	run pack --stub "$G/fa.bin" --bootimg "$G/boot-appended.img" --compress none -o "$W/ba.blob" &&
		run unpack "$W/ba.blob" -d "$W/ba" && same "$W/ba/dtb0.dtb" "$G/boneblack.dtb" &&
		same "$W/ba/kernel" "$G/Image"
}
t "bootimg-zimage-appended-dtb" bootimg_appended
bootimg_x86() {
	run pack --stub "$G/fx.bin" --bootimg "$G/boot-x86.img" -o "$W/bx.blob" &&
		run unpack "$W/bx.blob" -d "$W/bx" && same "$W/bx/kernel" "$G/linux"
}
t "bootimg-x86" bootimg_x86

# ---- boards, flags --------------------------------------------------------------
board_rt() {
	run pack --stub "$G/fa.bin" --kernel "$G/small" --compress none --board qemu-virt-armv7 -o "$W/bd.blob" &&
		run unpack "$W/bd.blob" -d "$W/bd" &&
		run pack --stub "$G/fa.bin" --kernel "$G/small" --compress none --board "$W/bd/board.conf" -o "$W/bd2.blob" &&
		same "$W/bd.blob" "$W/bd2.blob" &&
		json "$W/bd.blob" "j['sections'][0]['type'] == 'board' and j['sections'][0]['text'] == 'qemu-virt-armv7'"
}
t "board-file-roundtrip" board_rt
board_dirs() {
	mkdir -p "$W/boards"
	printf 'name = mine\nuart = 8250-mmio\nuart_base = 0x1c090000\nuart_shift = 2\n' >"$W/boards/mine.conf"
	run pack --stub "$G/fa.bin" --kernel "$G/small" --compress none --board mine --boards-dir "$W/boards" -o "$W/bm.blob" &&
		run pack --stub "$G/fx.bin" --kernel "$G/linux" --board pc -o "$W/bp.blob" || return 1
	export CHAINBOOT_BOARDS="$W/boards"
	run pack --stub "$G/fa.bin" --kernel "$G/small" --compress none --board mine -o "$W/bm2.blob"
	rc=$?
	unset CHAINBOOT_BOARDS
	[ $rc -eq 0 ] && same "$W/bm.blob" "$W/bm2.blob"
}
t "board-dirs-env" board_dirs
flags() {
	run pack --stub "$G/fa.bin" --kernel "$G/vmlinuz" --compress none --quiet-stub \
		--cmdline x --cmdline-mode append -o "$W/fl.blob" &&
		json "$W/fl.blob" "j['flags'] == {'quiet': True, 'cmdline_mode': 'append'}"
}
t "flags" flags

# ---- carry lists (board styles) ----------------------------------------------
OSPREY="'/chosen/linux,hwrev', '/chosen/linux,seriallow', '/chosen/linux,serialhigh', '/chosen/mmi,baseband', '/chosen/mmi,powerup_reason'"
carry_pack() {	# the board file's list, then --carry's, duplicates dropped
	run pack --stub "$G/fa.bin" --kernel "$G/small" --compress none --dtb "$G/vexpress.dtb" \
		--board motorola-osprey --carry /serial-number --carry /chosen/linux,hwrev \
		-o "$W/cy.blob" && run verify "$W/cy.blob" &&
		json "$W/cy.blob" "j['carry'] == [$OSPREY, '/serial-number'] and [s['type'] for s in j['sections']] == ['board', 'kernel', 'dtb', 'carry'] and 'carry list' in j['dtb_policy']['loader_and_packed']" &&
		run info "$W/cy.blob" || return 1
	grep -q '^carry    /chosen/linux,hwrev .* /chosen/mmi,powerup_reason /serial-number$' "$W/stdout" &&
		grep -q '^dtb      loader DTB + packed: packed DTB + from the loader: memory nodes' "$W/stdout" &&
		grep -q '^         packed only (r2 unusable): .*else board 0x80000000+0x40000000' "$W/stdout" &&
		grep -q '^         ATAGs + packed: ' "$W/stdout" || { REASON="info text: $(grep -E '^(carry|dtb|  )' "$W/stdout" | tr '\n' '|')"; return 1; }
}
t "carry-board-and-option" carry_pack
carry_rt() {	# unpack's carry file, one --carry a line, packs the same bytes
	run unpack "$W/cy.blob" -d "$W/cy" &&
		[ "$(cat "$W/cy/carry")" = "$(printf '%s\n' /chosen/linux,hwrev /chosen/linux,seriallow \
			/chosen/linux,serialhigh /chosen/mmi,baseband /chosen/mmi,powerup_reason /serial-number)" ] || {
		REASON="unpacked carry: $(tr '\n' ' ' <"$W/cy/carry")"; return 1; }
	# shellcheck disable=SC2046 # one word a line: paths have no spaces
	run pack --stub "$G/fa.bin" --kernel "$W/cy/kernel" --compress none --dtb "$W/cy/dtb0.dtb" \
		--board "$W/cy/board.conf" $(sed 's/^/--carry=/' "$W/cy/carry") -o "$W/cy2.blob" &&
		same "$W/cy.blob" "$W/cy2.blob"
}
t "carry-unpack-roundtrip" carry_rt
carry_none() {	# no list, no section: blobs stay as before; no DTB, no merge
	run pack --stub "$G/fa.bin" --kernel "$G/small" --compress none --board qemu-virt-armv7 \
		-o "$W/cn.blob" && run unpack "$W/cn.blob" -d "$W/cn" && [ ! -e "$W/cn/carry" ] &&
		json "$W/cn.blob" "j['carry'] == [] and 'carry' not in [s['type'] for s in j['sections']] and j['dtb_policy'] == {'no_dtb_packed': \"the loader's DTB is used as is\"}" &&
		run info "$W/cn.blob" && grep -q "^dtb      no DTB packed: the loader's DTB is used as is$" "$W/stdout" &&
		! grep -q '^carry' "$W/stdout" && run info "$W/x86-none.blob" && ! grep -q '^dtb' "$W/stdout" &&
		json "$W/x86-none.blob" "'dtb_policy' not in j and 'carry' not in j"
}
t "carry-none" carry_none

# ---- the console a packed command line names -----------------------------------
# console_board EXPECTED-BOARD-LINE-OR-"none" PACK-ARGS...: the board line of
# `info` (or no board section at all) after packing with those arguments.
console_board() {
	local want=$1 got
	shift
	run pack --stub "$G/fa.bin" --kernel "$G/small" --compress none "$@" \
		-o "$W/console.blob" || return 1
	got=$("$HP" info "$W/console.blob" | grep '^board ' || echo none)
	[ "$got" = "$want" ] && return 0
	REASON="board line '$got', expected '$want'"
	return 1
}
VX_PL011="board    cmdline-console: uart pl011 at 0x1c090000 (shift 0), ram 0x0 size 0x0, reset none"
# vexpress-a15's tree has no stdout-path; serial0 is the PL011 at 0x1c090000
t "console-from-cmdline" console_board "$VX_PL011" --dtb "$G/vexpress.dtb" \
	--cmdline "console=ttyAMA0 quiet"
t "console-from-earlycon" console_board \
	"board    cmdline-console: uart 8250-mmio32 at 0x1c090000 (shift 2), ram 0x0 size 0x0, reset none" \
	--dtb "$G/vexpress.dtb" --cmdline "earlycon=uart8250,mmio32,0x1c090000 console=ttyAMA0"
t "console-none-named" console_board none --dtb "$G/vexpress.dtb" --cmdline "quiet"
t "console-unknown-tty" console_board none --dtb "$G/vexpress.dtb" --cmdline "console=ttyXYZ0"
t "console-board-wins" console_board \
	"board    pc: uart 8250-io at 0x3f8 (shift 0), ram 0x0 size 0x0, reset x86" \
	--board pc --dtb "$G/vexpress.dtb" --cmdline "console=ttyAMA0"

# ---- reproducible, atomic --------------------------------------------------------
repro() {	# stub kernel codec earlier-blob
	mkdir -p "$W/r"
	run pack --stub "$G/$1" --kernel "$G/$2" --compress "$3" -o "$W/r/other-name.blob" &&
		same "$W/r/other-name.blob" "$W/$4" &&
		run pack --stub "$G/$1" --kernel "$G/small" --compress "$3" --initrd "$G/initrd.cpio" \
			--compress-initrd "$3" -o "$W/r1.blob" &&
		run pack --stub "$G/$1" --kernel "$G/small" --compress "$3" --initrd "$G/initrd.cpio" \
			--compress-initrd "$3" -o "$W/r/r2.blob" &&
		same "$W/r1.blob" "$W/r/r2.blob" && run unpack "$W/r1.blob" -d "$W/r1" &&
		same "$W/r1/initrd" "$G/initrd.cpio"
}
t "reproducible-arm-lz4" repro fa.bin vmlinuz lz4 arm-lz4.blob
t "reproducible-arm-deflate" repro fa.bin vmlinuz deflate arm-deflate.blob
atomic() {
	echo "precious" >"$W/keep.blob"
	cp "$W/keep.blob" "$W/keep.ref"
	"$HP" pack --stub "$G/fa.bin" --kernel "$B/zimage-corrupt-payload" -o "$W/keep.blob" 2>/dev/null
	[ $? -eq 2 ] || { REASON="failing pack did not exit 2"; return 1; }
	same "$W/keep.blob" "$W/keep.ref" || return 1
	[ -z "$(ls -A "$W" | grep '^\.')" ] || { REASON="temporary file left: $(ls -A "$W" | grep '^\.')"; return 1; }
	run pack --stub "$G/fa.bin" --kernel "$G/small" -o "$W/keep.blob" && run verify "$W/keep.blob"
}
t "atomic-output" atomic

# ---- real and built-in stubs -------------------------------------------------
builtin() {	# arch kernel-file
	run pack --arch "$1" --kernel "$2" --initrd "$G/initrd.cpio.gz" --compress none \
		-o "$W/bi-$1.blob" &&
		run verify "$W/bi-$1.blob" &&
		run pack --arch "$1" --stub "$OA/tests/hostpack-stub-$1.bin" --kernel "$2" \
			--initrd "$G/initrd.cpio.gz" --compress none -o "$W/sf-$1.blob" &&
		same "$W/sf-$1.blob" "$W/bi-$1.blob"
}
A64IMAGE=$CB_CACHE/arm64/Image.gz
for a in armv7 x86_64 arm64; do
	case $a in
	armv7) k=$G/vmlinuz ;;
	x86_64) k=$G/linux ;;
	arm64) k=$A64IMAGE ;;
	esac
	case " $embed " in
	*" $a "*)
		if [ -e "$k" ]; then
			t "builtin-stub-$a" builtin $a "$k"
		else
			fail "builtin-stub-$a" "$k missing (make fixtures)"
		fi ;;
	*) skip "builtin-stub-$a" "the $a stub does not build yet" ;;
	esac
done

# ---- arm64 EFI zboot images, as Linux builds them -------------------------
# The Debian Image in a zboot container (mkzboot.py: padded to its
# image_size, compressed, Linux's comp-type in the header): packed, verified
# and unpacked, the kernel is the padded Image byte for byte.  "zstd22" is
# what Fedora's kernels (Linux before 6.13) say, "xzkern" Linux's .xz, "zstd"
# the newer name; the other methods are in tests/unit/test_image64.c.
zboot() {	# method
	python3 tests/hostpack/mkzboot.py "$A64IMAGE_RAW" "$1" "$W/zb-$1.efi" "$W/zb-padded" || {
		REASON="mkzboot.py $1 failed"
		return 1
	}
	run pack --arch arm64 --kernel "$W/zb-$1.efi" --compress none -o "$W/zb-$1.blob" &&
		run verify "$W/zb-$1.blob" && run unpack "$W/zb-$1.blob" -d "$W/zb-$1" &&
		same "$W/zb-$1/kernel" "$W/zb-padded"
}
A64IMAGE_RAW=$CB_CACHE/arm64/Image
case " $embed " in
*" arm64 "*)
	for m in zstd22 xzkern zstd; do
		if [ -e "$A64IMAGE_RAW" ]; then
			t "arm64-zboot-$m" zboot $m
		else
			fail "arm64-zboot-$m" "$A64IMAGE_RAW missing (make fixtures)"
		fi
	done ;;
*) skip "arm64-zboot" "the arm64 stub does not build" ;;
esac
rm -f "$W"/zb-*.efi "$W/zb-padded"

# ---- the bad-input corpus ------------------------------------------------------
LONG1024=$(python3 -c 'print("x" * 1024)')
LONG2048=$(python3 -c 'print("x" * 2048)')
CARRY600A=/$(python3 -c 'print("a" * 600)')
CARRY600B=/$(python3 -c 'print("b" * 600)')
NEWLINE="a
b"
OUT=$W/out/bad.blob
mkdir -p "$W/out"
bad_case() {	# exit substring args
	want=$1 sub=$2
	shift 2
	rm -f "$OUT"
	"$HP" "$@" >"$W/stdout" 2>"$W/stderr"
	rc=$?
	lines=$(wc -l <"$W/stderr")
	if [ $rc -ne "$want" ]; then
		REASON="exit $rc, want $want: $(head -n 3 "$W/stderr" | tr '\n' ' ')"
	elif ! grep -qF -- "$sub" "$W/stderr"; then
		REASON="stderr lacks '$sub': $(head -n 3 "$W/stderr" | tr '\n' ' ')"
	elif [ "$lines" -ne 1 ] || ! grep -q '^hostpack: ' "$W/stderr"; then
		REASON="stderr is not one 'hostpack:' line ($lines lines)"
	elif [ -e "$OUT" ]; then
		REASON="$OUT was written"
	elif ls -A "$W/out" "$G" | grep -q '^\.'; then
		REASON="temporary file left behind"
	else
		return 0
	fi
	return 1
}
while IFS='|' read -r name want sub args; do
	case $name in '#'* | '') continue ;; esac
	name=$(echo $name)
	want=$(echo $want)
	sub=$(echo "$sub" | sed 's/^ *//; s/ *$//')
	eval "set -- $args"
	t "bad-$name" bad_case "$want" "$sub" "$@"
done <"${CASES:-tests/hostpack/bad/cases.txt}"

echo "hostpack: $npass passed, $nfail failed, $nskip skipped"
[ $nfail -eq 0 ]
