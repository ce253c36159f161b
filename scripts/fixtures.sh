#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Fill the git-ignored fixture cache (${CB_CACHE:-.cache}) with real inputs
# from Debian packages and check each one:
#
#   armhf/vmlinuz        Debian armmp zImage           (zImage magic at 0x24)
#   armhf/Image          its inflated kernel Image     (size == KLSZ value)
#   armhf/dtbs           -> Debian's armhf dtbs dir    (vexpress DTB present)
#   armhf/virt.dtb       QEMU virt, -cpu cortex-a15 -m 512   (psci method hvc)
#   armhf/virt-hyp.dtb   the same with virtualization=on     (psci method smc)
#   armhf/qemu-dtbs/     the DTB QEMU passes in r2 (dumpdtb), each next to a
#                        .cmd file holding the QEMU options it was dumped with:
#     MACHINE.dtb        every board of tests/qemu/boards-arm.list, started
#                        with its -m and `-dtb <its Debian DTB>` (QEMU's /memory)
#     virt-1024m.dtb     QEMU virt, -cpu cortex-a15 -m 1024
#     virt-2048m.dtb     QEMU virt, -cpu cortex-a15 -m 2048
#   armhf/busybox        static busybox, ARM ELF
#   armhf/kexec-root/    sbin/kexec + the libraries it needs + loader
#   arm64/Image          Debian arm64 kernel Image     ("ARM\x64" at 0x38)
#   arm64/Image.gz       the same, gzip -9n (Debian's vmlinuz form)
#   arm64/busybox        static busybox, AArch64 ELF
#   arm64/kexec-root/    sbin/kexec + the libraries it needs + loader
#   amd64/linux          Debian amd64 bzImage          ("HdrS" at 0x202)
#   amd64/busybox        static busybox, x86-64 ELF
#   amd64/kexec-root/    sbin/kexec + what ldd lists; `kexec --version` runs
#
# A stamp records this script's hash and the source package versions; while
# it matches, a run only re-checks the outputs (well under a second).
# Exit code 1 and a line naming the item, package and check on any failure.

set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${CB_CACHE:-${CACHE:-$ROOT/.cache}}
case $CACHE in /*) ;; *) CACHE=$ROOT/$CACHE ;; esac

DI=/usr/lib/debian-installer/images/12
ARM_ZIMAGE=$DI/armhf/text/debian-installer/armhf/vmlinuz
ARM_DTBS=$DI/armhf/text/debian-installer/armhf/dtbs
X86_BZIMAGE=$DI/amd64/text/debian-installer/amd64/linux
A64_IMAGE=$DI/arm64/text/debian-installer/arm64/linux

# kexec-tools (armhf, arm64) and its run-time libraries (NOTES.md section 1).
ARM_KEXEC_DEBS="kexec-tools libc6 libxenmisc4.17 libxencall1 libxendevicemodel1
	libxenevtchn1 libxenforeignmemory1 libxengnttab1 libxenhypfs1
	libxenstore4 libxentoollog1 libxentoolcore1 libyajl2 libext2fs2 libfdt1
	libuuid1 libcom-err2 zlib1g liblzma5"

STAMP_PKGS="debian-installer-12-netboot-armhf debian-installer-12-netboot-amd64
	debian-installer-12-netboot-arm64
	busybox-static kexec-tools qemu-system-arm"

die() {
	printf 'fixtures: FAILED: %s\n' "$*" >&2
	exit 1
}

# A check that fails sets $why; step() then remakes the item.
bad() { why=$*; }

ok() { printf 'fixtures: %-22s ok  %s\n' "$1" "${2:-}"; }

need_file() { # path package
	[ -e "$1" ] || die "$1 missing: install package $2 (scripts/setup.sh)"
}

le32_at() { # file offset -> decimal
	od -An -tu4 --endian=little -j "$2" -N4 "$1" | tr -d ' '
}

elf_machine() {
	readelf -h "$1" 2>/dev/null | sed -n 's/^ *Machine: *//p'
}

is_static() {
	! readelf -l "$1" 2>/dev/null | grep -q 'Requesting program interpreter'
}

# ---- ARM kernel: zImage, and the Image inflated from its XZ payload -------

# Prints "klsz_offset inflated_size" from the zImage's KLSZ tag.
zimage_klsz() {
	python3 - "$1" <<'PY'
import struct, sys
d = open(sys.argv[1], 'rb').read()
tab = struct.unpack_from('<I', d, 0x38)[0]
# Tag table: words (size_in_words, tag, values...), ended by a 0 word.
while tab + 8 <= len(d):
    size, tag = struct.unpack_from('<II', d, tab)
    if size < 2:
        break
    if tag == 0x5A534C4B:
        off = struct.unpack_from('<I', d, tab + 8)[0]
        print(off, struct.unpack_from('<I', d, off)[0])
        sys.exit(0)
    tab += 4 * size
sys.exit('no KLSZ tag in zImage tag table')
PY
}

# The XZ stream ends where the KLSZ size word starts. Walk back over the
# stream footer, index and blocks to its start: the first XZ magic in the
# file is a constant inside the decompressor, not the payload.
inflate_zimage() { # zimage out
	python3 - "$1" "$2" <<'PY'
import lzma, struct, sys
d = open(sys.argv[1], 'rb').read()
tab = struct.unpack_from('<I', d, 0x38)[0]
while True:
    size, tag = struct.unpack_from('<II', d, tab)
    if size < 2:
        sys.exit('no KLSZ tag')
    if tag == 0x5A534C4B:
        break
    tab += 4 * size
end = struct.unpack_from('<I', d, tab + 8)[0]
want = struct.unpack_from('<I', d, end)[0]
if d[end - 2:end] != b'YZ':
    sys.exit('no XZ stream footer before the KLSZ size word at %#x' % end)
backward = struct.unpack_from('<I', d, end - 8)[0]
index_len = (backward + 1) * 4
index = d[end - 12 - index_len:end - 12]

def vli(buf, i):
    val = shift = 0
    while True:
        c = buf[i]
        i += 1
        val |= (c & 0x7f) << shift
        shift += 7
        if not c & 0x80:
            return val, i

if index[0] != 0:
    sys.exit('bad XZ index indicator')
nrec, i = vli(index, 1)
blocks = 0
for _ in range(nrec):
    unpadded, i = vli(index, i)
    _, i = vli(index, i)
    blocks += (unpadded + 3) & ~3
start = end - 12 - index_len - blocks - 12
if d[start:start + 6] != b'\xfd7zXZ\x00':
    sys.exit('no XZ stream header at computed start %#x' % start)
# The block headers carry the ARM BCJ + LZMA2 filter chain.
img = lzma.decompress(d[start:end], format=lzma.FORMAT_XZ)
if len(img) != want:
    sys.exit('inflated %d bytes, KLSZ says %d' % (len(img), want))
open(sys.argv[2], 'wb').write(img)
print('xz stream %#x..%#x' % (start, end))
PY
}

check_vmlinuz() {
	local f=$CACHE/armhf/vmlinuz
	[ -f "$f" ] || { bad "armhf/vmlinuz missing"; return 1; }
	[ "$(le32_at "$f" 0x24)" = $((0x016F2818)) ] || {
		bad "armhf/vmlinuz: no zImage magic 0x016F2818 at 0x24" \
			"(debian-installer-12-netboot-armhf)"
		return 1
	}
	ok armhf/vmlinuz "$(stat -c %s "$f") bytes"
}

make_vmlinuz() {
	need_file "$ARM_ZIMAGE" debian-installer-12-netboot-armhf
	cp "$ARM_ZIMAGE" "$CACHE/armhf/vmlinuz.tmp"
	mv "$CACHE/armhf/vmlinuz.tmp" "$CACHE/armhf/vmlinuz"
}

check_image() {
	local f=$CACHE/armhf/Image want
	[ -f "$f" ] || { bad "armhf/Image missing"; return 1; }
	want=$(zimage_klsz "$CACHE/armhf/vmlinuz") ||
		{ bad "armhf/vmlinuz: cannot read the KLSZ tag"; return 1; }
	want=${want#* }
	[ "$(stat -c %s "$f")" = "$want" ] ||
		{ bad "armhf/Image: size is not the KLSZ value $want"; return 1; }
	ok armhf/Image "$want bytes (KLSZ)"
}

make_image() {
	inflate_zimage "$CACHE/armhf/vmlinuz" "$CACHE/armhf/Image.tmp" ||
		die "armhf/Image: inflating armhf/vmlinuz failed (debian-installer-12-netboot-armhf)"
	mv "$CACHE/armhf/Image.tmp" "$CACHE/armhf/Image"
}

check_dtbs() {
	local d=$CACHE/armhf/dtbs n
	[ -f "$d/vexpress-v2p-ca15-tc1.dtb" ] ||
		{ bad "armhf/dtbs: no vexpress-v2p-ca15-tc1.dtb"; return 1; }
	n=$(find -L "$d" -name '*.dtb' | wc -l)
	[ "$n" -ge 100 ] || {
		bad "armhf/dtbs: only $n DTBs (debian-installer-12-netboot-armhf)"
		return 1
	}
	ok armhf/dtbs "$n DTBs"
}

make_dtbs() {
	need_file "$ARM_DTBS/vexpress-v2p-ca15-tc1.dtb" debian-installer-12-netboot-armhf
	rm -rf "$CACHE/armhf/dtbs"
	ln -s "$ARM_DTBS" "$CACHE/armhf/dtbs"
}

# ---- QEMU virt DTBs ---------------------------------------------------------

check_virt_dtb() { # name expected-psci-method
	local f=$CACHE/armhf/$1 m
	[ -f "$f" ] || { bad "armhf/$1 missing"; return 1; }
	fdtget "$f" / compatible 2>/dev/null | grep -q 'linux,dummy-virt' ||
		{ bad "armhf/$1: not a QEMU virt DTB (qemu-system-arm, device-tree-compiler)"; return 1; }
	m=$(fdtget "$f" /psci method 2>/dev/null) || m=none
	[ "$m" = "$2" ] || {
		bad "armhf/$1: /psci method is '$m', expected '$2' (qemu-system-arm)"
		return 1
	}
	ok "armhf/$1" "psci $m"
}

make_virt_dtb() { # name machine-options
	rm -f "$CACHE/armhf/$1"
	qemu-system-arm -M "virt${2:-},dumpdtb=$CACHE/armhf/$1" -cpu cortex-a15 -m 512 \
		-display none </dev/null >/dev/null 2>&1 ||
		[ -s "$CACHE/armhf/$1" ] ||
		die "armhf/$1: qemu-system-arm -M virt$2,dumpdtb failed (qemu-system-arm)"
}

# The DTBs QEMU hands a kernel: `-M MACHINE,dumpdtb=FILE` writes the DTB
# after QEMU's own fix-ups (/memory, /chosen) and exits; no -kernel needed.
# Paths in the options are relative to the cache, where QEMU runs.
qemu_dtb_opts() { # name -> QEMU options, one per line
	local m d mem
	case $1 in
	virt-*m)
		mem=${1#virt-}
		printf '%s\n' -M virt -cpu cortex-a15 -m "${mem%m}"
		return
		;;
	esac
	read -r m d mem _ < <(grep -v '^#' "$ROOT/tests/qemu/boards-arm.list" |
		awk -v m="$1" '$1 == m')
	[ -n "$m" ] || die "armhf/qemu-dtbs/$1: not in tests/qemu/boards-arm.list"
	printf '%s\n' -M "$m" -m "$mem" -dtb "armhf/dtbs/$d.dtb"
}

check_qemu_dtb() { # name
	local f=$CACHE/armhf/qemu-dtbs/$1.dtb mem
	[ -f "$f" ] || { bad "armhf/qemu-dtbs/$1.dtb missing"; return 1; }
	cmp -s "${f%.dtb}.cmd" <(qemu_dtb_opts "$1") ||
		{ bad "armhf/qemu-dtbs/$1.dtb: dumped with other options than now"; return 1; }
	mem=$(fdtget -t x "$f" "/$(fdtget -l "$f" / | grep -m1 '^memory')" reg 2>/dev/null) ||
		{ bad "armhf/qemu-dtbs/$1.dtb: no /memory reg (qemu-system-arm)"; return 1; }
	ok "armhf/qemu-dtbs/$1" "memory $mem"
}

make_qemu_dtb() { # name
	local f=$CACHE/armhf/qemu-dtbs/$1.dtb opts
	mapfile -t opts < <(qemu_dtb_opts "$1")
	mkdir -p "$CACHE/armhf/qemu-dtbs"
	rm -f "$f" "${f%.dtb}.cmd"
	opts[1]=${opts[1]},dumpdtb=$f
	(cd "$CACHE" && qemu-system-arm "${opts[@]}" -display none </dev/null >/dev/null 2>&1) ||
		[ -s "$f" ] || die "armhf/qemu-dtbs/$1.dtb: qemu-system-arm ${opts[*]} failed"
	qemu_dtb_opts "$1" >"${f%.dtb}.cmd"
}

# ---- x86 kernel -------------------------------------------------------------

check_bzimage() {
	local f=$CACHE/amd64/linux
	[ -f "$f" ] || { bad "amd64/linux missing"; return 1; }
	[ "$(dd if="$f" bs=1 skip=$((0x202)) count=4 2>/dev/null)" = HdrS ] ||
		{ bad "amd64/linux: no \"HdrS\" at 0x202 (debian-installer-12-netboot-amd64)"; return 1; }
	ok amd64/linux "$(stat -c %s "$f") bytes"
}

make_bzimage() {
	need_file "$X86_BZIMAGE" debian-installer-12-netboot-amd64
	cp "$X86_BZIMAGE" "$CACHE/amd64/linux.tmp"
	mv "$CACHE/amd64/linux.tmp" "$CACHE/amd64/linux"
}

# ---- arm64 kernel ------------------------------------------------------------

check_image64() {
	local f=$CACHE/arm64/Image
	[ -f "$f" ] || { bad "arm64/Image missing"; return 1; }
	[ "$(le32_at "$f" 0x38)" = $((0x644d5241)) ] ||
		{ bad "arm64/Image: no \"ARM\\x64\" at 0x38 (debian-installer-12-netboot-arm64)"; return 1; }
	ok arm64/Image "$(stat -c %s "$f") bytes"
}

make_image64() {
	need_file "$A64_IMAGE" debian-installer-12-netboot-arm64
	cp "$A64_IMAGE" "$CACHE/arm64/Image.tmp"
	mv "$CACHE/arm64/Image.tmp" "$CACHE/arm64/Image"
}

check_image64_gz() {
	local f=$CACHE/arm64/Image.gz
	[ -f "$f" ] || { bad "arm64/Image.gz missing"; return 1; }
	gzip -dc "$f" | cmp -s - "$CACHE/arm64/Image" ||
		{ bad "arm64/Image.gz does not inflate to arm64/Image"; return 1; }
	ok arm64/Image.gz "$(stat -c %s "$f") bytes"
}

make_image64_gz() {
	gzip -9nc "$CACHE/arm64/Image" >"$CACHE/arm64/Image.gz.tmp"
	mv "$CACHE/arm64/Image.gz.tmp" "$CACHE/arm64/Image.gz"
}

# ---- foreign .debs ----------------------------------------------------------

# apt-get download checks each file's hash against the index. It runs as
# _apt, which must be able to write the download directory.
fetch_debs() { # arch pkg...
	local arch=$1 p list=()
	shift
	mkdir -p "$CACHE/debs"
	if [ "$(id -u)" = 0 ] && id _apt >/dev/null 2>&1; then
		chown _apt "$CACHE/debs"
	fi
	for p in "$@"; do
		list+=("$p:$arch")
	done
	(cd "$CACHE/debs" && apt-get download -q "${list[@]}") >"$CACHE/debs/download.log" 2>&1 ||
		die "apt-get download ${list[*]} failed (see $CACHE/debs/download.log;" \
			"armhf enabled and apt-get update done? scripts/setup.sh)"
}

# Newest downloaded .deb of a package (several versions may accumulate).
deb_of() { # pkg arch
	local f best=
	for f in "$CACHE/debs/$1"_*_"$2".deb; do
		[ -f "$f" ] || continue
		if [ -z "$best" ] || dpkg --compare-versions \
			"$(dpkg-deb -f "$f" Version)" gt "$(dpkg-deb -f "$best" Version)"; then
			best=$f
		fi
	done
	[ -n "$best" ] || die "no downloaded .deb for $1:$2 in $CACHE/debs"
	echo "$best"
}

# ---- busybox ------------------------------------------------------------------

check_busybox() { # arch machine-substring
	local f=$CACHE/$1/busybox
	[ -x "$f" ] || { bad "$1/busybox missing"; return 1; }
	case $(elf_machine "$f") in
	*"$2"*) ;;
	*)
		bad "$1/busybox: ELF machine '$(elf_machine "$f")', expected $2 (busybox-static:$1)"
		return 1
		;;
	esac
	is_static "$f" || { bad "$1/busybox: not statically linked (busybox-static:$1)"; return 1; }
	ok "$1/busybox" "$(elf_machine "$f"), static"
}

make_busybox_foreign() { # arch
	local tmp=$CACHE/$1/busybox.unpack
	fetch_debs "$1" busybox-static
	rm -rf "$tmp"
	dpkg-deb -x "$(deb_of busybox-static "$1")" "$tmp"
	need_file "$tmp/bin/busybox" "busybox-static:$1"
	install -m 755 "$tmp/bin/busybox" "$CACHE/$1/busybox"
	rm -rf "$tmp"
}

make_busybox_amd64() {
	local src
	src=$(dpkg -L busybox-static 2>/dev/null | grep -m1 '/bin/busybox$') ||
		die "amd64/busybox: package busybox-static not installed (scripts/setup.sh)"
	install -m 755 "$src" "$CACHE/amd64/busybox"
}

# ---- kexec-tools ----------------------------------------------------------------

# check_kexec_foreign ARCH ELF-MACHINE LOADER
check_kexec_foreign() {
	local r=$CACHE/$1/kexec-root
	[ -f "$r/.complete" ] || { bad "$1/kexec-root missing or incomplete"; return 1; }
	[ "$(elf_machine "$r/sbin/kexec")" = "$2" ] ||
		{ bad "$1/kexec-root/sbin/kexec: not an $2 ELF (kexec-tools:$1)"; return 1; }
	[ -e "$r/lib/$3" ] || { bad "$1/kexec-root: no lib/$3 (libc6:$1)"; return 1; }
	ok "$1/kexec-root" "$(find "$r/lib" -name '*.so*' | wc -l) libraries"
}

needed_libs() {
	readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p'
}

# make_kexec_foreign ARCH TRIPLET LOADER: copy sbin/kexec and, transitively,
# every DT_NEEDED library found in the unpacked packages into one multiarch
# directory the foreign loader searches.
make_kexec_foreign() {
	local arch=$1 stage=$CACHE/$1/kexec-stage root=$CACHE/$1/kexec-root
	local libdir=lib/$2 ldso=$3 p f lib src queue interp
	# shellcheck disable=SC2086 # a list
	fetch_debs "$arch" $ARM_KEXEC_DEBS
	rm -rf "$stage" "$root"
	for p in $ARM_KEXEC_DEBS; do
		dpkg-deb -x "$(deb_of "$p" "$arch")" "$stage"
	done
	need_file "$stage/sbin/kexec" "kexec-tools:$arch"
	mkdir -p "$root/sbin" "$root/$libdir"
	install -m 755 "$stage/sbin/kexec" "$root/sbin/kexec"
	queue=("$root/sbin/kexec")
	while [ ${#queue[@]} -gt 0 ]; do
		f=${queue[0]}
		queue=("${queue[@]:1}")
		for lib in $(needed_libs "$f"); do
			[ -e "$root/$libdir/$lib" ] && continue
			src=
			for p in "$stage/$libdir" "$stage/usr/$libdir" "$stage/lib" "$stage/usr/lib"; do
				[ -e "$p/$lib" ] && src=$p/$lib && break
			done
			[ -n "$src" ] || die "$arch/kexec-root: $lib (needed by ${f#"$root/"})" \
				"is in none of: $ARM_KEXEC_DEBS"
			cp -L "$src" "$root/$libdir/$lib"
			queue+=("$root/$libdir/$lib")
		done
	done
	interp=$(readelf -l "$root/sbin/kexec" | sed -n 's/.*program interpreter: \(.*\)\]$/\1/p')
	[ "$interp" = "/lib/$ldso" ] ||
		die "$arch/kexec-root: unexpected interpreter '$interp' (kexec-tools:$arch)"
	[ -e "$root/$libdir/$ldso" ] ||
		cp -L "$stage/$libdir/$ldso" "$root/$libdir/" ||
		die "$arch/kexec-root: no $ldso in libc6:$arch"
	ln -s "$2/$ldso" "$root/lib/$ldso"
	rm -rf "$stage"
	touch "$root/.complete"
}

check_kexec_amd64() {
	local r=$CACHE/amd64/kexec-root v
	[ -f "$r/.complete" ] || { bad "amd64/kexec-root missing or incomplete"; return 1; }
	v=$("$r/lib64/ld-linux-x86-64.so.2" --library-path "$r/lib/x86_64-linux-gnu" \
		"$r/sbin/kexec" --version 2>&1) || {
		bad "amd64/kexec-root: 'kexec --version' via the copied loader failed: $v"
		return 1
	}
	ok amd64/kexec-root "$v"
}

make_kexec_amd64() {
	local root=$CACHE/amd64/kexec-root src lib
	src=$(dpkg -L kexec-tools 2>/dev/null | grep -m1 '/sbin/kexec$') ||
		die "amd64/kexec-root: package kexec-tools not installed (scripts/setup.sh)"
	rm -rf "$root"
	mkdir -p "$root/sbin"
	install -m 755 "$src" "$root/sbin/kexec"
	# ldd lines: "libx.so => /path (addr)" or "/lib64/ld-linux-x86-64.so.2 (addr)".
	for lib in $(ldd "$src" | sed -n -e 's/.*=> \(\/[^ ]*\) .*/\1/p' \
		-e 's/^[[:space:]]*\(\/[^ ]*\) .*/\1/p'); do
		mkdir -p "$root$(dirname "$lib")"
		cp -L "$lib" "$root$lib"
	done
	[ -e "$root/lib64/ld-linux-x86-64.so.2" ] ||
		die "amd64/kexec-root: ldd listed no /lib64/ld-linux-x86-64.so.2 (libc6)"
	touch "$root/.complete"
}

# ---- driver ---------------------------------------------------------------------

stamp_text() {
	sha256sum "$0" | cut -d' ' -f1
	# shellcheck disable=SC2086 # a list
	dpkg-query -W -f='${Package} ${Version}\n' $STAMP_PKGS 2>/dev/null || true
}

step() { # name check-cmd make-cmd
	local why=
	if [ -z "$fresh" ] && $2; then
		return 0
	fi
	printf 'fixtures: %-22s making%s\n' "$1" "${why:+ ($why)}"
	$3
	$2 || die "$why"
}

main() {
	local t0=$SECONDS stamp=$CACHE/.fixtures-stamp fresh=
	local m
	mkdir -p "$CACHE/armhf" "$CACHE/arm64" "$CACHE/amd64"
	if ! cmp -s "$stamp" <(stamp_text); then
		fresh=1
		rm -f "$stamp"
	fi
	step armhf/vmlinuz check_vmlinuz make_vmlinuz
	step armhf/Image check_image make_image
	step armhf/dtbs check_dtbs make_dtbs
	step armhf/virt.dtb "check_virt_dtb virt.dtb hvc" "make_virt_dtb virt.dtb"
	step armhf/virt-hyp.dtb "check_virt_dtb virt-hyp.dtb smc" \
		"make_virt_dtb virt-hyp.dtb ,virtualization=on"
	for m in $(grep -v '^#' "$ROOT/tests/qemu/boards-arm.list" | awk '{ print $1 }') \
		virt-1024m virt-2048m; do
		step "armhf/qemu-dtbs/$m" "check_qemu_dtb $m" "make_qemu_dtb $m"
	done
	step armhf/busybox "check_busybox armhf ARM" "make_busybox_foreign armhf"
	step armhf/kexec-root "check_kexec_foreign armhf ARM ld-linux-armhf.so.3" \
		"make_kexec_foreign armhf arm-linux-gnueabihf ld-linux-armhf.so.3"
	step arm64/Image check_image64 make_image64
	step arm64/Image.gz check_image64_gz make_image64_gz
	step arm64/busybox "check_busybox arm64 AArch64" "make_busybox_foreign arm64"
	step arm64/kexec-root "check_kexec_foreign arm64 AArch64 ld-linux-aarch64.so.1" \
		"make_kexec_foreign arm64 aarch64-linux-gnu ld-linux-aarch64.so.1"
	step amd64/linux check_bzimage make_bzimage
	step amd64/busybox "check_busybox amd64 X86-64" make_busybox_amd64
	step amd64/kexec-root check_kexec_amd64 make_kexec_amd64
	stamp_text >"$stamp"
	echo "fixtures: all present in $CACHE ($((SECONDS - t0)) s)"
}

main "$@"
