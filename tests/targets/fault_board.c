/*
 * fault_board.c — stands in for the runtime in a test of the MPS2 board's
 * fault handler (tests/targets.rs, cortex_m_fault_is_reported_as_a_trap):
 * the board's reset path "runs the module", which executes an undefined
 * instruction. The board must report the UsageFault as a trap.
 */
#include <stddef.h>

long awsm_port_write(int fd, const void *buf, size_t len);

const int fault_module = 0;

void awsm_cm_print_error(const char *text) {
  size_t len = 0;
  while (text[len])
    len++;
  awsm_port_write(2, text, len);
}

__attribute__((noreturn)) void awsm_cm_run_command(const void *module) {
  (void)module;
  __asm__ volatile("udf #7");
  for (;;)
    ;
}
