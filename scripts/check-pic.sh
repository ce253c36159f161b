#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The stub is linked at 0 and runs anywhere: no object may hold an absolute
# address (a pointer table, a literal of a data address).  Only the linker
# script's size symbols (_image_size, _bss_*) may appear as absolute words.
# usage: check-pic.sh READELF ELF...  (objects, or a stub linked with
# --emit-relocs: link-time optimization leaves no machine code in objects)
readelf=$1
shift
# (readelf names each file only when given several)
bad=$("$readelf" -rW "$@" | awk -v file="$1" '
	/^File:/ { file = $2 }
	/^Relocation section/ { sec = $3; gsub(/\047/, "", sec) }
	/R_ARM_ABS32|R_386_32 |R_AARCH64_ABS(64|32)|R_AARCH64_ADR_GOT|R_AARCH64_LD64_GOT/ && sec !~ /debug|ARM.ex/ && $5 !~ /^_(image|bss)_/ {
		print file ": " sec ": " $0 }')
if [ -n "$bad" ]; then
	echo "stub: absolute relocations in position-independent code:" >&2
	echo "$bad" >&2
	exit 1
fi
