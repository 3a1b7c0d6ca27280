/*
 * segment.c — the segment strategy (x86-64 Linux): guard pages, with the
 * linear-memory base held in the %gs segment base. Generated code
 * addresses memory as %gs:ea (LLVM address space 256), so an access needs
 * neither a base register nor a base load. Memory is a guard-pages memory
 * (memory.c hands AWSM_STRATEGY_SEGMENT guard-pages' allocator), so an
 * out-of-bounds access faults in the reservation and traps the same way.
 *
 * What this file does is keep %gs right. The rule: while code of an
 * instance with memory runs, %gs holds that memory's base.
 *   - Every way into a segment module's code from outside goes through an
 *     entry thunk (src/translate/segment.rs): the funcrefs of its
 *     functions (imports bound to its exports, table elements, ref.func,
 *     the start function, awsm_invoke) and its typed export wrappers call
 *     awsm_segment_enter before and awsm_segment_leave after. Direct calls
 *     inside the module skip them (same memory).
 *   - A trap unwinds past the thunks' leave: awsm_guarded_call (trap.c)
 *     saves %gs on entry and puts it back on the way out, trap or not.
 * glibc keeps thread pointers in %fs, so %gs is free in Linux user space.
 *
 * %gs is written with wrgsbase when the kernel allows it (HWCAP2_FSGSBASE,
 * Linux >= 5.9), else with arch_prctl(ARCH_SET_GS), a system call; both
 * skip the write when %gs already holds the value, so calls within one
 * instance (call_indirect through its own table) cost a compare. Setting
 * AWSM_SEGMENT_SYSCALL=1 in the environment forces the system-call path
 * (for testing it on CPUs that have wrgsbase).
 */
#define _GNU_SOURCE
#include "../internal.h"

#if defined(__x86_64__)

#include <asm/prctl.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef HWCAP2_FSGSBASE
#define HWCAP2_FSGSBASE (1 << 1)
#endif

/* How %gs is read and written, process-wide (see internal.h). */
_Atomic(int) awsm_gs_mode;

__attribute__((cold, noinline)) static int detect_gs_mode(void) {
  const char *force = getenv("AWSM_SEGMENT_SYSCALL");
  int mode = AWSM_GS_SYSCALL;
  if ((getauxval(AT_HWCAP2) & HWCAP2_FSGSBASE) && !(force && force[0] == '1'))
    mode = AWSM_GS_WRGSBASE;
  atomic_store_explicit(&awsm_gs_mode, mode, memory_order_relaxed);
  return mode;
}

static inline int gs_mode(void) {
  int mode = atomic_load_explicit(&awsm_gs_mode, memory_order_relaxed);
  return __builtin_expect(mode != AWSM_GS_UNKNOWN, 1) ? mode : detect_gs_mode();
}

/* The system-call path keeps a per-thread copy of %gs (reading it would
 * be another system call). */
__attribute__((cold, noinline)) static uintptr_t gs_get_syscall(void) {
  if (!awsm_tls.gs_known) {
    unsigned long v = 0;
    syscall(SYS_arch_prctl, ARCH_GET_GS, &v);
    awsm_tls.gs_shadow = v;
    awsm_tls.gs_known = true;
  }
  return awsm_tls.gs_shadow;
}

__attribute__((cold, noinline)) static void gs_set_syscall(uintptr_t base) {
  if (syscall(SYS_arch_prctl, ARCH_SET_GS, (unsigned long)base) != 0)
    abort(); /* cannot happen for a user-space address */
  awsm_tls.gs_shadow = base;
  awsm_tls.gs_known = true;
}

/* `volatile` and the memory clobber keep %gs-relative accesses from
 * moving across a switch. */
static inline uintptr_t gs_get(void) {
  uintptr_t v;
  if (__builtin_expect(gs_mode() != AWSM_GS_WRGSBASE, 0))
    return gs_get_syscall();
  __asm__ volatile("rdgsbase %0" : "=r"(v)::"memory");
  return v;
}

static inline void gs_set(uintptr_t base) {
  if (__builtin_expect(gs_mode() != AWSM_GS_WRGSBASE, 0)) {
    gs_set_syscall(base);
    return;
  }
  __asm__ volatile("wrgsbase %0" ::"r"(base) : "memory");
}

uintptr_t awsm_segment_enter(awsm_instance *ctx) {
  uintptr_t prev = gs_get();
  uintptr_t base = (uintptr_t)ctx->memory->base;
  if (prev != base)
    gs_set(base);
  return prev;
}

void awsm_segment_leave(uintptr_t prev) {
  if (gs_get() != prev)
    gs_set(prev);
}

uintptr_t awsm_segment_save(void) { return gs_get(); }

#else /* not x86-64: the strategy does not exist (src/target/mod.rs) */

typedef int awsm_segment_unavailable;

#endif
