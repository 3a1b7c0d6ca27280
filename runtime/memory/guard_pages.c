/*
 * guard_pages.c — the guard-pages strategy: each memory reserves 12 GiB +
 * 64 KiB of address space: a mirror of the memory, the memory, and
 * PROT_NONE beyond; only the first `size` bytes of each view are
 * accessible. Any 32-bit index plus 32-bit offset, and any mirrored sum
 * (src/translate/mirror.rs), lands inside the reservation, so generated
 * code does no check at all:
 * an out-of-bounds access faults, and the SIGSEGV/SIGBUS handler turns
 * the fault into AWSM_TRAP_MEMORY_OOB. Memory never moves. The segment
 * strategy (segment.c) allocates with these same operations.
 */
#define _GNU_SOURCE
#include "../internal.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stddef.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

/* offset < 2^32; idx is either the zero-extended index or (offset 0
 * only) the signed sum of the index's two i32 terms, in [-2^32, 2^32),
 * reaching the mirror below base when negative (see "allocator" below
 * and src/translate/mirror.rs). */
uint8_t *awsm_mem_addr_guard_pages(awsm_instance *ctx, uint8_t *base, uint64_t mem_size,
                                   uint64_t idx, uint64_t offset, uint32_t size) {
  (void)ctx;
  (void)mem_size;
  (void)size;
  return base + idx + offset;
}

/* ------------------------------------------------------------ registries */
/*
 * What the fault handler checks: live reservations and the code of
 * compiled modules in use. Process-wide, shared by every compiled module
 * (internal.h). Written under the lock; read lock-free by the signal
 * handler up to the `used` counts (a slot whose start is 0 is free).
 */
awsm_fault_registry awsm_faults = {.lock = PTHREAD_MUTEX_INITIALIZER};

int awsm_reservation_add(uintptr_t base, uint64_t length, awsm_memory *lazy_mirror) {
  awsm_fault_registry *r = &awsm_faults;
  int ok = -1;
  pthread_mutex_lock(&r->lock);
  size_t n = atomic_load_explicit(&r->used, memory_order_relaxed);
  size_t slot = n;
  for (size_t i = 0; i < n && slot == n; i++)
    if (atomic_load_explicit(&r->reservations[i], memory_order_relaxed) == 0)
      slot = i;
  if (slot < AWSM_MAX_RESERVATIONS) {
    atomic_store_explicit(&r->lengths[slot], length, memory_order_relaxed);
    atomic_store_explicit(&r->lazy_mirrors[slot], (uintptr_t)lazy_mirror, memory_order_relaxed);
    atomic_store_explicit(&r->reservations[slot], base, memory_order_release);
    if (slot == n)
      atomic_store_explicit(&r->used, n + 1, memory_order_release);
    ok = 0;
  }
  pthread_mutex_unlock(&r->lock);
  return ok;
}

void awsm_reservation_remove(uintptr_t base) {
  awsm_fault_registry *r = &awsm_faults;
  pthread_mutex_lock(&r->lock);
  size_t n = atomic_load_explicit(&r->used, memory_order_relaxed);
  for (size_t i = 0; i < n; i++) {
    if (atomic_load_explicit(&r->reservations[i], memory_order_relaxed) == base) {
      atomic_store_explicit(&r->lazy_mirrors[i], 0, memory_order_relaxed);
      atomic_store_explicit(&r->reservations[i], 0, memory_order_release);
      break;
    }
  }
  pthread_mutex_unlock(&r->lock);
}

/* Async-signal-safe: atomics only. */
static int registry_contains(uintptr_t addr) {
  awsm_fault_registry *r = &awsm_faults;
  size_t n = atomic_load_explicit(&r->used, memory_order_acquire);
  for (size_t i = 0; i < n; i++) {
    uintptr_t base = atomic_load_explicit(&r->reservations[i], memory_order_acquire);
    if (base != 0 && addr - base < atomic_load_explicit(&r->lengths[i], memory_order_relaxed))
      return 1;
  }
  return 0;
}

int awsm_code_range_add(const void *start, const void *end) {
  awsm_fault_registry *r = &awsm_faults;
  uintptr_t s = (uintptr_t)start;
  size_t slot = AWSM_MAX_CODE_RANGES;
  int ok = -1;
  pthread_mutex_lock(&r->lock);
  size_t n = atomic_load_explicit(&r->code_used, memory_order_relaxed);
  for (size_t i = 0; i < n && ok != 0; i++) {
    uintptr_t have = atomic_load_explicit(&r->code_starts[i], memory_order_relaxed);
    if (have == s) {
      r->code_refs[i]++;
      ok = 0;
    } else if (have == 0 && slot == AWSM_MAX_CODE_RANGES) {
      slot = i;
    }
  }
  if (ok != 0 && slot == AWSM_MAX_CODE_RANGES && n < AWSM_MAX_CODE_RANGES)
    slot = n;
  if (ok != 0 && slot < AWSM_MAX_CODE_RANGES) {
    r->code_refs[slot] = 1;
    atomic_store_explicit(&r->code_ends[slot], (uintptr_t)end, memory_order_relaxed);
    atomic_store_explicit(&r->code_starts[slot], s, memory_order_release);
    if (slot == n)
      atomic_store_explicit(&r->code_used, n + 1, memory_order_release);
    ok = 0;
  }
  pthread_mutex_unlock(&r->lock);
  return ok;
}

void awsm_code_range_remove(const void *start) {
  awsm_fault_registry *r = &awsm_faults;
  pthread_mutex_lock(&r->lock);
  size_t n = atomic_load_explicit(&r->code_used, memory_order_relaxed);
  for (size_t i = 0; i < n; i++) {
    if (atomic_load_explicit(&r->code_starts[i], memory_order_relaxed) == (uintptr_t)start) {
      if (--r->code_refs[i] == 0)
        atomic_store_explicit(&r->code_starts[i], 0, memory_order_release);
      break;
    }
  }
  pthread_mutex_unlock(&r->lock);
}

/* Async-signal-safe: atomics only. */
static int code_contains(uintptr_t pc) {
  awsm_fault_registry *r = &awsm_faults;
  size_t n = atomic_load_explicit(&r->code_used, memory_order_acquire);
  for (size_t i = 0; i < n; i++) {
    uintptr_t start = atomic_load_explicit(&r->code_starts[i], memory_order_acquire);
    if (start != 0 && pc >= start &&
        pc < atomic_load_explicit(&r->code_ends[i], memory_order_relaxed))
      return 1;
  }
  return 0;
}

/* The faulting instruction's address. */
static uintptr_t fault_pc(const void *uctx) {
  const ucontext_t *uc = uctx;
#if defined(__x86_64__)
  return (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
#elif defined(__aarch64__)
  return (uintptr_t)uc->uc_mcontext.pc;
#else
  (void)uc;
  return 0; /* unknown: never a trap */
#endif
}

/* ---------------------------------------------------------- fault handler */

static int map_mirror(awsm_memory *mem);

/*
 * A guest access to the accessible part of a mirror that is not mapped
 * yet (see "allocator" below): map it now and return 1, so that returning
 * from the handler runs the access again. 0 when `addr` is no such
 * address, or when mapping failed (then the access traps). Only the
 * faulting thread's own guest code can be using the memory, so nothing
 * else writes it while it is copied.
 */
static int map_pending_mirror(uintptr_t addr) {
  awsm_fault_registry *r = &awsm_faults;
  size_t n = atomic_load_explicit(&r->used, memory_order_acquire);
  for (size_t i = 0; i < n; i++) {
    awsm_memory *mem =
        (awsm_memory *)atomic_load_explicit(&r->lazy_mirrors[i], memory_order_acquire);
    uintptr_t start = atomic_load_explicit(&r->reservations[i], memory_order_acquire);
    if (!mem || start == 0 || addr < start || addr - start >= mem->size)
      continue;
    if (map_mirror(mem) != 0)
      return 0;
    atomic_store_explicit(&r->lazy_mirrors[i], 0, memory_order_release);
    return 1;
  }
  return 0;
}

/* Whether `mem` still waits for its mirror (guard_grow's question). */
static int mirror_pending(const awsm_memory *mem) {
  awsm_fault_registry *r = &awsm_faults;
  size_t n = atomic_load_explicit(&r->used, memory_order_acquire);
  for (size_t i = 0; i < n; i++)
    if (atomic_load_explicit(&r->lazy_mirrors[i], memory_order_acquire) == (uintptr_t)mem)
      return 1;
  return 0;
}

static struct sigaction previous_segv, previous_bus;
static pthread_once_t handler_once = PTHREAD_ONCE_INIT;

/*
 * A fault becomes a trap only when all three hold: the thread is inside a
 * guest call (awsm_guarded_call is on its stack), the faulting address
 * lies in a live reservation (guard-pages, segment, none or mask), and
 * the faulting instruction is compiled guest code (a registered code
 * range). The one exception among these is the first access to a mirror
 * that is not mapped yet: the handler maps it and the access runs again.
 * Anything else — a host bug outside any sandbox, a fault outside
 * a guest call, or a host function or runtime function called by the
 * guest touching a reservation — goes to the previous handler or kills
 * the process.
 */
static void fault_handler(int sig, siginfo_t *info, void *uctx) {
  uintptr_t addr = (uintptr_t)info->si_addr;
  if (awsm_in_guest_call() && registry_contains(addr) && code_contains(fault_pc(uctx))) {
    if (map_pending_mirror(addr))
      return;                              /* the access runs again, now through the mirror */
    awsm_trap(NULL, AWSM_TRAP_MEMORY_OOB); /* siglongjmp out of the handler */
  }
  /* Not ours: hand the fault to whoever had it before. */
  const struct sigaction *prev = sig == SIGSEGV ? &previous_segv : &previous_bus;
  if ((prev->sa_flags & SA_SIGINFO) && prev->sa_sigaction) {
    prev->sa_sigaction(sig, info, uctx);
    return;
  }
  if (!(prev->sa_flags & SA_SIGINFO) && prev->sa_handler != SIG_DFL &&
      prev->sa_handler != SIG_IGN) {
    prev->sa_handler(sig);
    return;
  }
  /* Default action: returning re-executes the access, which now kills us. */
  struct sigaction dfl = {.sa_handler = SIG_DFL};
  sigemptyset(&dfl.sa_mask);
  sigaction(sig, &dfl, NULL);
}

static void install_handler_once(void) {
  struct sigaction sa = {.sa_sigaction = fault_handler};
  sigemptyset(&sa.sa_mask);
  /* SA_NODEFER: leaving by siglongjmp must not leave SIGSEGV blocked. */
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
  sigaction(SIGSEGV, &sa, &previous_segv);
  sigaction(SIGBUS, &sa, &previous_bus);
}

void awsm_install_fault_handler(void) { pthread_once(&handler_once, install_handler_once); }

/* --------------------------------------------------------------- allocator */

/*
 * The reservation holds AWSM_GUARD_VIEWS views of the memory, 4 GiB
 * apart, followed by PROT_NONE address space (4 GiB + 64 KiB). The
 * memory's base is the *last* view, so base + index + offset (up to
 * 2^33) stays inside the reservation and faults past the memory's size,
 * as without a mirror. The view below lets generated code compute an
 * address `a + b` as the signed 64-bit sum sext(a) + sext(b), which is
 * affine for LLVM where the wrapping i32 sum is not
 * (src/translate/mirror.rs): that sum lies in [-2^32, 2^32) and is
 * congruent to the wasm address modulo 2^32, so base + sum is the byte
 * wasm names (through the mirror when negative), or faults exactly when
 * wasm traps. Only the first `size` bytes of each view are accessible.
 *
 * The mirror is mapped lazily. Reaching it in bounds takes two i32 terms
 * that are both negative as signed numbers yet sum to a small address,
 * which programs (whose addresses lie below 2 GiB) do not compute in
 * practice; a negative sum that is near zero is a wasm trap, and lands in
 * the PROT_NONE tail of the lower view either way. So the memory starts
 * as plain private anonymous memory under base: page faults on it are
 * cheaper than on shared memory (deriche spent 0.08 s more in the kernel
 * with a memfd), a forked child gets a copy, not a shared page. The
 * first in-bounds access through the lower view faults; the handler then
 * copies the memory into a memfd and maps that at both views
 * (map_mirror), and the access runs again.
 *
 * This needs every in-bounds address below 2^31, so a guard-pages memory
 * is at most 2 GiB (32768 pages): memory.grow beyond fails, as the spec
 * allows, and so does instantiating a larger minimum. Once mirrored, the
 * pages are shared memory (MAP_SHARED): a child forked while the instance
 * lives shares them with its parent.
 */
#define VIEWS_SPAN ((AWSM_GUARD_VIEWS - 1) * AWSM_GUARD_VIEW)
#define GUARD_MAX_SIZE (AWSM_GUARD_VIEW / 2)

/* Make bytes [from, to) of the views [first, AWSM_GUARD_VIEWS) accessible. */
static int open_views(uint8_t *start, int first, uint64_t from, uint64_t to) {
  for (int v = first; v < AWSM_GUARD_VIEWS; v++)
    if (to > from &&
        mprotect(start + v * AWSM_GUARD_VIEW + from, to - from, PROT_READ | PROT_WRITE) != 0)
      return -1;
  return 0;
}

/*
 * Replace the private memory under base by a memfd holding the same bytes,
 * mapped at every view. Async-signal-safe (system calls only): it runs in
 * the fault handler. A failure (out of memory or file descriptors) leaves
 * the memory as it was and the access traps.
 */
static int map_mirror(awsm_memory *mem) {
  uint8_t *start = mem->base - VIEWS_SPAN;
  int fd = (int)memfd_create("awsm-memory", MFD_CLOEXEC);
  if (fd < 0)
    return -1;
  int ok = ftruncate(fd, (off_t)AWSM_GUARD_VIEW) == 0;
  for (uint64_t done = 0; ok && done < mem->size;) {
    uint64_t chunk = mem->size - done < (1u << 30) ? mem->size - done : (1u << 30);
    ssize_t n = pwrite(fd, mem->base + done, (size_t)chunk, (off_t)done);
    ok = n > 0;
    done += ok ? (uint64_t)n : 0;
  }
  /* The lower views first: until the last mmap the memory is untouched. */
  for (int v = 0; ok && v < AWSM_GUARD_VIEWS; v++) {
    void *view = mmap(start + v * AWSM_GUARD_VIEW, AWSM_GUARD_VIEW, PROT_NONE,
                      MAP_SHARED | MAP_FIXED | MAP_NORESERVE, fd, 0);
    ok = view != MAP_FAILED &&
         (mem->size == 0 || mprotect(view, mem->size, PROT_READ | PROT_WRITE) == 0);
    if (!ok && v > 0) /* leave no half-made mirror behind */
      mmap(start, (size_t)v * AWSM_GUARD_VIEW, PROT_NONE,
           MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0);
  }
  close(fd); /* the mappings keep the pages alive */
  return ok ? 0 : -1;
}

static int guard_alloc(awsm_memory *mem, uint64_t size, uint64_t max_size) {
  awsm_install_fault_handler();
  if (size > GUARD_MAX_SIZE)
    return -1;
  uint8_t *start = mmap(NULL, AWSM_GUARD_RESERVATION, PROT_NONE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (start == MAP_FAILED)
    return -1;
  /* Filled in before the registry (and so the fault handler) sees it. */
  mem->base = start + VIEWS_SPAN;
  mem->size = size;
  mem->max_size = max_size;
  mem->reserved = AWSM_GUARD_RESERVATION;
  if (open_views(start, AWSM_GUARD_VIEWS - 1, 0, size) != 0 ||
      awsm_reservation_add((uintptr_t)start, AWSM_GUARD_RESERVATION, mem) != 0) {
    munmap(start, AWSM_GUARD_RESERVATION);
    mem->base = NULL;
    return -1;
  }
  return 0;
}

static int guard_grow(awsm_memory *mem, uint64_t new_size) {
  int first = mirror_pending(mem) ? AWSM_GUARD_VIEWS - 1 : 0;
  if (new_size > GUARD_MAX_SIZE ||
      open_views(mem->base - VIEWS_SPAN, first, mem->size, new_size) != 0)
    return -1;
  mem->size = new_size;
  return 0;
}

static void guard_free(awsm_memory *mem) {
  if (!mem->base)
    return;
  awsm_reservation_remove((uintptr_t)(mem->base - VIEWS_SPAN));
  munmap(mem->base - VIEWS_SPAN, AWSM_GUARD_RESERVATION);
  mem->base = NULL;
}

const awsm_strategy_ops awsm_guard_pages_ops = {guard_alloc, guard_grow, guard_free};
