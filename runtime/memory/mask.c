/*
 * mask.c — the mask strategy on hosted targets: memory lives in an arena
 * of 2^bits bytes, and every access uses base + (ea & (2^bits - 1)): no
 * compare, no branch, no trap. An out-of-bounds access wraps around
 * inside the arena instead of trapping, which does not conform to the
 * WebAssembly specification, but it never leaves the sandbox.
 *
 * `bits` comes from the memory's declared maximum (no maximum: 32), at
 * least 16 and at most 32. The compiled module carries it as the
 * constant `awsm_mask_bits` (src/driver.rs computes it with the same rule
 * from the module's own or imported memory type), which LTO folds into
 * every access; the allocator computes it from the limits it is given.
 *
 * Each memory reserves 4 GiB + 64 KiB of address space (MAP_NORESERVE:
 * untouched pages cost nothing); the arena and one page of slack for
 * the widest access (16 bytes) are read/write from the start, the rest
 * PROT_NONE. The reservation is registered with the fault handler
 * (guard_pages.c): a module importing a memory whose arena is smaller
 * than its own mask (an import declaring a larger maximum) faults into
 * the PROT_NONE part and traps, still inside the reservation.
 * memory.grow keeps wasm semantics and fails beyond the arena; grown
 * bytes are zeroed, since wrapped stores may have written there. Memory
 * never moves. Bulk operations (memory.copy/fill/init) and WASI calls
 * still check against the current size and trap.
 */
#define _GNU_SOURCE
#include "../internal.h"

#include <sys/mman.h>
#include <unistd.h>

/*
 * log2 of the arena the module's accesses are masked to. awsm defines it
 * in every module it compiles for a hosted target; this weak default
 * (the largest arena) serves programs linked without one (runtime/tests).
 */
__attribute__((weak)) const uint32_t awsm_mask_bits = 32;

uint8_t *awsm_mem_addr_mask(awsm_instance *ctx, uint8_t *base, uint64_t mem_size, uint64_t idx,
                            uint64_t offset, uint32_t size) {
  (void)ctx;
  (void)mem_size;
  (void)size;
  return base + ((idx + offset) & ((1ull << awsm_mask_bits) - 1u));
}

/* The arena size for a memory whose maximum is `max_size` bytes. */
static uint64_t arena_for(uint64_t max_size) {
  uint64_t arena = AWSM_PAGE_SIZE;
  while (arena < max_size && arena < (1ull << 32))
    arena <<= 1;
  return arena;
}

static int mask_alloc(awsm_memory *mem, uint64_t size, uint64_t max_size) {
#if UINTPTR_MAX <= 0xffffffffu
  /* No room for the reservation (and 32-bit runtimes have no fault
   * handler: build.rs stubs guard_pages.c out); not offered there. */
  (void)mem;
  (void)size;
  (void)max_size;
  return -1;
#else
  uint64_t arena = arena_for(max_size);
  uint64_t page = (uint64_t)sysconf(_SC_PAGESIZE);
  if (size > arena)
    return -1;
  awsm_install_fault_handler();
  void *base = mmap(NULL, (size_t)AWSM_MASK_RESERVATION, PROT_NONE,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (base == MAP_FAILED)
    return -1;
  if (mprotect(base, (size_t)(arena + page), PROT_READ | PROT_WRITE) != 0 ||
      awsm_reservation_add((uintptr_t)base, AWSM_MASK_RESERVATION, NULL) != 0) {
    munmap(base, (size_t)AWSM_MASK_RESERVATION);
    return -1;
  }
  mem->base = base;
  mem->size = size;
  mem->max_size = max_size;
  mem->reserved = AWSM_MASK_RESERVATION;
  return 0;
#endif
}

static int mask_grow(awsm_memory *mem, uint64_t new_size) {
  if (new_size > arena_for(mem->max_size))
    return -1;
  /* Wrapped stores may have written past the old end: give the new
   * pages back to the kernel, which zero-fills them on next touch
   * (sizes are multiples of 64 KiB, so page-aligned). */
  if (madvise(mem->base + mem->size, (size_t)(new_size - mem->size), MADV_DONTNEED) != 0)
    return -1;
  mem->size = new_size;
  return 0;
}

static void mask_free(awsm_memory *mem) {
  if (!mem->base)
    return;
#if UINTPTR_MAX > 0xffffffffu
  awsm_reservation_remove((uintptr_t)mem->base);
#endif
  munmap(mem->base, (size_t)AWSM_MASK_RESERVATION);
  mem->base = NULL;
}

const awsm_strategy_ops awsm_mask_ops = {mask_alloc, mask_grow, mask_free};
