/*
 * trap.c — traps and guest-call entries on Cortex-M. Replaces
 * runtime/trap.c (signals, pthreads, mmap) in Cortex-M builds.
 *
 * There is one core and no threads, so the "per-thread" state is one
 * static (and build.rs compiles Cortex-M code with _Thread_local defined
 * away, for the shared files' thread-local buffers). A guest call (awsm_invoke, instantiation)
 * records a setjmp target; awsm_trap longjmps there, so an embedder gets the trap code back exactly
 * as on Linux. A trap outside any guest call (board firmware runs its command that way,
 * command.c; or an export wrapper the firmware called directly) stops the program:
 * `awsm: trap: <reason>` on stderr and status 134, or the guest's status for proc_exit.
 *
 * awsm_trap is weak: firmware that wants something else (reset, log to
 * flash, blink an LED) defines its own `void awsm_trap(awsm_instance *,
 * int32_t)`, which must not return (code 13, AWSM_TRAP_EXIT, is
 * proc_exit; awsm_exit_status() has its status).
 */
#include "cm_internal.h"

#include <setjmp.h>

enum { EXIT_TRAP = 134 };

static const char *const trap_messages[AWSM_TRAP_COUNT] = {
    [AWSM_TRAP_NONE] = "no trap",
    [AWSM_TRAP_UNREACHABLE] = "unreachable",
    [AWSM_TRAP_MEMORY_OOB] = "out of bounds memory access",
    [AWSM_TRAP_INT_DIV_BY_ZERO] = "integer divide by zero",
    [AWSM_TRAP_INT_OVERFLOW] = "integer overflow",
    [AWSM_TRAP_INVALID_CONVERSION] = "invalid conversion to integer",
    [AWSM_TRAP_UNDEFINED_ELEMENT] = "undefined element",
    [AWSM_TRAP_UNINITIALIZED_ELEMENT] = "uninitialized element",
    [AWSM_TRAP_INDIRECT_CALL_TYPE_MISMATCH] = "indirect call type mismatch",
    [AWSM_TRAP_STACK_EXHAUSTED] = "call stack exhausted",
    [AWSM_TRAP_TABLE_OOB] = "out of bounds table access",
    [AWSM_TRAP_NULL_REFERENCE] = "null reference",
    [AWSM_TRAP_HOST] = "host trap",
    [AWSM_TRAP_EXIT] = "exit",
};

const char *awsm_trap_message(awsm_trap_code code) {
  if ((unsigned)code >= AWSM_TRAP_COUNT)
    return "unknown trap";
  return trap_messages[code];
}

/* The one thread's guest-call state: the innermost guest call's jump
 * target (NULL outside guest calls) and the last proc_exit status. */
static struct {
  jmp_buf *target;
  int32_t exit_status;
} state;

bool awsm_in_guest_call(void) { return state.target != NULL; }
void awsm_set_exit_status(int32_t status) { state.exit_status = status; }
int32_t awsm_exit_status(void) { return state.exit_status; }

/* Counts by itself: newlib's word-at-a-time strlen is 220 bytes of flash. */
void awsm_cm_print_error(const char *text) {
  size_t len = 0;
  while (text[len])
    len++;
  awsm_port_write(2, text, len);
}

void awsm_cm_stop(int32_t code) {
  if (code == AWSM_TRAP_EXIT)
    awsm_port_exit(state.exit_status);
  awsm_cm_print_error("awsm: trap: ");
  awsm_cm_print_error(awsm_trap_message((awsm_trap_code)code));
  awsm_cm_print_error("\n");
  awsm_port_exit(EXIT_TRAP);
}

__attribute__((weak, cold, noinline)) void awsm_trap(awsm_instance *ctx, int32_t code) {
  (void)ctx;
  if (code <= AWSM_TRAP_NONE || code >= AWSM_TRAP_COUNT)
    code = AWSM_TRAP_HOST;
  if (state.target)
    longjmp(*state.target, code);
  awsm_cm_stop(code);
}

awsm_trap_code awsm_guarded_call(awsm_instance *ctx, awsm_guest_body body, void *arg) {
  if (ctx)
    ctx->stack_limit = awsm_port_stack_bottom() + AWSM_CM_STACK_MARGIN;
  jmp_buf here;
  /* volatile: must survive the longjmp back into this frame. */
  jmp_buf *volatile saved = state.target;
  int code = setjmp(here);
  if (code == 0) {
    state.target = &here;
    body(arg);
  }
  state.target = saved;
  return (awsm_trap_code)code;
}
