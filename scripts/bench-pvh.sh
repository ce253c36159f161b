#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The x86_64 fast path's figures (issue 17), for scripts/bench.sh, which
# includes what this prints (markdown) as section 6 of docs/benchmarks.md:
#   a. blob size per codec and path against the bzImage;
#   b. guest instructions from the blob's entry to the kernel's startup_64
#      (QEMU -icount record + gdb hardware breakpoints);
#   c. QEMU wall time to the initramfs's first line, medians, interleaved:
#      fast-path blob, bzImage-path blob, plain -kernel bzImage -initrd,
#      QEMU's own PVH boot of the vmlinux (-kernel vmlinux: the limit).
#
#   scripts/bench-pvh.sh HOSTPACK KERNEL OUTDIR RUNS [quick]
#
# Exits non-zero only when a step cannot run; no figure fails it.

set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/scripts/icount.sh"
HOSTPACK=$1
KERNEL=$2
OUT=$3/pvh
RUNS=$4
QUICK=${5:-}
mkdir -p "$OUT"
INITRD=$OUT/bench-x86.cpio.gz
# nokaslr: the decompressed kernel's startup_64 at 16 MiB on every path, so
# one breakpoint stops them all at the same point.
CMDLINE="console=ttyS0 quiet nokaslr"
QEMU=(qemu-system-x86_64 -M pc -m 512 -nographic -no-reboot)
BLOB_ENTRY=0x100000		# CB_MB_LOAD_ADDR: the stub's 32-bit entry
STARTUP_64=0x1000000		# LOAD_PHYSICAL_ADDR: the kernel's startup_64
MARKER=CHAINBOOT-INIT-START	# the test initramfs's first line

log() { echo "bench: $*" >&2; }
die() {
	echo "bench: $*" >&2
	exit 1
}
n() { echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "-"; else printf "%.2f", a / b }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2];
	else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

"$ROOT/scripts/mkinitramfs.sh" amd64 "$INITRD" >/dev/null || die "mkinitramfs amd64 failed"

# ---- a. the blobs and their sizes -------------------------------------------
log "6. x86 fast path: packing"
pack() { # name codec [hostpack args]
	local name=$1 codec=$2
	shift 2
	"$HOSTPACK" pack --arch x86_64 --kernel "$KERNEL" --initrd "$INITRD" \
		--cmdline "$CMDLINE" --compress "$codec" "$@" -o "$OUT/$name.blob" >/dev/null ||
		die "hostpack pack $name failed"
}
pack pvh-lz4 lz4
pack pvh-deflate deflate
pack bz-none none
pack bz-lz4 lz4 --x86-entry bzimage
rm -rf "$OUT/unpacked"
"$HOSTPACK" unpack "$OUT/pvh-lz4.blob" -d "$OUT/unpacked" >/dev/null || die "unpack failed"
VMLINUX=$OUT/unpacked/vmlinux
ksec() { "$HOSTPACK" info "$1" | awk '$2 == "kernel" { print $5, $6; exit }'; }
bz=$(stat -c %s "$KERNEL")
size_rows=
for b in pvh-lz4:"fast path, lz4" pvh-deflate:"fast path, deflate" \
	bz-none:"bzImage path, none (today's default)" bz-lz4:"bzImage path, lz4"; do
	f=$OUT/${b%%:*}.blob
	read -r stored size < <(ksec "$f")
	size_rows+="| ${b#*:} | $(n "$stored") | $(n "$size") | $(n "$(stat -c %s "$f")") | $(ratio "$(stat -c %s "$f")" "$bz") |"$'\n'
done

# ---- b. instructions, blob entry -> startup_64 -------------------------------
PORT=$((40000 + ($$ + 7) % 20000))
# Counts at each stop, one per line: QEMU -icount record, gdb hbreak at
# each ADDR in turn (an address may repeat: its next execution).
icount() { # qemu-args... -- addr...
	PORT=$((PORT + 1))
	icount_run "$PORT" 600 "${QEMU[@]}" "$@"
}
log "6. x86 fast path: instruction counts"
declare -A IC
# The fast path executes nothing at 16 MiB before startup_64 (the PVH entry
# is 0x1000850 and leads there); on the bzImage path the stub places the
# bzImage's own code at 16 MiB first (its startup_32), so startup_64 is the
# second execution there. The plain bzImage is loaded at 1 MiB by QEMU.
count() { # name stops-after-entry... -- qemu args
	local name=$1 stops=() c
	shift
	while [ "$1" != -- ]; do
		stops+=("$1")
		shift
	done
	shift
	mapfile -t c < <(icount "$@" -- $BLOB_ENTRY "${stops[@]}")
	[ ${#c[@]} -eq $((${#stops[@]} + 1)) ] ||
		die "icount $name: ${#c[@]} counts (see $OUT/icount-gdb.log)"
	IC[$name]=$((c[${#c[@]} - 1] - c[0]))
	log "  $name: ${IC[$name]}"
}
ic_names=(pvh-lz4 pvh-deflate bz-none bz-lz4 plain)
[ -n "$QUICK" ] && ic_names=(pvh-lz4 bz-none)
for b in "${ic_names[@]}"; do
	case $b in
	pvh-*) count "$b" $STARTUP_64 -- -kernel "$OUT/$b.blob" ;;
	bz-*) count "$b" $STARTUP_64 $STARTUP_64 -- -kernel "$OUT/$b.blob" ;;
	plain) count "$b" $STARTUP_64 -- -kernel "$KERNEL" -initrd "$INITRD" -append "$CMDLINE" ;;
	esac
done
ic_rows=
for b in pvh-lz4:"fast path, lz4" pvh-deflate:"fast path, deflate" bz-none:"bzImage path, none" \
	bz-lz4:"bzImage path, lz4" plain:"plain bzImage (-kernel -initrd -append)"; do
	v=${IC[${b%%:*}]:-}
	[ -n "$v" ] && ic_rows+="| ${b#*:} | $(n "$v") | $(ratio "$v" "${IC[bz-none]}") |"$'\n'
done

# ---- c. wall time to the initramfs's first line -------------------------------
wall() { # log qemu-args...
	local logf=$1 t0 t1 pid
	shift
	t0=$(date +%s%N)
	"${QEMU[@]}" "$@" </dev/null >"$logf" 2>&1 &
	pid=$!
	t1=
	for _ in $(seq 3000); do
		if grep -aq "$MARKER" "$logf"; then
			t1=$(date +%s%N)
			break
		fi
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.02
	done
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	[ -n "$t1" ] || return 1
	awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.2f\n", ns / 1e9 }'
}
log "6. x86 fast path: wall time ($RUNS runs each)"
w_names=(pvh-lz4 bz-none plain vmlinux)
declare -A T MED
for i in $(seq "$RUNS"); do
	for b in "${w_names[@]}"; do
		case $b in
		plain) args=(-kernel "$KERNEL" -initrd "$INITRD" -append "$CMDLINE") ;;
		vmlinux) args=(-kernel "$VMLINUX" -initrd "$INITRD" -append "$CMDLINE") ;;
		*) args=(-kernel "$OUT/$b.blob") ;;
		esac
		if t=$(wall "$OUT/wall-$b-$i.log" "${args[@]}"); then
			T[$b]="${T[$b]:-} $t"
		else
			log "  $b run $i: no $MARKER (see $OUT/wall-$b-$i.log)"
		fi
	done
done
for b in "${w_names[@]}"; do
	MED[$b]=$([ -n "${T[$b]:-}" ] && printf '%s\n' ${T[$b]} | median || echo "")
	log "  $b: ${MED[$b]:-failed} (${T[$b]:-})"
done
w_row() { # name label
	local v=${MED[$1]:-}
	if [ -z "$v" ]; then
		echo "| $2 | failed | ${T[$1]:-} | | |"
	else
		echo "| $2 | $v | ${T[$1]# } | $(ratio "$v" "${MED[vmlinux]:-0}") | $(ratio "$v" "${MED[plain]:-0}") |"
	fi
}
verdict=
if [ -n "${MED[pvh-lz4]:-}" ] && [ -n "${MED[vmlinux]:-}" ]; then
	r=$(ratio "${MED[pvh-lz4]}" "${MED[vmlinux]}")
	if awk -v r="$r" 'BEGIN { exit !(r <= 1.1) }'; then
		verdict="The fast path is within 1.1x of the limit (${r}x)."
	else
		verdict="**The fast path misses the 1.1x goal** (${r}x the limit)."
	fi
fi

cat <<EOF
## 6. x86_64: the PVH fast path (issue 17)

The Debian amd64 bzImage ($(n "$bz") bytes, an XZ payload) with the test
initramfs ($(n "$(stat -c %s "$INITRD")") bytes) and "$CMDLINE". Fast-path
blobs carry the vmlinux's PT_LOAD segments as one image (the stub decodes it
at 16 MiB and enters the PVH entry); bzImage-path blobs carry the bzImage's
protected-mode part, which still runs Linux's XZ decompressor.

Blob size (\`hostpack info\`; the file adds the 1,024-byte Linux front):

| blob | kernel section stored | kernel section decoded | blob file bytes | vs bzImage |
|---|---:|---:|---:|---:|
${size_rows%$'\n'}
| Debian bzImage | | | $(n "$bz") | 1.00 |

Guest instructions from the blob's 32-bit entry ($BLOB_ENTRY) to the first
instruction of the decompressed kernel's \`startup_64\` ($STARTUP_64 with
nokaslr): \`qemu-system-x86_64 -M pc -m 512 -icount shift=0,rr=record\`, gdb
\`hbreak\` and \`monitor info replay\` as in section 3. The bzImage path
stops at the second execution at $STARTUP_64 (the first is the bzImage's
own startup_32, which the stub places there); the plain bzImage is counted
from its startup_32 at 1 MiB, where QEMU loads it (QEMU's real-mode
setup code before it is not counted, nor is the stub's Linux front).

| boot | instructions, entry -> startup_64 | vs bzImage blob (none) |
|---|---:|---:|
${ic_rows%$'\n'}

QEMU wall time from start to the initramfs's first line ($MARKER), median of
$RUNS run(s), the four boots interleaved. "-kernel vmlinux" is QEMU's own PVH
boot of the uncompressed vmlinux (\`hostpack unpack\` of the fast-path blob):
nothing is decoded, the limit.

| boot | median s | runs s | vs -kernel vmlinux (limit) | vs plain bzImage |
|---|---:|---|---:|---:|
$(w_row pvh-lz4 "fast-path blob, lz4 (-kernel blob)")
$(w_row bz-none "bzImage-path blob (-kernel blob)")
$(w_row plain "plain bzImage (-kernel -initrd -append)")
$(w_row vmlinux "QEMU -kernel vmlinux (PVH, the limit)")

$verdict
EOF
