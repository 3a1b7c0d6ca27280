/*
 * test_leak.c — 10,000 instantiate/invoke/trap/free cycles over both
 * strategies, host imports, tables, globals, and failing instantiations.
 * run.sh runs it under valgrind's leak checker when valgrind exists.
 */
#include "harness.h"

static const int32_t segment[] = {0, 1};

static int32_t l_run(awsm_instance *ctx, int32_t x) {
  ctx->globals[1]->i64 += x;
  return CALL_FUNC(ctx, 0, fn_i_i, x) * 2;
}
static void l_trap(awsm_instance *ctx) { awsm_trap(ctx, AWSM_TRAP_INT_OVERFLOW); }
static void l_init(awsm_instance *ctx) {
  ctx->globals[0]->i32 = 1;
  awsm_rt_table_init(ctx, 0, segment, 2, 0, 0, 2);
  awsm_rt_memory_fill(ctx, 0, 1, 16);
}

static int32_t host_inc(void *env, awsm_instance *caller, const awsm_val *args, awsm_val *results) {
  (void)env;
  (void)caller;
  results[0].i32 = args[0].i32 + 1;
  return 0;
}

static const awsm_import_desc imports[] = {
    {"env", "inc", AWSM_EXTERN_FUNC, 0, T_I_I, 0, {0, 0, 0}},
};
static const uint32_t func_types[] = {T_I_I, T_I_I, T_V_V};
static void *const func_ptrs[] = {NULL, (void *)l_run, (void *)l_trap};
static const awsm_export_desc exports[] = {
    EXPORT("run", AWSM_EXTERN_FUNC, 1),
    EXPORT("trap", AWSM_EXTERN_FUNC, 2),
};
static const awsm_global_desc globals[] = {{AWSM_TYPE_I32, 0}, {AWSM_TYPE_I64, 1}};
static const awsm_table_desc tables[] = {{AWSM_TYPE_FUNCREF, {4, 0, 0}}};

static awsm_module make_module(uint32_t strategy) {
  awsm_module m = {
      .abi_version = AWSM_ABI_VERSION,
      .name = "leak",
      .num_types = NUM_T,
      .types = fake_types,
      .num_funcs = 3,
      .num_imported_funcs = 1,
      .func_types = func_types,
      .func_ptrs = func_ptrs,
      .num_imports = 1,
      .imports = imports,
      .num_exports = 2,
      .exports = exports,
      .num_globals = 2,
      .globals = globals,
      .num_tables = 1,
      .tables = tables,
      .has_memory = 1,
      .memory_limits = {1, 0, 0},
      .num_data = 1,
      .num_elems = 1,
      .init = l_init,
      .start_func = -1,
      .memory_strategy = strategy,
  };
  return m;
}

static void test_cycles(void) {
  awsm_module mods[2] = {make_module(AWSM_STRATEGY_GUARD_PAGES),
                         make_module(AWSM_STRATEGY_EXPLICIT)};
  awsm_module trapping = mods[1];
  trapping.start_func = 2;
  awsm_extern ext = {.module = "env",
                     .name = "inc",
                     .kind = AWSM_EXTERN_FUNC,
                     .host_callback = host_inc,
                     .host_sig = "i:i"};
  int bad = 0;
  for (int i = 0; i < 10000; i++) {
    awsm_instance *inst = must_instantiate(&mods[i & 1], &ext, 1);
    awsm_trap_code code;
    bad += invoke_i32(inst, "run", i, 0, &code) != 2 * (i + 1) || code != AWSM_TRAP_NONE;
    bad += awsm_invoke(inst, "trap", NULL, NULL).code != AWSM_TRAP_INT_OVERFLOW;
    bad += awsm_memory_grow(inst->memory, 1) != 1;
    bad += awsm_table_grow(inst->tables[0], 3, NULL) != 4;
    awsm_instance_free(inst);
    const char *err;
    bad += awsm_instantiate(&mods[i & 1], NULL, 0, &err) != NULL; /* unknown import */
    bad += awsm_instantiate(&trapping, &ext, 1, &err) != NULL;    /* start traps */
  }
  CHECK_EQ(bad, 0);
}

int main(void) {
  RUN(test_cycles);
  return TESTS_DONE();
}
