/*
 * memory.c — linear memory on Cortex-M: the explicit and mask strategies,
 * small wasm pages, memory.grow/init/copy/fill. Replaces runtime/memory.c
 * and runtime/memory/ (which need mmap) in Cortex-M builds.
 *
 * Small pages (the eWASM idea). A microcontroller with 64-256 KiB of RAM
 * cannot give every module 64 KiB pages, so awsm can compile a module
 * with a smaller page size (--page-size, a power of two from 1 KiB to
 * 64 KiB): a module declaring one page then gets that many bytes. This
 * is not WebAssembly as specified, and only modules built for it work
 * (doc/targets.md). awsm defines the constant `awsm_cm_page_shift`
 * (log2 of the page size) in the compiled module; LTO folds it.
 *
 * `memory->size` keeps the meaning generated code gives it, pages * 65536
 * (memory.size shifts it right by 16), so it is a *virtual* size: the
 * accessible bytes are size >> (16 - awsm_cm_page_shift). Every bounds
 * check here and in the WASI subset uses the real size (`real_size`).
 *
 * Memory comes from the C heap (the board's malloc), or, in board
 * firmware whose memory has a size known when it is compiled, from a
 * static array (below).
 *
 *   explicit  every access compares ea + width with the real size and
 *             traps; memory.grow reallocs (memory may move).
 *   mask      the memory lives in an arena of 2^awsm_cm_mask_bits bytes
 *             (a constant awsm picks from the module's declared size),
 *             allocated once; an access uses base + (ea & (2^bits - 1)):
 *             no compare, no branch. Out-of-bounds accesses land inside
 *             the arena instead of trapping (not spec-conformant, but
 *             still sandboxed); memory.grow past the arena fails.
 */
#include "cm_internal.h"

#include <stdlib.h>
#include <string.h>

/* log2 of the wasm page size: 16 (64 KiB) unless --page-size says less. */
extern const uint32_t awsm_cm_page_shift;
/* log2 of the mask strategy's arena; 0 when the module uses explicit. */
extern const uint32_t awsm_cm_mask_bits;

/*
 * Static linear memory. For board firmware whose memory can never need
 * more than a size known at compile time (the mask arena, or a declared
 * maximum under explicit checks; src/target/firmware.rs, static_memory_bytes) awsm
 * defines `awsm_cm_static_memory`, a zeroed array of that many bytes in
 * .bss, and `awsm_cm_static_memory_bytes`, its size (0: no such array,
 * memory comes from calloc). Reset has zeroed .bss, so instantiation
 * calls no allocator, and awsm has checked the sizes, so with the
 * firmware's constant descriptor LTO folds away every failure path (and
 * its message). memory.grow up to the maximum only moves the size:
 * explicit checks never let a store reach bytes past the accessible
 * size, so they are still zero. Firmware has one memory, the command's
 * own (command.c), and nothing else asks for one: awsm_memory_new
 * refuses while the array is in use rather than hand it out twice.
 */
extern const uint32_t awsm_cm_static_memory_bytes;
extern uint8_t awsm_cm_static_memory[];

/* Zeroed storage for a memory of `bytes` (at least one byte, so a
 * zero-page memory has a valid base), or NULL. */
static uint8_t *zeroed_memory(uint64_t bytes) {
  if (awsm_cm_static_memory_bytes)
    return bytes <= awsm_cm_static_memory_bytes ? awsm_cm_static_memory : NULL;
  return calloc(bytes ? (size_t)bytes : 1u, 1);
}

/* Widest access (v128): the mask arena's slack past its end. */
#define MASK_SLACK 16u

/* Accessible bytes of a memory whose (virtual) size is `size`. */
static inline uint64_t real_size(uint64_t size) { return size >> (16u - awsm_cm_page_shift); }

/*
 * One 32-bit compare per access once LLVM has hoisted the invariant part:
 * `end > real` depends only on the memory size and constants (loop
 * unswitching moves it out of loops); past it, `real - end` cannot wrap,
 * so LLVM can treat the bounds as linear facts and drop checks implied
 * by others. The real size is below 2^31 (the allocator refuses more).
 */
uint8_t *awsm_mem_addr_explicit(awsm_instance *ctx, uint8_t *base, uint64_t mem_size, uint64_t idx,
                                uint64_t offset, uint32_t size) {
  uint32_t real = (uint32_t)real_size(mem_size);
  uint64_t end = offset + size;
  if (__builtin_expect(end > real, 0))
    awsm_trap(ctx, AWSM_TRAP_MEMORY_OOB);
  if (__builtin_expect((uint32_t)idx > real - (uint32_t)end, 0))
    awsm_trap(ctx, AWSM_TRAP_MEMORY_OOB);
  return base + (uint32_t)idx + (uint32_t)offset;
}

uint64_t awsm_mem_limit_explicit(uint64_t mem_size) { return real_size(mem_size); }

uint8_t *awsm_mem_addr_mask(awsm_instance *ctx, uint8_t *base, uint64_t mem_size, uint64_t idx,
                            uint64_t offset, uint32_t size) {
  (void)ctx;
  (void)mem_size;
  (void)size;
  uint32_t mask = (uint32_t)((1ull << awsm_cm_mask_bits) - 1u);
  return base + (((uint32_t)idx + (uint32_t)offset) & mask);
}

/* -------------------------------------------------------- allocators */

static int explicit_alloc(awsm_memory *mem, uint64_t size, uint64_t max_size) {
  uint64_t bytes = real_size(size);
  if (bytes > UINT32_MAX / 2)
    return -1;
  uint8_t *base = zeroed_memory(bytes);
  if (!base)
    return -1;
  mem->base = base;
  mem->size = size;
  mem->max_size = max_size;
  mem->reserved = bytes;
  return 0;
}

static int explicit_grow(awsm_memory *mem, uint64_t new_size) {
  uint64_t old_bytes = real_size(mem->size), bytes = real_size(new_size);
  if (bytes > UINT32_MAX / 2)
    return -1;
  if (awsm_cm_static_memory_bytes) {
    /* In place: the bytes past the old size are still zero. */
    if (bytes > awsm_cm_static_memory_bytes)
      return -1;
  } else {
    uint8_t *base = realloc(mem->base, (size_t)bytes);
    if (!base)
      return -1;
    memset(base + old_bytes, 0, (size_t)(bytes - old_bytes));
    mem->base = base;
  }
  mem->size = new_size;
  mem->reserved = bytes;
  return 0;
}

static void explicit_free(awsm_memory *mem) {
  if (!awsm_cm_static_memory_bytes)
    free(mem->base);
  mem->base = NULL;
}

const awsm_strategy_ops awsm_explicit_ops = {explicit_alloc, explicit_grow, explicit_free};

static uint64_t mask_arena(void) { return 1ull << awsm_cm_mask_bits; }

static int mask_alloc(awsm_memory *mem, uint64_t size, uint64_t max_size) {
  if (awsm_cm_mask_bits == 0 || awsm_cm_mask_bits > 30 || real_size(size) > mask_arena())
    return -1;
  uint8_t *base = zeroed_memory(mask_arena() + MASK_SLACK);
  if (!base)
    return -1;
  mem->base = base;
  mem->size = size;
  mem->max_size = max_size;
  mem->reserved = mask_arena() + MASK_SLACK;
  return 0;
}

static int mask_grow(awsm_memory *mem, uint64_t new_size) {
  uint64_t old_bytes = real_size(mem->size), bytes = real_size(new_size);
  if (bytes > mask_arena())
    return -1;
  /* Masked out-of-bounds stores may have written past the old end. */
  memset(mem->base + old_bytes, 0, (size_t)(bytes - old_bytes));
  mem->size = new_size;
  return 0;
}

static const awsm_strategy_ops mask_ops = {mask_alloc, mask_grow, explicit_free};

static int no_alloc(awsm_memory *mem, uint64_t size, uint64_t max_size) {
  (void)mem;
  (void)size;
  (void)max_size;
  return -1;
}
static int no_grow(awsm_memory *mem, uint64_t new_size) {
  (void)mem;
  (void)new_size;
  return -1;
}
static void no_free(awsm_memory *mem) { (void)mem; }

/* Guard pages need an MMU and a large address space; never chosen here,
 * defined because the shared runtime names it. */
const awsm_strategy_ops awsm_guard_pages_ops = {no_alloc, no_grow, no_free};

const awsm_strategy_ops *awsm_strategy_ops_for(uint32_t strategy) {
  switch (strategy) {
  case AWSM_STRATEGY_EXPLICIT:
    return &awsm_explicit_ops;
  case AWSM_STRATEGY_MASK:
    return awsm_cm_mask_bits ? &mask_ops : NULL;
  default:
    return NULL;
  }
}

/* One firmware uses one strategy (awsm_cm_mask_bits is per image). */
const awsm_strategy_ops *awsm_memory_ops(const awsm_memory *mem) {
  (void)mem;
  return awsm_cm_mask_bits ? &mask_ops : &awsm_explicit_ops;
}

/* ------------------------------------------------------ memory operations */

int32_t awsm_memory_grow(awsm_memory *mem, uint32_t delta) {
  if (!mem)
    return -1;
  uint64_t old_pages = mem->size / AWSM_PAGE_SIZE;
  if (delta == 0)
    return (int32_t)old_pages;
  uint64_t new_size = (old_pages + delta) * AWSM_PAGE_SIZE;
  if (new_size > mem->max_size || new_size > AWSM_MAX_MEMORY_BYTES)
    return -1;
  if (awsm_memory_ops(mem)->grow(mem, new_size) != 0)
    return -1;
  awsm_memory_changed(mem);
  return (int32_t)old_pages;
}

awsm_memory *awsm_memory_new(uint32_t strategy, awsm_limits limits, const char **error) {
  const char *err = NULL;
  const awsm_strategy_ops *ops = awsm_strategy_ops_for(strategy);
  awsm_memory *mem = NULL;
  uint64_t max_pages = limits.has_max && limits.max < AWSM_MAX_PAGES ? limits.max : AWSM_MAX_PAGES;
  if (!ops)
    err = "unsupported bounds-check strategy";
  else if (awsm_cm_static_memory_bytes)
    err = "firmware has one linear memory, the module's own";
  else if (limits.min > AWSM_MAX_PAGES || (limits.has_max && limits.max < limits.min))
    err = "memory size too large";
  else if (!(mem = calloc(1, sizeof *mem)))
    err = "out of memory";
  else if (ops->alloc(mem, limits.min * AWSM_PAGE_SIZE, max_pages * AWSM_PAGE_SIZE) != 0)
    err = "cannot allocate linear memory";
  if (err) {
    free(mem);
    mem = NULL;
  }
  if (error)
    *error = err;
  return mem;
}

void awsm_memory_free(awsm_memory *mem) {
  if (!mem)
    return;
  awsm_memory_ops(mem)->free(mem);
  free(mem);
}

/* awsm_memory_grow updates the instances in the registry; ctx is synced
 * here too, for instances that are not in it (Cortex-M commands). */
int32_t awsm_rt_memory_grow(awsm_instance *ctx, uint32_t delta) {
  int32_t old = awsm_memory_grow(ctx->memory, delta);
  awsm_sync_memory(ctx);
  return old;
}

/* Whether [start, start + n) lies within `limit` bytes. */
static inline int in_bounds(uint32_t start, uint32_t n, uint64_t limit) {
  return (uint64_t)start + n <= limit;
}

void awsm_rt_memory_init(awsm_instance *ctx, const uint8_t *data, uint32_t data_len, uint32_t dst,
                         uint32_t src, uint32_t n) {
  awsm_memory *mem = ctx->memory;
  if (!in_bounds(src, n, data_len) || !in_bounds(dst, n, real_size(mem->size)))
    awsm_trap(ctx, AWSM_TRAP_MEMORY_OOB);
  if (n)
    memcpy(mem->base + dst, data + src, n);
}

void awsm_rt_memory_copy(awsm_instance *ctx, uint32_t dst, uint32_t src, uint32_t n) {
  awsm_memory *mem = ctx->memory;
  uint64_t limit = real_size(mem->size);
  if (!in_bounds(src, n, limit) || !in_bounds(dst, n, limit))
    awsm_trap(ctx, AWSM_TRAP_MEMORY_OOB);
  memmove(mem->base + dst, mem->base + src, n);
}

void awsm_rt_memory_fill(awsm_instance *ctx, uint32_t dst, uint32_t val, uint32_t n) {
  awsm_memory *mem = ctx->memory;
  if (!in_bounds(dst, n, real_size(mem->size)))
    awsm_trap(ctx, AWSM_TRAP_MEMORY_OOB);
  memset(mem->base + dst, (int)(val & 0xff), n);
}

uint64_t awsm_cm_real_size(const awsm_memory *mem) { return mem ? real_size(mem->size) : 0; }
