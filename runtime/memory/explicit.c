/*
 * explicit.c — the explicit bounds-check strategy: every access compares
 * index + offset + width against the memory size. Memory is an mmap'd
 * block that may move on grow (mremap), so generated code reloads the
 * base after calls and memory.grow.
 */
#define _GNU_SOURCE
#include "../internal.h"

#include <sys/mman.h>
#include <unistd.h>

/*
 * The check is one compare of the index against `limit`, the number of
 * indexes at which this access fits: it depends only on the memory size
 * and constants, so LLVM hoists it out of loops, and what stays per
 * access is `cmp idx, limit; jae trap`. Accesses whose offset + size
 * exceed the memory get limit 0, which every index fails. On 32-bit
 * targets memory is below 4 GiB (it could not have been allocated
 * otherwise), so limit <= mem_size fits a register and the compare is a
 * single 32-bit one; `idx` is the zero-extended i32 index there.
 */
uint8_t *awsm_mem_addr_explicit(awsm_instance *ctx, uint8_t *base, uint64_t mem_size, uint64_t idx,
                                uint64_t offset, uint32_t size) {
  uint64_t end = offset + size; /* offset < 2^32: no overflow */
  uintptr_t limit = mem_size >= end ? (uintptr_t)(mem_size - end + 1) : 0;
  if (__builtin_expect((uintptr_t)idx >= limit, 0))
    awsm_trap(ctx, AWSM_TRAP_MEMORY_OOB);
  return base + (uintptr_t)idx + (uintptr_t)offset;
}

/* At least one OS page, so a zero-page memory has a valid base. */
static uint64_t capacity_for(uint64_t size) {
  uint64_t page = (uint64_t)sysconf(_SC_PAGESIZE);
  uint64_t cap = (size + page - 1) / page * page;
  return cap ? cap : page;
}

static int explicit_alloc(awsm_memory *mem, uint64_t size, uint64_t max_size) {
  uint64_t cap = capacity_for(size);
  if (cap != (size_t)cap)
    return -1;
  void *base = mmap(NULL, cap, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (base == MAP_FAILED)
    return -1;
  mem->base = base;
  mem->size = size;
  mem->max_size = max_size;
  mem->reserved = cap;
  return 0;
}

static int explicit_grow(awsm_memory *mem, uint64_t new_size) {
  if (new_size > mem->reserved) {
    uint64_t cap = capacity_for(new_size);
    if (cap != (size_t)cap)
      return -1;
    void *base = mremap(mem->base, mem->reserved, cap, MREMAP_MAYMOVE);
    if (base == MAP_FAILED)
      return -1;
    mem->base = base;
    mem->reserved = cap;
  }
  /* Bytes past the old size were never accessible, so still zero. */
  mem->size = new_size;
  return 0;
}

static void explicit_free(awsm_memory *mem) {
  if (mem->base)
    munmap(mem->base, mem->reserved);
  mem->base = NULL;
}

const awsm_strategy_ops awsm_explicit_ops = {explicit_alloc, explicit_grow, explicit_free};
