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

int awsm_reservation_add(uintptr_t base, uint64_t length) {
  awsm_fault_registry *r = &awsm_faults;
  int ok = -1;
  pthread_mutex_lock(&r->lock);
  size_t n = atomic_load_explicit(&r->used, memory_order_relaxed);
  for (size_t i = 0; i < n && ok != 0; i++) {
    if (atomic_load_explicit(&r->reservations[i], memory_order_relaxed) == 0) {
      atomic_store_explicit(&r->lengths[i], length, memory_order_relaxed);
      atomic_store_explicit(&r->reservations[i], base, memory_order_release);
      ok = 0;
    }
  }
  if (ok != 0 && n < AWSM_MAX_RESERVATIONS) {
    atomic_store_explicit(&r->lengths[n], length, memory_order_relaxed);
    atomic_store_explicit(&r->reservations[n], base, memory_order_release);
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

static struct sigaction previous_segv, previous_bus;
static pthread_once_t handler_once = PTHREAD_ONCE_INIT;

/*
 * A fault becomes a trap only when all three hold: the thread is inside a
 * guest call (awsm_guarded_call is on its stack), the faulting address
 * lies in a live reservation (guard-pages, segment, none or mask), and
 * the faulting instruction is compiled guest code (a registered code
 * range). Anything else — a host bug outside any sandbox, a fault outside
 * a guest call, or a host function or runtime function called by the
 * guest touching a reservation — goes to the previous handler or kills
 * the process.
 */
static void fault_handler(int sig, siginfo_t *info, void *uctx) {
  if (awsm_in_guest_call() && registry_contains((uintptr_t)info->si_addr) &&
      code_contains(fault_pc(uctx)))
    awsm_trap(NULL, AWSM_TRAP_MEMORY_OOB); /* siglongjmp out of the handler */
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
 * The reservation starts with AWSM_GUARD_VIEWS views of one memfd, 4 GiB
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
 * This needs every in-bounds address below 2^31, so a guard-pages memory
 * is at most 2 GiB (32768 pages): memory.grow beyond fails, as the spec
 * allows, and so does instantiating a larger minimum. The pages are
 * shared memory (MAP_SHARED): a child forked while an instance lives
 * shares them with its parent.
 */
#define VIEWS_SPAN ((AWSM_GUARD_VIEWS - 1) * AWSM_GUARD_VIEW)
#define GUARD_MAX_SIZE (AWSM_GUARD_VIEW / 2)

static int map_views(uint8_t *start) {
  int fd = (int)memfd_create("awsm-memory", MFD_CLOEXEC);
  if (fd < 0)
    return -1;
  int ok = ftruncate(fd, (off_t)AWSM_GUARD_VIEW) == 0;
  for (int v = 0; ok && v < AWSM_GUARD_VIEWS; v++) {
    void *view = mmap(start + v * AWSM_GUARD_VIEW, AWSM_GUARD_VIEW, PROT_NONE,
                      MAP_SHARED | MAP_FIXED | MAP_NORESERVE, fd, 0);
    ok = view != MAP_FAILED;
  }
  close(fd); /* the mappings keep the pages alive */
  return ok ? 0 : -1;
}

/* Make bytes [from, to) of every view accessible. */
static int open_views(uint8_t *start, uint64_t from, uint64_t to) {
  for (int v = 0; v < AWSM_GUARD_VIEWS; v++)
    if (to > from &&
        mprotect(start + v * AWSM_GUARD_VIEW + from, to - from, PROT_READ | PROT_WRITE) != 0)
      return -1;
  return 0;
}

static int guard_alloc(awsm_memory *mem, uint64_t size, uint64_t max_size) {
  awsm_install_fault_handler();
  if (size > GUARD_MAX_SIZE)
    return -1;
  uint8_t *start = mmap(NULL, AWSM_GUARD_RESERVATION, PROT_NONE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (start == MAP_FAILED)
    return -1;
  if (map_views(start) != 0 || open_views(start, 0, size) != 0 ||
      awsm_reservation_add((uintptr_t)start, AWSM_GUARD_RESERVATION) != 0) {
    munmap(start, AWSM_GUARD_RESERVATION);
    return -1;
  }
  mem->base = start + VIEWS_SPAN;
  mem->size = size;
  mem->max_size = max_size;
  mem->reserved = AWSM_GUARD_RESERVATION;
  return 0;
}

static int guard_grow(awsm_memory *mem, uint64_t new_size) {
  if (new_size > GUARD_MAX_SIZE || open_views(mem->base - VIEWS_SPAN, mem->size, new_size) != 0)
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
