/*
 * console.c — the runtime's error output on Cortex-M, over the board's
 * awsm_port_write. Its own file, below both the runtime's trap path
 * (trap.c, command.c) and board glue (a fault report), so that neither
 * calls into the other for it (firmware.h).
 */
#include "cm_internal.h"

/* Counts by itself: newlib's word-at-a-time strlen is 220 bytes of flash. */
void awsm_cm_print_error(const char *text) {
  size_t len = 0;
  while (text[len])
    len++;
  awsm_port_write(2, text, len);
}
