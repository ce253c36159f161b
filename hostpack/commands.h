/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The hostpack commands.  Each takes its own argv (argv[0] is the command
 * name) and returns the process exit code (HP_OK or HP_E*).
 */
#ifndef HOSTPACK_COMMANDS_H
#define HOSTPACK_COMMANDS_H

int cmd_pack(int argc, char **argv);
int cmd_info(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_unpack(int argc, char **argv);

#endif
