/*
 * port.h — what a board provides to the Cortex-M runtime.
 *
 * The runtime in runtime/cortex_m/ (traps, memory strategies, the WASI
 * subset) touches no hardware: everything board-specific goes through
 * these functions, and the runtime includes nothing from board/ and
 * calls nothing else of a board's. `awsm --board <name>` links
 * board/mps2.c, which implements them with Arm semihosting and SysTick;
 * an object built without --board leaves them undefined for the firmware
 * to provide (doc/targets.md, "Bring your own board").
 *
 * The other direction, what the runtime gives a board's start-up code,
 * is firmware.h; so dependencies run one way: board/ -> firmware.h (the
 * runtime's entry points) and port.h (which it implements); the runtime
 * -> port.h only.
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

#endif /* AWSM_CORTEX_M_PORT_H */
