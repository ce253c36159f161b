#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# libFuzzer harnesses of tests/fuzz/ (clang-14, ASan + UBSan), built from
# the same sources as the stub and hostpack.  `make fuzz` runs this.
#
#   scripts/fuzz.sh [--build] [--seeds] [HARNESS...]
#
#   (no option)  build, make seeds, run each harness FUZZ_SECONDS (default
#                60) and print its executions; exit 1 if any crashed
#   --build      only build $O/fuzz/fuzz_<name>
#   --seeds      only (re)make the seed corpora $O/fuzz/seeds/<name>/
#
# Seeds are made at run time from the real files of $CB_CACHE (small DTBs,
# a deflate stream of Image bytes, the zImage and bzImage headers) and from
# formats written here (LZ4 blocks, a blob, ATAGs), so nothing big is
# committed.  Crash inputs land in $O/fuzz/crashes/; keep the real ones in
# tests/fuzz/regressions/<name>-<what>, which test-fuzz-smoke.sh replays.

set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
O=${O:-build}
case $O in /*) ;; *) O=$ROOT/$O ;; esac
CB_CACHE=${CB_CACHE:-${CACHE:-$ROOT/.cache}}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
CLANG=${CLANG:-clang-14}
OUT=$O/fuzz

HARNESSES="blob lz4 lz4c inflate dt atags layout hostpack"
DT_SRCS="stub/dt.c stub/dt_ro.c stub/dt_rw.c stub/dt_boot.c stub/dt_merge.c"
CFLAGS="-std=gnu11 -g -O1 -fsanitize=fuzzer,address,undefined
	-fno-sanitize-recover=all -fno-omit-frame-pointer
	-Wall -Wextra -Werror -Istub/include -Ihostpack"

# Sources and libraries of each harness, besides tests/fuzz/fuzz_<name>.c.
srcs() {
	case $1 in
	blob)	echo "stub/blob.c stub/crc32.c" ;;
	lz4)	echo "stub/lz4.c stub/codec.c -llz4" ;;
	lz4c)	echo "-DLZ4_COMPACT stub/lz4.c stub/codec.c -llz4" ;;	# the x86 stub's build
	inflate) echo "stub/inflate.c stub/codec.c -lz" ;;
	dt)	echo "$DT_SRCS -lfdt" ;;
	atags)	echo "stub/atags.c $DT_SRCS -lfdt" ;;
	layout)	echo "stub/layout.c" ;;
	hostpack)
		# Every reader but main.c; hp_error is replaced by a quiet one.
		ls hostpack/*.c | grep -v '^hostpack/main\.c$' | tr '\n' ' '
		echo "stub/blob.c stub/crc32.c stub/serial/cmdline.c $DT_SRCS" \
		     "-Wl,--wrap=hp_error" \
		     "'-DHP_SOURCE_BOARDS=\"$ROOT/boards\"'" \
		     "-lfdt -ldeflate -llz4 -llzma -llzo2 -lzstd -lz" ;;
	*)	echo "fuzz.sh: unknown harness $1" >&2; exit 2 ;;
	esac
}

build() { # name
	local bin=$OUT/fuzz_$1 deps
	# shellcheck disable=SC2046 # word lists
	deps=$(srcs "$1" | tr ' ' '\n' | grep '\.c$' || true)
	mkdir -p "$OUT"
	# Rebuild when any source or header is newer than the binary.
	if [ -x "$bin" ] && [ -z "$(find tests/fuzz/fuzz_"$1".c $deps stub/include hostpack/*.h \
			-newer "$bin" 2>/dev/null | head -1)" ]; then
		return 0
	fi
	echo "  CLANG   $bin"
	eval "$CLANG $(echo $CFLAGS) -o $bin tests/fuzz/fuzz_$1.c $(srcs "$1")"
}

# Seed corpora in $OUT/seeds/<name>/, from real files where they exist.
seeds() {
	rm -rf "$OUT/seeds"
	mkdir -p "$OUT/seeds"
	python3 - "$OUT/seeds" "$CB_CACHE" <<'PY'
import glob, gzip, lzma, os, struct, sys, zlib

out, cache = sys.argv[1], sys.argv[2]
def put(h, name, data):
    os.makedirs(os.path.join(out, h), exist_ok=True)
    with open(os.path.join(out, h, name), 'wb') as f:
        f.write(data)
def read(path, n=None, at=0):
    try:
        with open(path, 'rb') as f:
            f.seek(at)
            return f.read(n) if n else f.read()
    except OSError:
        return b''

# blob: stub info, one header, the given sections (stored, CRCs right).
def blob(sections, arch=1):
    image = 0x100
    stub = bytearray(image)
    stub[0x40:0x60] = struct.pack('<IHHIIIIII', 0x54534243, 32, arch, 1 << 16,
                                  image, 0, 4096, 3, 0)
    hoff = (image + 63) & ~63
    hsize = 36 + 32 * len(sections)
    off = (hoff + hsize + 63) & ~63
    table, body = b'', b''
    for typ, comp, data, size in sections:
        pad = off - (hoff + hsize + len(body))
        body += b'\0' * pad
        table += struct.pack('<HBBIIIIIII', typ, comp, 0, off, len(data), size,
                             size, 0x8000 if typ == 1 else 0, zlib.crc32(data), 0)
        body += data
        off = (off + len(data) + 63) & ~63
    total = hoff + hsize + len(body)
    hdr = struct.pack('<IHHHHIIIIII', 0x544f4243, 1, hsize, arch, len(sections), 0,
                      total, zlib.crc32(bytes(stub)), 0, 0, 0) + table
    crc = zlib.crc32(hdr)
    hdr = hdr[:24] + struct.pack('<I', crc) + hdr[28:]
    return bytes(stub) + b'\0' * (hoff - image) + hdr + body

image = read(os.path.join(cache, 'armhf/Image'), 65536, 4 << 20) or bytes(range(256)) * 64
kern = image[:4096]
raw = zlib.compressobj(9, zlib.DEFLATED, -15)
deflated = raw.compress(kern) + raw.flush()
dtbs = sorted(glob.glob(os.path.join(cache, 'armhf/dtbs/*.dtb')))
small_dtbs = [d for d in dtbs if os.path.getsize(d) < 24 * 1024][::40][:20]
dtb0 = read(small_dtbs[0]) if small_dtbs else b''

b1 = blob([(1, 0, kern, len(kern)), (4, 0, b'console=ttyAMA0', 15)])
b2 = blob([(1, 1, deflated, len(kern)), (3, 0, dtb0, len(dtb0))])
b3 = blob([(6, 0, b'\0' * 512, 512), (1, 0, kern[:256], 256)], arch=2)
for i, b in enumerate((b1, b2, b3)):
    put('blob', 'blob%d' % i, b)

# lz4: LE16 capacity, then one raw block.
lz = bytes([0x44]) + b'abcd' + b'\x04\x00' + bytes([0x50]) + b'efghi'
put('lz4', 'match', struct.pack('<H', 17) + lz)
# 4 literals, a match of offset 1 and 4 + 15 + 200 bytes, 5 last literals.
put('lz4', 'long', struct.pack('<H', 228) + bytes([0x4f]) + b'aaaa' + b'\x01\x00' +
    bytes([200, 0x50]) + b'tail!')
# 300 literals only: 15 + 255 + 30.
put('lz4', 'literals', struct.pack('<H', 300) + bytes([0xf0, 255, 30]) + image[:300])

# inflate: LE16 capacity (bit 15: times 4), then a raw deflate stream.
for i, lvl in enumerate((0, 1, 6, 9)):
    c = zlib.compressobj(lvl, zlib.DEFLATED, -15)
    data = image[i * 3000:(i + 1) * 3000]
    put('inflate', 'level%d' % lvl, struct.pack('<H', len(data)) + c.compress(data) + c.flush())
c = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_FIXED)
put('inflate', 'fixed', struct.pack('<H', 64) + c.compress(b'chainboot ' * 6) + c.flush())

# dt: a DTB then 4 bytes steering the fix-ups.
for d in small_dtbs:
    put('dt', os.path.basename(d), read(d) + b'\x03\x10\x00\x00')

# atags: CORE, MEM x2, CMDLINE, INITRD2, SERIAL, NONE.
def tag(t, words):
    return struct.pack('<II', 2 + len(words), t) + b''.join(struct.pack('<I', w) for w in words)
cmd = b'console=ttyS0 root=/dev/ram\0\0\0\0\0'
cmd = cmd[:len(cmd) // 4 * 4]
atags = (tag(0x54410001, [1, 4096, 0]) + tag(0x54410002, [0x10000000, 0x80000000]) +
         tag(0x54410002, [0x10000000, 0xa0000000]) +
         struct.pack('<II', 2 + len(cmd) // 4, 0x54410009) + cmd +
         tag(0x54420005, [0x81000000, 0x200000]) + tag(0x54410006, [0x1234, 0x5678]) +
         struct.pack('<II', 0, 0))
put('atags', 'list', atags)
put('atags', 'core-only', tag(0x54410001, []) + struct.pack('<II', 0, 0))

# layout: arbitrary bytes; the harness decodes any input.
for i in range(4):
    put('layout', 'rand%d' % i, bytes((j * 37 + i * 101) & 255 for j in range(160)))

# hostpack: selector byte, then a file.
zimg = read(os.path.join(cache, 'armhf/vmlinuz')) or \
       read('/usr/lib/debian-installer/images/12/armhf/text/debian-installer/armhf/vmlinuz')
bzimg = read(os.path.join(cache, 'amd64/linux'), 65536) or \
        read('/usr/lib/debian-installer/images/12/amd64/text/debian-installer/amd64/linux', 65536)
if zimg:
    # The header with end patched to the part kept.
    h = bytearray(zimg[:32768])
    h[0x2c:0x30] = struct.pack('<I', struct.unpack('<I', h[0x28:0x2c])[0] + len(h))
    put('hostpack', 'zimage', b'\0' + bytes(h))
if bzimg:
    put('hostpack', 'bzimage', b'\1' + bzimg[:(bzimg[0x1f1] + 1) * 512])
cpio = b'070701' + b'0' * 96 + b'0000000B00000000' + b'TRAILER!!!\0'
put('hostpack', 'bootimg', b'\2' + b'ANDROID!' + struct.pack('<10I', 4096, 0x8000, 0, 0,
    0, 0, 0x100, 2048, 0, 0) + b'\0' * (2048 - 48) + kern)
if dtb0:
    put('hostpack', 'dtb', b'\3' + dtb0 + dtb0)
put('hostpack', 'initrd-gz', b'\4' + gzip.compress(cpio))
put('hostpack', 'initrd-xz', b'\4' + lzma.compress(cpio, check=lzma.CHECK_CRC32))
put('hostpack', 'blob', b'\5' + b1)
put('hostpack', 'blob-deflate', b'\5' + b2)
put('hostpack', 'gzip', b'\6\0' + gzip.compress(kern))
put('hostpack', 'xz', b'\6\1' + lzma.compress(kern, check=lzma.CHECK_CRC32))
# a vmlinux: two PT_LOADs (the second with BSS) and a PT_NOTE with the PVH note
elf = bytearray(0x1400)
elf[0:8] = b'\x7fELF\2\1\1\0'
struct.pack_into('<HHIQQQIHHH', elf, 16, 2, 62, 1, 0x1000000, 64, 0, 0, 64, 56, 3)
for i, (t, o, pa, fs, ms) in enumerate(((1, 0x1000, 0x1000000, 0x100, 0x100),
                                        (1, 0x1100, 0x1002000, 0x80, 0x1000),
                                        (4, 0x400, 0, 20, 20))):
    struct.pack_into('<IIQQQQQQ', elf, 64 + 56 * i, t, 7, o, pa, pa, fs, ms, 8)
struct.pack_into('<III4sI', elf, 0x400, 4, 4, 18, b'Xen\0', 0x1000050)
elf[0x1000:0x1180] = kern[:0x180]
put('hostpack', 'vmlinux', b'\7' + bytes(elf))
PY
	cp -r "$OUT/seeds/lz4" "$OUT/seeds/lz4c"
}

# Executions and crash verdict of one run, from libFuzzer's final stats.
run() { # name seconds
	local name=$1 secs=$2 log=$OUT/logs/$1.log work=$OUT/corpus/$1 rc=0 execs
	mkdir -p "$OUT/logs" "$OUT/crashes" "$work"
	"$OUT/fuzz_$name" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$OUT/crashes/$name-" \
		"$work" "$OUT/seeds/$name" >"$log" 2>&1 || rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	if [ "$rc" = 0 ]; then
		printf 'PASS: fuzz_%s: %s executions in %s s, corpus %s inputs\n' \
			"$name" "${execs:-?}" "$secs" "$(find "$work" -type f | wc -l)"
	else
		printf 'FAIL: fuzz_%s: exit %s after %s executions (log %s)\n' \
			"$name" "$rc" "${execs:-?}" "$log"
		grep -m3 -E 'ERROR|SUMMARY|Test unit written' "$log" | sed 's/^/    /'
	fi
	echo "${execs:-0}" >"$OUT/logs/$name.execs"
	return "$rc"
}

mode=run
case ${1:-} in
--build) mode=build; shift ;;
--seeds) mode=seeds; shift ;;
esac
list=${*:-$HARNESSES}

for h in $list; do
	build "$h"
done
[ "$mode" = build ] && exit 0
seeds
[ "$mode" = seeds ] && exit 0

failed=0
total=0
for h in $list; do
	run "$h" "$FUZZ_SECONDS" || failed=$((failed + 1))
	total=$((total + $(cat "$OUT/logs/$h.execs")))
done
echo "fuzz: $total executions in total, $failed harness(es) crashed"
[ "$failed" = 0 ]
