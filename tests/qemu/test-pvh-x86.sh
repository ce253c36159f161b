#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The x86 fast path (issue 17, docs/blob-format.md CB_SEC_PVH): the Debian
# amd64 bzImage packed with --compress lz4 or deflate becomes its vmlinux's
# memory image, which the stub decodes at 16 MiB and enters at the PVH
# entry with an hvm_start_info; Linux's own XZ decompressor never runs.
# Every boot checks the stub said so ("path: pvh, entry 01000850") and the
# kernel reached the test initramfs with the packed command line and
# initrd (module 0). Cases:
# - QEMU -kernel BLOB (Linux front, zero page e820), lz4 and deflate, 512
#   MiB and 5 GiB; the multiboot entry (the blob without its front: the
#   multiboot mmap becomes the start info's memmap);
# - GRUB 2's linux and multiboot loaders, with a ramdisk or module of
#   GRUB's beside the packed initrd;
# - a blob that reaches past 16 MiB (a 4 MiB payload in the initrd): the
#   kernel's fixed place overlaps it, so the stub moves the blob first;
# - kexec from the running Debian kernel (kexec-tools 2.0.25): `kexec -l`
#   (its bzImage64 loader), `kexec -s` (kexec_file_load) on a 5 GiB
#   machine, and the 32-bit bzImage loader;
# - the vmlinux with its PVH note patched away (given with --vmlinux):
#   hostpack keeps the bzImage path (and --x86-entry pvh refuses it: "no
#   PVH note"), the stub says "path: bzImage" and the kernel boots the
#   bzImage way; --compress none keeps the bzImage path too;
# - `hostpack unpack` of a fast-path blob gives a vmlinux that QEMU's own
#   PVH loader (-kernel vmlinux) boots.
# The fast path has no zero page, so the stub's log does not reach the
# kernel (no setup_data): check_stub_log is for the bzImage path only.

. "$(dirname "$0")/lib.sh"
. "$CB_ROOT/tests/kexec/lib.sh"

kernel=$CB_CACHE/amd64/linux
hostpack=$CB_BUILD/hostpack
work=$CB_BUILD/test-pvh-x86
initrd=$work/pvh.cpio.gz
big=$work/pvh-big.cpio.gz
need_files pvh-x86 "$kernel" "$hostpack" "$CB_CACHE/amd64/busybox" \
	"$CB_CACHE/amd64/kexec-root/sbin/kexec" || exit 1
mkdir -p "$work" "$CB_LOGDIR"
cb_initramfs amd64 "$initrd" || exit 1
cb_initramfs amd64 "$big" --payload-size 4M --seed big || exit 1
PVH_MARK="path: pvh, entry 01000850"

# pack NAME CODEC [HOSTPACK-ARG...]: $work/NAME.blob, the packed cmdline in
# $packed; prints a FAIL line and returns 1 if hostpack fails.
pack() {
	local name=$1 codec=$2
	packed="console=ttyS0 quiet chainboot.test=$name"
	"$hostpack" pack --arch x86_64 --kernel "$kernel" --initrd "${INITRD:-$initrd}" \
		--cmdline "$packed" --compress "$codec" "${@:3}" \
		-o "$work/$name.blob" >"$CB_LOGDIR/$name.pack" 2>&1 && return 0
	echo "FAIL: $name: hostpack pack failed: $(tail -1 "$CB_LOGDIR/$name.pack")"
	return 1
}

# `hostpack info` of NAME's blob has the line "path     TEXT".
check_info_path() { # name text
	local line
	line=$("$hostpack" info "$work/$1.blob" | grep '^path ')
	[ "${line#path     }" = "$2" ] || CB_WHY+=("info says '$line', expected 'path     $2'")
}

# [ENTRY=mb] [MARK=TEXT] boot NAME MEM CODEC [HOSTPACK-ARG...]
boot() {
	local name=$1 mem=$2 blob entry="linux 53726448 "
	pack "$name" "$3" "${@:4}" || return
	blob=$work/$name.blob
	if [ "${ENTRY:-}" = mb ]; then
		tail -c +1025 "$blob" >"$blob.mb"
		blob=$blob.mb
		entry="mb 2badb002 "
	fi
	QEMU_STOP_ON=CHAINBOOT-INIT-DONE qemu_run "$name" qemu-system-x86_64 -M pc -m "$mem" \
		-nographic -no-reboot -kernel "$blob"
	check_marker "${MARK:-$PVH_MARK}"
	check_marker "$entry"
	check_marker "starting kernel at"
	check_initrd_ok
	check_cmdline "$packed"
	check_exit
}

for codec in lz4 deflate; do
	boot "pvh-$codec-512m" 512 "$codec"
	check_info_path "pvh-$codec-512m" "PVH fast path: entry 0x1000850, kernel image at 0x1000000"
	test_result "pvh-$codec-512m"
	boot "pvh-$codec-5g" 5G "$codec"
	test_result "pvh-$codec-5g"
done
ENTRY=mb boot pvh-mb-lz4-512m 512 lz4
test_result pvh-mb-lz4-512m
ENTRY=mb boot pvh-mb-deflate-5g 5G deflate
test_result pvh-mb-deflate-5g

# Past 16 MiB: the stub relocates the blob, then plans again from there.
INITRD=$big boot pvh-reloc-lz4-512m 512 lz4
check_marker "relocating blob to"
check_marker "chainboot 1.0: blob at 0"
test_result pvh-reloc-lz4-512m

# The PVH note removed: its type (18, XEN_ELFNOTE_PHYS32_ENTRY) patched in
# the decoded vmlinux. hostpack falls back; the stub takes the bzImage path
# and hands its log over as on that path.
nonote=$work/vmlinux-nonote
if python3 - "$kernel" "$nonote" <<'PY'; then
import lzma, struct, sys
d = open(sys.argv[1], "rb").read()
setup = ((d[0x1f1] or 4) + 1) * 512
off, length = struct.unpack_from("<II", d, 0x248)
elf = bytearray(lzma.LZMADecompressor().decompress(d[setup + off:setup + off + length]))
phoff, = struct.unpack_from("<Q", elf, 32)
phnum, = struct.unpack_from("<H", elf, 56)
patched = 0
for i in range(phnum):
    ptype, = struct.unpack_from("<I", elf, phoff + 56 * i)
    if ptype != 4:
        continue
    o, = struct.unpack_from("<Q", elf, phoff + 56 * i + 8)
    end = o + struct.unpack_from("<Q", elf, phoff + 56 * i + 32)[0]
    while o + 12 <= end:
        namesz, descsz, ntype = struct.unpack_from("<III", elf, o)
        if ntype == 18 and elf[o + 12:o + 16] == b"Xen\0":
            struct.pack_into("<I", elf, o + 8, 0x7fff)
            patched += 1
        o += 12 + (namesz + 3) // 4 * 4 + (descsz + 3) // 4 * 4
if patched != 1:
    sys.exit("PVH notes found: %d, expected 1" % patched)
open(sys.argv[2], "wb").write(elf)
PY
	MARK="path: bzImage" boot pvh-nonote-lz4-512m 512 lz4 --vmlinux "$nonote"
	# (info reads the bzImage in the blob, which has the note)
	check_info_path pvh-nonote-lz4-512m \
		"PVH entry 0x1000850 not used (--compress none, --x86-entry bzimage or --vmlinux): bzImage path"
	check_no_marker "$PVH_MARK"
	check_stub_log
	test_result pvh-nonote-lz4-512m
else
	echo "FAIL: pvh-nonote-lz4-512m: could not patch the vmlinux"
fi
# --x86-entry pvh refuses a kernel without the note; --compress none keeps
# the bzImage path by default.
rm -f "$work/refused.blob"
if "$hostpack" pack --arch x86_64 --kernel "$kernel" --vmlinux "$nonote" --compress lz4 \
	--x86-entry pvh -o "$work/refused.blob" 2>"$CB_LOGDIR/pvh-refused.pack"; then
	CB_WHY+=("--x86-entry pvh packed a kernel without a PVH note")
fi
grep -q "x86-entry pvh: no PVH note" "$CB_LOGDIR/pvh-refused.pack" ||
	CB_WHY+=("no 'no PVH note' message: $(cat "$CB_LOGDIR/pvh-refused.pack")")
[ -e "$work/refused.blob" ] && CB_WHY+=("a refused pack left $work/refused.blob")
pack pvh-none none && check_info_path pvh-none \
	"PVH entry 0x1000850 not used (--compress none, --x86-entry bzimage or --vmlinux): bzImage path"
test_result pvh-pack-choices

# unpack: the kernel as an ELF with its PVH note, which QEMU boots itself.
rm -rf "$work/unpacked"
if pack pvh-unpack lz4 && "$hostpack" unpack "$work/pvh-unpack.blob" -d "$work/unpacked" \
	>"$CB_LOGDIR/pvh-unpack.unpack" 2>&1; then
	QEMU_STOP_ON=CHAINBOOT-INIT-DONE qemu_run pvh-unpack-qemu qemu-system-x86_64 -M pc \
		-m 512 -nographic -no-reboot -kernel "$work/unpacked/vmlinux" \
		-initrd "$work/unpacked/initrd" -append "$(cat "$work/unpacked/cmdline")"
	check_initrd_ok
	check_cmdline "$packed"
	check_exit
	# and hostpack takes it back: the same kernel section
	"$hostpack" pack --arch x86_64 --kernel "$work/unpacked/vmlinux" --compress lz4 \
		--initrd "$initrd" --cmdline "$packed" -o "$work/repacked.blob" 2>&1 ||
		CB_WHY+=("hostpack does not take the unpacked vmlinux back")
	cmp -s <(tail -c +1025 "$work/repacked.blob") <(tail -c +1025 "$work/pvh-unpack.blob") ||
		CB_WHY+=("the repacked blob differs from the first")
else
	CB_WHY+=("unpack failed: $(tail -1 "$CB_LOGDIR/pvh-unpack.unpack" 2>/dev/null)")
fi
test_result pvh-unpack

# GRUB 2 (grub-pc, a grub-mkrescue ISO on -cdrom, console on COM1): its
# Linux loader and its multiboot loader, each with a ramdisk or module of
# its own beside the packed initrd (planned around: the packed one wins).
# GRUB puts a module right after the multiboot bss, which hostpack extends
# over the fixed kernel's place (16 MiB + 58 MiB) for a PVH blob: the
# module lands past it, not in the kernel's way.
# [MEM=MiB] grub_boot NAME linux|multiboot ENTRY-MARK [ramdisk]
grub_boot() {
	local name=$1 loader=$2 mark=$3 ramdisk=${4:-} dir=$work/$1
	rm -rf "$dir"
	mkdir -p "$dir/iso"
	pack "$name" lz4 || return
	cp "$work/$name.blob" "$dir/iso/blob"
	grub_iso "$name" "$dir" "$loader" "" ${ramdisk:+"$big"} || return
	QEMU_STOP_ON=CHAINBOOT-INIT-DONE qemu_run "$name" qemu-system-x86_64 -M pc \
		-m "${MEM:-512}" -nographic -no-reboot -cdrom "$dir/grub.iso"
	check_marker "$mark"
	check_marker "$PVH_MARK"
	check_initrd_ok
	check_cmdline "$packed"
	check_exit
	[ -n "$ramdisk" ] && check_modules_clear
	test_result "$name"
	rm -rf "$dir"
}
if need_grub grub-pvh; then
	grub_boot grub-pvh-linux linux "linux 53726448 " ramdisk
	grub_boot grub-pvh-multiboot multiboot "mb 2badb002 " ramdisk
	MEM=5120 grub_boot grub-pvh-multiboot-5g multiboot "mb 2badb002 "
fi

# kexec from the running Debian amd64 kernel (tests/kexec/extra-init runs
# `kexec -l /blob ARGS` and `kexec -e`).
first="console=ttyS0 quiet chainboot.stage=1"
# [MEM=MiB] kexec_boot NAME ENTRY-MARK [KEXEC-ARG...]
kexec_boot() {
	local name=$1 mark=$2
	shift 2
	pack "$name" lz4 || return
	kexec_stage1 amd64 "$work/$name.stage1.cpio.gz" "blob=$work/$name.blob" \
		-- /blob "$@" || return
	QEMU_TIMEOUT=${QEMU_TIMEOUT:-120} qemu_run "$name" qemu-system-x86_64 \
		-m "${MEM:-1024}" -nographic -no-reboot -kernel "$kernel" \
		-initrd "$work/$name.stage1.cpio.gz" -append "$first"
	check_kexec_loaded
	check_second_boot "$packed"
	check_marker "$mark"
	check_marker "$PVH_MARK"
	check_exit
	test_result "$name"
}
kexec_boot kexec-pvh "linux 34366448 "
MEM=5120 kexec_boot kexec-pvh-file-5g "linux 34366448 " -s
kexec_boot kexec-pvh-bz "linux 53726448 " --type=bzImage
