# SPDX-License-Identifier: GPL-2.0-or-later
# Decode benchmark (a benchmark, not a test).  `make bench-decode` builds
#   $(O)/tests/bench_decode [--quick] [--runs N] [IMAGE]
# IMAGE defaults to $CB_CACHE/armhf/Image (CB_CACHE defaults to .cache).
BENCH_DECODE_SRCS := tests/bench/bench_decode.c stub/inflate.c stub/lz4.c stub/crc32.c

$(O)/tests/bench_decode: $(BENCH_DECODE_SRCS) $(wildcard stub/include/*.h) | $(O)/tests
	@echo "  HOSTCC  $@"
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -o $@ $(BENCH_DECODE_SRCS) -lz -llz4 -ldeflate

bench-decode: $(O)/tests/bench_decode

.PHONY: bench-decode
