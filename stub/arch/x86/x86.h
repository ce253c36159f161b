/* SPDX-License-Identifier: GPL-2.0-or-later */
/* x86 facts shared by entry.S and arch.c. */
#ifndef CHAINBOOT_X86_H
#define CHAINBOOT_X86_H

#define STACK_SIZE		0x9000	/* the log (STUB_LOG_SIZE), then struct stub and
					 * the decoders' frames */
#define BOOT_CS			0x10	/* Documentation/arch/x86/boot.rst */
#define BOOT_DS			0x18
#define MB_BOOT_MAGIC		0x2badb002	/* EAX from a multiboot loader */
#define LINUX_BOOT_MARK		0x53726448	/* "HdrS": entry.S, from a Linux loader */
#define LINUX64_BOOT_MARK	0x34366448	/* "Hd64": the same, through the 64-bit entry */
/* "CBRM" at efi_info in the Linux front's boot sector (setup.S): a zero page
 * that is the front's own real-mode area, code where screen_info and
 * acpi_rsdp_addr would be, so nothing in it is passed on (arch.c). */
#define CB_LX_FRONT_MAGIC	0x4d524243

#ifndef __ASSEMBLER__
#include <stdint.h>
/* Load our GDT and segments, ESI = @params, EBX = @ebx, EBP = EDI = 0,
 * jump to @entry.  Arguments in EAX, EDX and ECX (the stub is built with
 * -mregparm=3). */
__attribute__((noreturn)) void arch_enter(uint32_t entry, uint32_t params, uint32_t ebx);

/* Run stub_main(@a0, @a1, 0, @base, STUB_F_VERIFIED) again with the stack
 * above the blob's copy at @base (entry.S): the code stays where it is. */
__attribute__((noreturn)) void arch_restart(uint32_t base, uint32_t a0, uint32_t a1);

struct layout_req;
/* Set a placement rule (arch.c): size, alignment, [min, max]. */
void x86_request(struct layout_req *q, uint32_t size, uint32_t align, uint32_t min,
		 uint32_t max);

extern char _start[], _bss_end[];	/* the running stub, ld/stub-x86_64.lds */
#endif

#endif
