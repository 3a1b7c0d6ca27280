/*
 * table.c — table.grow/fill/copy/init with wasm bounds semantics: the
 * whole range is checked first (64-bit arithmetic), then the operation
 * runs; n == 0 exactly at the end is allowed.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

int32_t awsm_table_grow(awsm_table *table, uint32_t delta, void *init) {
  uint64_t old_size = table->size;
  uint64_t new_size = old_size + delta;
  if (new_size > table->max_size || new_size > AWSM_TABLE_LIMIT)
    return -1;
  if (delta == 0)
    return (int32_t)old_size;
  void **elems = realloc(table->elems, new_size * sizeof *elems);
  if (!elems)
    return -1;
  for (uint64_t i = old_size; i < new_size; i++)
    elems[i] = init;
  table->elems = elems;
  table->size = (uint32_t)new_size;
  return (int32_t)old_size;
}

awsm_table *awsm_table_new(uint32_t elem_type, awsm_limits limits, const char **error) {
  const char *err = NULL;
  awsm_table *t = NULL;
  if (elem_type != AWSM_TYPE_FUNCREF && elem_type != AWSM_TYPE_EXTERNREF)
    err = "unknown table element type";
  else if (limits.min > AWSM_TABLE_LIMIT || (limits.has_max && limits.max < limits.min))
    err = "table size too large";
  else if (!(t = calloc(1, sizeof *t)) ||
           (limits.min && !(t->elems = calloc(limits.min, sizeof *t->elems))))
    err = "out of memory";
  if (err) {
    free(t);
    t = NULL;
  } else {
    t->size = limits.min;
    t->max_size = limits.has_max ? limits.max : AWSM_TABLE_UNBOUNDED;
    t->elem_type = elem_type;
  }
  if (error)
    *error = err;
  return t;
}

void awsm_table_free(awsm_table *table) {
  if (!table)
    return;
  free(table->elems);
  free(table);
}

int32_t awsm_rt_table_grow(awsm_instance *ctx, uint32_t table, void *init, uint32_t delta) {
  return awsm_table_grow(ctx->tables[table], delta, init);
}

static inline int in_bounds(uint32_t start, uint32_t n, uint64_t limit) {
  return (uint64_t)start + n <= limit;
}

void awsm_rt_table_fill(awsm_instance *ctx, uint32_t table, uint32_t dst, void *val, uint32_t n) {
  awsm_table *t = ctx->tables[table];
  if (!in_bounds(dst, n, t->size))
    awsm_trap(ctx, AWSM_TRAP_TABLE_OOB);
  for (uint32_t i = 0; i < n; i++)
    t->elems[dst + i] = val;
}

void awsm_rt_table_copy(awsm_instance *ctx, uint32_t dst_table, uint32_t src_table, uint32_t dst,
                        uint32_t src, uint32_t n) {
  awsm_table *d = ctx->tables[dst_table];
  awsm_table *s = ctx->tables[src_table];
  if (!in_bounds(src, n, s->size) || !in_bounds(dst, n, d->size))
    awsm_trap(ctx, AWSM_TRAP_TABLE_OOB);
  if (n)
    memmove(d->elems + dst, s->elems + src, n * sizeof *d->elems);
}

void awsm_rt_table_init(awsm_instance *ctx, uint32_t table, const int32_t *elems,
                        uint32_t num_elems, uint32_t dst, uint32_t src, uint32_t n) {
  awsm_table *t = ctx->tables[table];
  if (!in_bounds(src, n, num_elems) || !in_bounds(dst, n, t->size))
    awsm_trap(ctx, AWSM_TRAP_TABLE_OOB);
  for (uint32_t i = 0; i < n; i++) {
    int32_t e = elems[src + i];
    void *val = NULL;
    if (e >= 0)
      val = &ctx->funcs[e];
    else if (e <= -2)
      val = ctx->globals[-2 - (int64_t)e]->ref;
    t->elems[dst + i] = val;
  }
}
