/*
 * test_table.c — table.grow/fill/copy/init bounds, element encoding of
 * table.init, call_indirect through table entries, table imports.
 */
#include "harness.h"

static int32_t f0(awsm_instance *ctx) {
  (void)ctx;
  return 100;
}
static int32_t f1(awsm_instance *ctx) {
  (void)ctx;
  return 101;
}

/* elements: f0, f1, null, global 0 */
static const int32_t segment[] = {0, 1, -1, -2};

/* What compiled call_indirect does with a (:i) type. */
static int32_t call_indirect(awsm_instance *ctx, uint32_t i) {
  awsm_table *t = ctx->tables[0];
  if (i >= t->size)
    awsm_trap(ctx, AWSM_TRAP_UNDEFINED_ELEMENT);
  awsm_funcref *f = t->elems[i];
  if (!f)
    awsm_trap(ctx, AWSM_TRAP_UNINITIALIZED_ELEMENT);
  if (f->type_id != ctx->type_ids[T_V_I])
    awsm_trap(ctx, AWSM_TRAP_INDIRECT_CALL_TYPE_MISMATCH);
  return ((fn_v_i)f->fn)(f->ctx);
}

static int32_t f_op(awsm_instance *ctx, int32_t kind, int32_t a, int32_t b, int32_t c) {
  uint32_t ua = (uint32_t)a, ub = (uint32_t)b, uc = (uint32_t)c;
  switch (kind) {
  case 0:
    return awsm_rt_table_grow(ctx, 0, &ctx->funcs[0], ua);
  case 1:
    awsm_rt_table_fill(ctx, 0, ua, &ctx->funcs[b], uc);
    return 0;
  case 2:
    awsm_rt_table_copy(ctx, 0, 0, ua, ub, uc);
    return 0;
  case 3:
    awsm_rt_table_init(ctx, 0, segment, 4, ua, ub, uc);
    return 0;
  case 4:
    return call_indirect(ctx, ua);
  case 5:
    awsm_rt_table_copy(ctx, 1, 1, ua, ub, uc);
    return 0;
  default:
    return awsm_rt_table_grow(ctx, 1, NULL, ua);
  }
}

static void t_init(awsm_instance *ctx) {
  ctx->globals[0]->ref = &ctx->funcs[1];
  awsm_rt_table_init(ctx, 0, segment, 4, 0, 0, 3);
}

static const uint32_t func_types[] = {T_V_I, T_V_I, T_IIII_I, T_II_I};
static void *const func_ptrs[] = {(void *)f0, (void *)f1, (void *)f_op, (void *)f_op};
static const awsm_export_desc exports[] = {
    EXPORT("op", AWSM_EXTERN_FUNC, 2),
    EXPORT("tab", AWSM_EXTERN_TABLE, 0),
    EXPORT("ext", AWSM_EXTERN_TABLE, 1),
};
static const awsm_global_desc globals[] = {{AWSM_TYPE_FUNCREF, 0}};
static const awsm_table_desc tables[] = {
    {AWSM_TYPE_FUNCREF, {3, 5, 1}},
    {AWSM_TYPE_EXTERNREF, {2, 0, 0}},
};

static const awsm_module module = {
    .abi_version = AWSM_ABI_VERSION,
    .name = "tables",
    .num_types = NUM_T,
    .types = fake_types,
    .num_funcs = 3,
    .func_types = func_types,
    .func_ptrs = func_ptrs,
    .num_exports = 3,
    .exports = exports,
    .num_globals = 1,
    .globals = globals,
    .num_tables = 2,
    .tables = tables,
    .num_elems = 1,
    .init = t_init,
    .start_func = -1,
    .memory_strategy = AWSM_STRATEGY_GUARD_PAGES,
};

static int32_t op(awsm_instance *inst, int32_t kind, int32_t a, int32_t b, int32_t c,
                  awsm_trap_code *code) {
  awsm_val args[4] = {{.i32 = kind}, {.i32 = a}, {.i32 = b}, {.i32 = c}}, res[1] = {{.i32 = -99}};
  *code = awsm_invoke(inst, "op", args, res).code;
  return res[0].i32;
}

static void test_table_ops(void) {
  awsm_instance *inst = must_instantiate(&module, NULL, 0);
  awsm_table *t = inst->tables[0];
  awsm_trap_code code;
  CHECK_EQ(t->size, 3);
  CHECK_EQ(t->max_size, 5);
  CHECK(inst->elem_dropped != NULL && inst->elem_dropped[0] == 0);
  CHECK_EQ(op(inst, 4, 0, 0, 0, &code), 100);
  CHECK_EQ(op(inst, 4, 1, 0, 0, &code), 101);
  op(inst, 4, 2, 0, 0, &code);
  CHECK_EQ(code, AWSM_TRAP_UNINITIALIZED_ELEMENT);
  op(inst, 4, 3, 0, 0, &code);
  CHECK_EQ(code, AWSM_TRAP_UNDEFINED_ELEMENT);

  /* table.init: the -2 entry is global 0's value (funcs[1]). */
  op(inst, 3, 2, 3, 1, &code);
  CHECK_EQ(code, AWSM_TRAP_NONE);
  CHECK(t->elems[2] == &inst->funcs[1]);
  op(inst, 3, 3, 0, 0, &code); /* n == 0 at the end of both */
  CHECK_EQ(code, AWSM_TRAP_NONE);
  op(inst, 3, 0, 4, 0, &code);
  CHECK_EQ(code, AWSM_TRAP_NONE);
  op(inst, 3, 0, 5, 0, &code);
  CHECK_EQ(code, AWSM_TRAP_TABLE_OOB);
  op(inst, 3, 4, 0, 0, &code);
  CHECK_EQ(code, AWSM_TRAP_TABLE_OOB);
  op(inst, 3, 1, 1, 3, &code); /* dst range too long: nothing written */
  CHECK_EQ(code, AWSM_TRAP_TABLE_OOB);
  CHECK(t->elems[1] == &inst->funcs[1] && t->elems[2] == &inst->funcs[1]);

  /* fill */
  op(inst, 1, 0, 0, 3, &code);
  CHECK_EQ(code, AWSM_TRAP_NONE);
  CHECK(t->elems[0] == &inst->funcs[0] && t->elems[2] == &inst->funcs[0]);
  op(inst, 1, 2, 1, 2, &code);
  CHECK_EQ(code, AWSM_TRAP_TABLE_OOB);
  CHECK(t->elems[2] == &inst->funcs[0]);
  op(inst, 1, 3, 1, 0, &code);
  CHECK_EQ(code, AWSM_TRAP_NONE);
  op(inst, 1, -1, 1, 2, &code);
  CHECK_EQ(code, AWSM_TRAP_TABLE_OOB);

  /* copy (overlapping) */
  t->elems[0] = &inst->funcs[1];
  t->elems[1] = NULL;
  op(inst, 2, 1, 0, 2, &code);
  CHECK_EQ(code, AWSM_TRAP_NONE);
  CHECK(t->elems[1] == &inst->funcs[1] && t->elems[2] == NULL);
  op(inst, 2, 0, 1, 3, &code);
  CHECK_EQ(code, AWSM_TRAP_TABLE_OOB);
  op(inst, 2, 3, 3, 0, &code);
  CHECK_EQ(code, AWSM_TRAP_NONE);

  /* indirect call type mismatch: put f_op (iiii:i) in the table */
  t->elems[0] = &inst->funcs[2];
  op(inst, 4, 0, 0, 0, &code);
  CHECK_EQ(code, AWSM_TRAP_INDIRECT_CALL_TYPE_MISMATCH);

  /* grow up to the maximum of 5 */
  CHECK_EQ(op(inst, 0, 1, 0, 0, &code), 3);
  CHECK(t->elems[3] == &inst->funcs[0]);
  CHECK_EQ(op(inst, 0, 2, 0, 0, &code), -1);
  CHECK_EQ(op(inst, 0, 1, 0, 0, &code), 4);
  CHECK_EQ(op(inst, 0, 0, 0, 0, &code), 5);
  CHECK_EQ(op(inst, 0, 1, 0, 0, &code), -1);
  CHECK_EQ(op(inst, 4, 4, 0, 0, &code), 100);

  /* the unbounded externref table */
  awsm_table *e = inst->tables[1];
  CHECK_EQ(e->max_size, 0xffffffffu);
  CHECK_EQ(e->elem_type, AWSM_TYPE_EXTERNREF);
  CHECK_EQ(op(inst, 6, 10, 0, 0, &code), 2);
  CHECK_EQ(op(inst, 6, -1, 0, 0, &code), -1);
  CHECK_EQ(awsm_table_grow(e, 1, (void *)0x1234), 12);
  CHECK(e->elems[12] == (void *)0x1234 && e->elems[11] == NULL);
  op(inst, 5, 0, 12, 1, &code);
  CHECK(e->elems[0] == (void *)0x1234);
  op(inst, 5, 0, 12, 2, &code);
  CHECK_EQ(code, AWSM_TRAP_TABLE_OOB);
  CHECK(awsm_export_table(inst, "ext") == e);
  awsm_instance_free(inst);
}

/* A module importing table "t.tab" with the given limits and type. */
static const char *import_table(awsm_table *table, uint32_t elem_type, awsm_limits limits) {
  awsm_import_desc imp = {"t", "tab", AWSM_EXTERN_TABLE, 0, elem_type, 0, limits};
  awsm_table_desc desc = {elem_type, limits};
  awsm_module m = {
      .abi_version = AWSM_ABI_VERSION,
      .num_imports = 1,
      .imports = &imp,
      .num_tables = 1,
      .num_imported_tables = 1,
      .tables = &desc,
      .start_func = -1,
  };
  awsm_extern ext = {.module = "t", .name = "tab", .kind = AWSM_EXTERN_TABLE, .u.table = table};
  const char *err = NULL;
  awsm_instance *inst = awsm_instantiate(&m, &ext, 1, &err);
  if (inst && inst->tables[0] != table)
    err = "wrong table";
  awsm_instance_free(inst);
  return inst ? "(succeeded)" : err;
}

static void test_table_imports(void) {
  awsm_instance *inst = must_instantiate(&module, NULL, 0);
  awsm_table *t = awsm_export_table(inst, "tab");
  CHECK_STR(import_table(t, AWSM_TYPE_FUNCREF, (awsm_limits){3, 5, 1}), "(succeeded)");
  CHECK_STR(import_table(t, AWSM_TYPE_FUNCREF, (awsm_limits){0, 0, 0}), "(succeeded)");
  CHECK_STR(import_table(t, AWSM_TYPE_FUNCREF, (awsm_limits){4, 0, 0}),
            "incompatible import type: t.tab");
  CHECK_STR(import_table(t, AWSM_TYPE_FUNCREF, (awsm_limits){3, 4, 1}),
            "incompatible import type: t.tab");
  CHECK_STR(import_table(t, AWSM_TYPE_EXTERNREF, (awsm_limits){3, 5, 1}),
            "incompatible import type: t.tab");
  awsm_table *e = awsm_export_table(inst, "ext");
  CHECK_STR(import_table(e, AWSM_TYPE_EXTERNREF, (awsm_limits){2, 0xffffffff, 1}),
            "incompatible import type: t.tab"); /* declared without a maximum */
  awsm_instance_free(inst);

  /* A host-made table: limits from the struct itself. */
  void *elems[4] = {0};
  awsm_table host = {elems, 4, 8, AWSM_TYPE_FUNCREF};
  CHECK_STR(import_table(&host, AWSM_TYPE_FUNCREF, (awsm_limits){4, 8, 1}), "(succeeded)");
  CHECK_STR(import_table(&host, AWSM_TYPE_FUNCREF, (awsm_limits){4, 7, 1}),
            "incompatible import type: t.tab");
}

static void test_table_limit(void) {
  awsm_table t = {NULL, 0, 0xffffffffu, AWSM_TYPE_EXTERNREF};
  CHECK_EQ(awsm_table_grow(&t, 0xffffffffu, NULL), -1);
  CHECK_EQ(awsm_table_grow(&t, 0, NULL), 0);
  CHECK_EQ(awsm_table_grow(&t, 1000, NULL), 0);
  CHECK_EQ(t.size, 1000);
  free(t.elems);
}

int main(void) {
  RUN(test_table_ops);
  RUN(test_table_imports);
  RUN(test_table_limit);
  return TESTS_DONE();
}
