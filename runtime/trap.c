/*
 * trap.c — trap messages, awsm_trap, and guest-call entries.
 *
 * Each thread keeps the jump target of its innermost guest call. A trap
 * (awsm_trap, or a guard-page fault turned into one by the signal
 * handler) siglongjmps there; entries save and restore the previous
 * target, so host -> guest -> host callback -> guest nests. On x86-64
 * entries also save and restore %gs, which the segment strategy switches.
 */
#define _GNU_SOURCE
#include "internal.h"

#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

/* Stack kept free below stack_limit for runtime C code, WASI and the
 * signal handler; shrinks for tiny stacks. */
#define STACK_MARGIN (256u * 1024u)
#define ALTSTACK_SIZE (64u * 1024u)

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

/* Shared by every compiled module in the process (see internal.h). */
_Thread_local awsm_thread_state awsm_tls;

bool awsm_in_guest_call(void) { return awsm_tls.target != NULL; }
void awsm_set_exit_status(int32_t status) { awsm_tls.exit_status = status; }
int32_t awsm_exit_status(void) { return awsm_tls.exit_status; }

__attribute__((cold, noinline)) void awsm_trap(awsm_instance *ctx, int32_t code) {
  (void)ctx;
  if (code <= AWSM_TRAP_NONE || code >= AWSM_TRAP_COUNT)
    code = AWSM_TRAP_HOST;
  if (!awsm_tls.target) {
    if (code == AWSM_TRAP_EXIT) /* proc_exit from an export called directly from C */
      exit(awsm_tls.exit_status);
    fprintf(stderr, "awsm: trap outside guest call: %s\n", trap_messages[code]);
    abort();
  }
  siglongjmp(*(sigjmp_buf *)awsm_tls.target, code);
}

/* ------------------------------------------------ per-thread preparation */

pthread_once_t awsm_altstack_once = PTHREAD_ONCE_INIT;
pthread_key_t awsm_altstack_key;

static void altstack_release(void *stack) {
  stack_t off = {.ss_flags = SS_DISABLE};
  sigaltstack(&off, NULL);
  munmap(stack, ALTSTACK_SIZE);
}

static void altstack_make_key(void) { pthread_key_create(&awsm_altstack_key, altstack_release); }

/* The guard-pages signal handler runs on an alternate stack, so a fault
 * near the stack's end can still be reported. Keep one the thread has. */
static void install_altstack(void) {
  stack_t old;
  if (sigaltstack(NULL, &old) == 0 && !(old.ss_flags & SS_DISABLE))
    return;
  void *stack =
      mmap(NULL, ALTSTACK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (stack == MAP_FAILED)
    return;
  stack_t ss = {.ss_sp = stack, .ss_size = ALTSTACK_SIZE, .ss_flags = 0};
  if (sigaltstack(&ss, NULL) != 0) {
    munmap(stack, ALTSTACK_SIZE);
    return;
  }
  pthread_once(&awsm_altstack_once, altstack_make_key);
  pthread_setspecific(awsm_altstack_key, stack); /* freed at thread exit */
}

static uintptr_t compute_stack_limit(void) {
  pthread_attr_t attr;
  void *low;
  size_t size;
  if (pthread_getattr_np(pthread_self(), &attr) != 0)
    return 0;
  int err = pthread_attr_getstack(&attr, &low, &size);
  pthread_attr_destroy(&attr);
  if (err != 0)
    return 0;
  size_t margin = size / 4 < STACK_MARGIN ? size / 4 : STACK_MARGIN;
  return (uintptr_t)low + margin;
}

static void prepare_thread(void) {
  awsm_tls.stack_limit = compute_stack_limit();
  install_altstack();
  awsm_tls.ready = true;
}

/* ------------------------------------------------------ guest-call entry */

awsm_trap_code awsm_guarded_call(awsm_instance *ctx, awsm_guest_body body, void *arg) {
  if (__builtin_expect(!awsm_tls.ready, 0))
    prepare_thread();
  if (ctx)
    ctx->stack_limit = awsm_tls.stack_limit;
  sigjmp_buf here;
  void *prev = awsm_tls.target;
#if defined(__x86_64__)
  /* The segment strategy's %gs: entry thunks restore it when they return,
   * but a trap unwinds past them (memory/segment.c). */
  uintptr_t gs = awsm_segment_save();
#endif
  /* The handler uses SA_NODEFER, so no signal mask needs restoring. */
  int code = sigsetjmp(here, 0);
  if (code == 0) {
    awsm_tls.target = &here;
    body(arg);
  }
  awsm_tls.target = prev;
#if defined(__x86_64__)
  awsm_segment_leave(gs);
#endif
  return (awsm_trap_code)code;
}
