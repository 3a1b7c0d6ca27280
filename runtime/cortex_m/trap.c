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

/* The messages of codes 0 to AWSM_TRAP_COUNT - 1, in order, each ended by
 * a NUL: one string instead of a string per message plus a table of
 * pointers to them (56 bytes of flash). */
static const char trap_messages[] = "no trap\0"
                                    "unreachable\0"
                                    "out of bounds memory access\0"
                                    "integer divide by zero\0"
                                    "integer overflow\0"
                                    "invalid conversion to integer\0"
                                    "undefined element\0"
                                    "uninitialized element\0"
                                    "indirect call type mismatch\0"
                                    "call stack exhausted\0"
                                    "out of bounds table access\0"
                                    "null reference\0"
                                    "host trap\0"
                                    "exit\0"
                                    "unknown trap";
_Static_assert(AWSM_TRAP_COUNT == 14, "trap_messages lists one message per trap code");

/* Inlined into awsm_cm_stop, firmware's only caller: a call, its
 * argument and return cost more flash than the walk itself. */
__attribute__((always_inline)) static inline const char *message_of(awsm_trap_code code) {
  const char *text = trap_messages;
  unsigned n = (unsigned)code < AWSM_TRAP_COUNT ? (unsigned)code : AWSM_TRAP_COUNT;
  for (; n; n--)
    while (*text++)
      ;
  return text;
}

const char *awsm_trap_message(awsm_trap_code code) { return message_of(code); }

/* The one thread's guest-call state: the innermost guest call's jump
 * target (NULL outside guest calls) and the last proc_exit status. */
static struct {
  jmp_buf *target;
  int32_t exit_status;
} state;

bool awsm_in_guest_call(void) { return state.target != NULL; }
void awsm_set_exit_status(int32_t status) { state.exit_status = status; }
int32_t awsm_exit_status(void) { return state.exit_status; }

void awsm_cm_stop(int32_t code) {
  if (code == AWSM_TRAP_EXIT)
    awsm_port_exit(state.exit_status);
  awsm_cm_print_error("awsm: trap: ");
  awsm_cm_print_error(message_of((awsm_trap_code)code));
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
