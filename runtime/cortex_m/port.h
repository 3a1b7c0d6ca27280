/*
 * port.h — what a board provides to the Cortex-M runtime.
 *
 * The runtime in runtime/cortex_m/ (traps, memory strategies, the WASI
 * subset) touches no hardware: everything board-specific goes through
 * these functions. `awsm --board <name>` links board/mps2.c, which
 * implements them with Arm semihosting and SysTick; an object built
 * without --board leaves them undefined for the firmware to provide
 * (doc/targets.md, "Bring your own board").
 */
#ifndef AWSM_CORTEX_M_PORT_H
#define AWSM_CORTEX_M_PORT_H

#include <stddef.h>
#include <stdint.h>

/* Write `len` bytes to the guest's stdout (fd 1) or stderr (fd 2).
 * Returns the number of bytes written, or -1. Callers pass no other fd
 * (fd_write answers EBADF for them), so a board need not check. */
long awsm_port_write(int fd, const void *buf, size_t len);

/* End the program with `status`: 0 success, 134 a trap. */
__attribute__((noreturn)) void awsm_port_exit(int status);

/* Nanoseconds since some fixed point (boot), never decreasing; the WASI
 * realtime and monotonic clocks both read it. 0 if there is no timer. */
uint64_t awsm_port_clock_ns(void);

/* Lowest address the main stack may grow down to. Guest calls trap with
 * "call stack exhausted" AWSM_CM_STACK_MARGIN bytes above it. */
uintptr_t awsm_port_stack_bottom(void);

/* Bytes kept free below the guest's stack limit for runtime C code and
 * the trap path (semihosting output). */
#define AWSM_CM_STACK_MARGIN 2048u

/* ------------------------------------ what the runtime gives a board */

struct awsm_module;

/* Run `module`'s WASI `_start` (the module a firmware image was built
 * from: `awsm_entry_module`, or `<prefix>_module` of an object) and end
 * through awsm_port_exit with the status a Linux executable would have:
 * 0, the guest's proc_exit status, 134 after `awsm: trap: <reason>` on
 * stderr, 1 after `awsm: <why>` if it cannot be instantiated. Only for
 * modules whose imports are all WASI functions (what awsm lets an
 * executable import); much smaller in flash than awsm_instantiate and
 * awsm_invoke, which firmware that embeds several modules or resolves
 * imports from a host still has (runtime/cortex_m/command.c). */
__attribute__((noreturn)) void awsm_cm_run_command(const struct awsm_module *module);

/* A function of type () -> () in a module's code, called with its
 * instance: `_start`, or the start function. */
struct awsm_instance;
typedef void (*awsm_cm_start_fn)(struct awsm_instance *ctx);

/* awsm_cm_run_command with `_start`'s code given instead of looked up by
 * name: what firmware built by awsm does, passing `awsm_entry_start`, so
 * the export list, the lookup and the name stay out of flash. `start`
 * must be `module`'s `_start` (NULL: the module has none). */
__attribute__((noreturn)) void awsm_cm_run_start(const struct awsm_module *module,
                                                 awsm_cm_start_fn start);

/* Write a NUL-terminated string to fd 2. */
void awsm_cm_print_error(const char *text);

#endif /* AWSM_CORTEX_M_PORT_H */
