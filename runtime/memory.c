/*
 * memory.c — linear-memory operations shared by every strategy:
 * memory.grow, memory.init/copy/fill, and choosing the allocator.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

const awsm_strategy_ops *awsm_strategy_ops_for(uint32_t strategy) {
  switch (strategy) {
  case AWSM_STRATEGY_GUARD_PAGES:
  case AWSM_STRATEGY_NONE:    /* unchecked code still gets the 8 GiB guard */
  case AWSM_STRATEGY_SEGMENT: /* guard pages; only the addressing differs */
    return &awsm_guard_pages_ops;
  case AWSM_STRATEGY_EXPLICIT:
    return &awsm_explicit_ops;
  case AWSM_STRATEGY_MASK:
    return &awsm_mask_ops;
  default:
    return NULL;
  }
}

const awsm_strategy_ops *awsm_memory_ops(const awsm_memory *mem) {
  if (mem->reserved == AWSM_GUARD_RESERVATION)
    return &awsm_guard_pages_ops;
  if (mem->reserved == AWSM_MASK_RESERVATION)
    return &awsm_mask_ops;
  return &awsm_explicit_ops;
}

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

/*
 * memory.init/copy/fill: the whole range is checked before anything is
 * written (the spec's order), then libc copies. They read the instance's
 * copies of base and size (one load each, no pointer chase); inlined into
 * generated code, a copy of small constant length becomes plain loads and
 * stores.
 */
void awsm_rt_memory_init(awsm_instance *ctx, const uint8_t *data, uint32_t data_len, uint32_t dst,
                         uint32_t src, uint32_t n) {
  if (!in_bounds(src, n, data_len) || !in_bounds(dst, n, ctx->memory_size))
    awsm_trap(ctx, AWSM_TRAP_MEMORY_OOB);
  if (n)
    memcpy(ctx->memory_base + dst, data + src, n);
}

void awsm_rt_memory_copy(awsm_instance *ctx, uint32_t dst, uint32_t src, uint32_t n) {
  uint64_t size = ctx->memory_size;
  if (!in_bounds(src, n, size) || !in_bounds(dst, n, size))
    awsm_trap(ctx, AWSM_TRAP_MEMORY_OOB);
  memmove(ctx->memory_base + dst, ctx->memory_base + src, n);
}

void awsm_rt_memory_fill(awsm_instance *ctx, uint32_t dst, uint32_t val, uint32_t n) {
  if (!in_bounds(dst, n, ctx->memory_size))
    awsm_trap(ctx, AWSM_TRAP_MEMORY_OOB);
  memset(ctx->memory_base + dst, (int)(val & 0xff), n);
}
