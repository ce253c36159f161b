# SPDX-License-Identifier: GPL-2.0-or-later
#
# chainboot top-level Makefile.  Knobs (Kbuild style):
#   ARCH=armv7|x86_64|arm64  stub architecture for `make stub` (all builds each)
#   BOARD=NAME          board data file boards/NAME.conf used by `make demo`
#   CROSS_COMPILE=      prefix of the cross toolchain (arm-none-eabi-, aarch64-linux-gnu-)
#   O=DIR               out-of-tree build directory (default build)
#   V=1                 show every command
#   CACHE=DIR           git-ignored cache of fetched Debian files (.cache)

ARCH		?= armv7
BOARD		?= qemu-virt-armv7
O		?= build
V		?= 0
CACHE		?= $(CURDIR)/.cache
PREFIX		?= /usr/local
ARCHES		:= armv7 x86_64 arm64

ifeq ($(V),1)
Q :=
else
Q := @
endif

export O V CACHE Q

HOSTCC		?= gcc
HOST_CFLAGS	:= -std=gnu11 -O2 -g -Wall -Wextra -Werror -Istub/include -Ihostpack
HOST_LDLIBS	:=

all: stubs hostpack

# ---- stubs: one sub-make per architecture --------------------------------
stubs: $(foreach a,$(ARCHES),$(O)/stub-$(a).bin)

$(O)/stub-%.bin: FORCE
	$(Q)$(MAKE) --no-print-directory -f stub/Makefile ARCH=$*

stub: $(O)/stub-$(ARCH).bin

# ---- hostpack ------------------------------------------------------------
include hostpack/hostpack.mk

# ---- decode benchmark (make bench-decode; scripts/bench.sh runs it) -------
-include tests/bench/bench.mk

# ---- host unit tests: every tests/unit/*.mk adds to UNIT_TESTS -----------
UNIT_TESTS :=
include $(wildcard tests/unit/*.mk)

$(O)/tests/%: | $(O)/tests
	@:
$(O)/tests:
	$(Q)mkdir -p $@

define unit_rule
$(O)/tests/$(1): $$($(1)_SRCS) $$(wildcard stub/include/*.h tests/unit/*.h) | $(O)/tests
	@echo "  HOSTCC  $$@"
	$(Q)$(HOSTCC) $(HOST_CFLAGS) $$($(1)_CFLAGS) -o $$@ $$($(1)_SRCS) $$($(1)_LIBS)
endef
$(foreach t,$(UNIT_TESTS),$(eval $(call unit_rule,$(t))))

unit-tests: $(addprefix $(O)/tests/,$(UNIT_TESTS))

# ---- set-up, fixtures, tests, demo ----------------------------------------
setup:
	$(Q)scripts/setup.sh

fixtures: setup
	$(Q)scripts/fixtures.sh

check: setup
	$(Q)$(MAKE) --no-print-directory fixtures
	$(Q)$(MAKE) --no-print-directory all unit-tests
	$(Q)tests/run.sh

demo: setup
	$(Q)$(MAKE) --no-print-directory fixtures all
	$(Q)scripts/demo.sh

bench: setup
	$(Q)$(MAKE) --no-print-directory fixtures all
	$(Q)scripts/bench.sh

fuzz: setup
	$(Q)scripts/fuzz.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(O)/hostpack $(DESTDIR)$(PREFIX)/bin/hostpack
	install -m 644 docs/hostpack.1 $(DESTDIR)$(PREFIX)/share/man/man1/hostpack.1

clean:
	rm -rf $(O)

FORCE:
.PHONY: all stubs stub setup fixtures check demo bench fuzz install clean unit-tests FORCE
