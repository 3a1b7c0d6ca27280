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

static inline bool fast_mode(void) {
  return __builtin_expect(
      atomic_load_explicit(&awsm_gs_mode, memory_order_relaxed) == AWSM_GS_WRGSBASE, 1);
}

/* `volatile` keeps reads and writes of %gs in order; the memory clobber
 * keeps %gs-relative accesses from moving across a write. */
static inline uintptr_t rdgsbase(void) {
  uintptr_t v;
  __asm__ volatile("rdgsbase %0" : "=r"(v));
  return v;
}

static inline void wrgsbase(uintptr_t v) { __asm__ volatile("wrgsbase %0" ::"r"(v) : "memory"); }

/* Decide how %gs is written, once per process. */
__attribute__((cold, noinline)) static int detect_gs_mode(void) {
  const char *force = getenv("AWSM_SEGMENT_SYSCALL");
  int mode = AWSM_GS_SYSCALL;
  if ((getauxval(AT_HWCAP2) & HWCAP2_FSGSBASE) && !(force && force[0] == '1'))
    mode = AWSM_GS_WRGSBASE;
  atomic_store_explicit(&awsm_gs_mode, mode, memory_order_relaxed);
  return mode;
}

/* The slow paths: the first use in the process, or no FSGSBASE. The
 * system-call path keeps a per-thread copy of %gs, since reading it
 * would be another system call. */
__attribute__((cold, noinline)) static uintptr_t gs_get_slow(void) {
  int mode = atomic_load_explicit(&awsm_gs_mode, memory_order_relaxed);
  if (mode == AWSM_GS_UNKNOWN)
    mode = detect_gs_mode();
  if (mode == AWSM_GS_WRGSBASE)
    return rdgsbase();
  if (!awsm_tls.gs_known) {
    unsigned long v = 0;
    syscall(SYS_arch_prctl, ARCH_GET_GS, &v);
    awsm_tls.gs_shadow = v;
    awsm_tls.gs_known = true;
  }
  return awsm_tls.gs_shadow;
}

/* Set %gs to `base` unless it holds it already; the previous value. */
__attribute__((cold, noinline)) static uintptr_t gs_switch_slow(uintptr_t base) {
  uintptr_t prev = gs_get_slow();
  if (prev == base)
    return prev;
  if (fast_mode()) {
    wrgsbase(base);
  } else {
    if (syscall(SYS_arch_prctl, ARCH_SET_GS, (unsigned long)base) != 0)
      abort(); /* cannot fail for a user-space address */
    awsm_tls.gs_shadow = base;
  }
  return prev;
}

/* The fast paths below are what the entry thunks inline: a load of the
 * mode, a rdgsbase and a compare each way when %gs is right already. */

uintptr_t awsm_segment_enter(awsm_instance *ctx) {
  uintptr_t base = (uintptr_t)ctx->memory->base;
  if (!fast_mode())
    return gs_switch_slow(base);
  uintptr_t prev = rdgsbase();
  if (prev != base)
    wrgsbase(base);
  return prev;
}

void awsm_segment_leave(uintptr_t prev) {
  if (!fast_mode()) {
    gs_switch_slow(prev);
    return;
  }
  if (rdgsbase() != prev)
    wrgsbase(prev);
}

uintptr_t awsm_segment_save(void) { return fast_mode() ? rdgsbase() : gs_get_slow(); }

#else /* not x86-64: the strategy does not exist (src/target/mod.rs) */

typedef int awsm_segment_unavailable;

#endif
