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
 * Written so LLVM can hoist and merge the checks. On 64-bit hosts it is
 * one signed compare of the index against mem_size - (offset + size),
 * an invariant that LICM hoists; every bound is mem_size minus a
 * constant, so a check that implies another (same index, smaller end)
 * lets LLVM drop the other. No value here overflows int64 (idx < 2^32,
 * mem_size <= 2^32, offset < 2^32). On 32-bit targets memory is below
 * 4 GiB (it could not have been allocated otherwise) and `idx` is the
 * zero-extended i32 index: `end > size` is invariant (loop unswitching
 * hoists it) and what stays per access is one 32-bit compare.
 */
uint8_t *awsm_mem_addr_explicit(awsm_instance *ctx, uint8_t *base, uint64_t mem_size, uint64_t idx,
                                uint64_t offset, uint32_t size) {
  uint64_t end = offset + size;
#if UINTPTR_MAX > 0xffffffffu
  if (__builtin_expect((int64_t)idx > (int64_t)mem_size - (int64_t)end, 0))
    awsm_trap(ctx, AWSM_TRAP_MEMORY_OOB);
#else
  uint32_t size32 = (uint32_t)mem_size;
  if (__builtin_expect(end > size32 || (uint32_t)idx > size32 - (uint32_t)end, 0))
    awsm_trap(ctx, AWSM_TRAP_MEMORY_OOB);
#endif
  return base + (uintptr_t)idx + (uintptr_t)offset;
}

uint64_t awsm_mem_limit_explicit(uint64_t mem_size) { return mem_size; }

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
