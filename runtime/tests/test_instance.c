/*
 * test_instance.c — instantiate/invoke/free, traps, type ids, imports
 * (host callbacks, another instance's function, memory and global),
 * import checks, nesting of guest calls, and threads.
 */
#include "harness.h"

#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

/* ------------------------------------------------------------- module A */

static int32_t a_add(awsm_instance *ctx, int32_t a, int32_t b) {
  (void)ctx;
  return a + b;
}
static int32_t a_get_g(awsm_instance *ctx) { return ctx->globals[0]->i32; }
static void a_boom(awsm_instance *ctx) { awsm_trap(ctx, AWSM_TRAP_UNREACHABLE); }
static int32_t a_div(awsm_instance *ctx, int32_t a, int32_t b) {
  if (b == 0)
    awsm_trap(ctx, AWSM_TRAP_INT_DIV_BY_ZERO);
  return a / b;
}
static int32_t a_store(awsm_instance *ctx, int32_t addr, int32_t val) {
  awsm_memory *m = ctx->memory;
  *awsm_mem_addr_explicit(ctx, m->base, m->size, (uint32_t)addr, 0, 1) = (uint8_t)val;
  return 0;
}
static void a_init(awsm_instance *ctx) {
  ctx->globals[0]->i32 = 42;
  awsm_rt_memory_fill(ctx, 0, 'A', 1);
}

static const uint32_t a_func_types[] = {T_II_I, T_V_I, T_V_V, T_II_I, T_II_I};
static void *const a_func_ptrs[] = {(void *)a_add, (void *)a_get_g, (void *)a_boom, (void *)a_div,
                                    (void *)a_store};
static const awsm_export_desc a_exports[] = {
    EXPORT("add", AWSM_EXTERN_FUNC, 0),   EXPORT("get_g", AWSM_EXTERN_FUNC, 1),
    EXPORT("boom", AWSM_EXTERN_FUNC, 2),  EXPORT("div", AWSM_EXTERN_FUNC, 3),
    EXPORT("store", AWSM_EXTERN_FUNC, 4), EXPORT("mem", AWSM_EXTERN_MEMORY, 0),
    EXPORT("g", AWSM_EXTERN_GLOBAL, 0),
};
static const awsm_global_desc a_globals[] = {{AWSM_TYPE_I32, 1}};

static const awsm_module module_a = {
    .abi_version = AWSM_ABI_VERSION,
    .name = "a",
    .num_types = NUM_T,
    .types = fake_types,
    .num_funcs = 5,
    .func_types = a_func_types,
    .func_ptrs = a_func_ptrs,
    .num_exports = 7,
    .exports = a_exports,
    .num_globals = 1,
    .globals = a_globals,
    .has_memory = 1,
    .memory_limits = {1, 2, 1},
    .init = a_init,
    .start_func = -1,
    .memory_strategy = AWSM_STRATEGY_EXPLICIT,
};

/* ------------------------------------------------------------- module B */

static int32_t b_call_host(awsm_instance *ctx, int32_t a, int32_t b) {
  return CALL_FUNC(ctx, 0, fn_ii_i, a, b);
}
static int32_t b_call_a_add(awsm_instance *ctx, int32_t a, int32_t b) {
  return CALL_FUNC(ctx, 1, fn_ii_i, a, b);
}
static int32_t b_read_mem(awsm_instance *ctx, int32_t i) {
  awsm_memory *m = ctx->memory;
  return *awsm_mem_addr_explicit(ctx, m->base, m->size, (uint32_t)i, 0, 1);
}
static int32_t b_read_g(awsm_instance *ctx) { return ctx->globals[0]->i32; }
static int32_t b_nest(awsm_instance *ctx, int32_t x) { return CALL_FUNC(ctx, 2, fn_i_i, x) + 1; }

static const awsm_import_desc b_imports[] = {
    {"env", "host_add", AWSM_EXTERN_FUNC, 0, T_II_I, 0, {0, 0, 0}},
    {"a", "add", AWSM_EXTERN_FUNC, 1, T_II_I, 0, {0, 0, 0}},
    {"env", "host_nest", AWSM_EXTERN_FUNC, 2, T_I_I, 0, {0, 0, 0}},
    {"a", "mem", AWSM_EXTERN_MEMORY, 0, 0, 0, {1, 0, 0}},
    {"a", "g", AWSM_EXTERN_GLOBAL, 0, AWSM_TYPE_I32, 1, {0, 0, 0}},
};
static const uint32_t b_func_types[] = {T_II_I, T_II_I, T_I_I, T_II_I, T_II_I, T_I_I, T_V_I, T_I_I};
static void *const b_func_ptrs[] = {NULL,
                                    NULL,
                                    NULL,
                                    (void *)b_call_host,
                                    (void *)b_call_a_add,
                                    (void *)b_read_mem,
                                    (void *)b_read_g,
                                    (void *)b_nest};
static const awsm_export_desc b_exports[] = {
    EXPORT("call_host", AWSM_EXTERN_FUNC, 3), EXPORT("call_a_add", AWSM_EXTERN_FUNC, 4),
    EXPORT("read_mem", AWSM_EXTERN_FUNC, 5),  EXPORT("read_g", AWSM_EXTERN_FUNC, 6),
    EXPORT("nest", AWSM_EXTERN_FUNC, 7),      EXPORT("host_add", AWSM_EXTERN_FUNC, 0),
};
static const awsm_global_desc b_globals[] = {{AWSM_TYPE_I32, 1}};

static const awsm_module module_b = {
    .abi_version = AWSM_ABI_VERSION,
    .name = "b",
    .num_types = NUM_T,
    .types = fake_types,
    .num_funcs = 8,
    .num_imported_funcs = 3,
    .func_types = b_func_types,
    .func_ptrs = b_func_ptrs,
    .num_imports = 5,
    .imports = b_imports,
    .num_exports = 6,
    .exports = b_exports,
    .num_globals = 1,
    .num_imported_globals = 1,
    .globals = b_globals,
    .has_memory = 1,
    .memory_imported = 1,
    .memory_limits = {1, 0, 0},
    .start_func = -1,
    .memory_strategy = AWSM_STRATEGY_EXPLICIT,
};

static int host_add_calls;
static int32_t host_add(void *env, awsm_instance *caller, const awsm_val *args, awsm_val *results) {
  (void)caller;
  ++*(int *)env;
  if (args[0].i32 == 999)
    return AWSM_TRAP_HOST;
  results[0].i32 = args[0].i32 + args[1].i32;
  return 0;
}

/* Called from guest B; calls into guest A, which traps, then again. */
static int32_t host_nest(void *env, awsm_instance *caller, const awsm_val *args,
                         awsm_val *results) {
  (void)caller;
  awsm_instance *a = env;
  awsm_result r = awsm_invoke(a, "boom", NULL, NULL);
  if (r.code != AWSM_TRAP_UNREACHABLE)
    return AWSM_TRAP_HOST;
  if (args[0].i32 < 0) /* propagate a trap of the inner call */
    return awsm_invoke(a, "div", (awsm_val[]){{.i32 = 1}, {.i32 = 0}}, results).code;
  awsm_val add_args[2] = {{.i32 = args[0].i32}, {.i32 = 10}};
  return awsm_invoke(a, "add", add_args, results).code;
}

static void make_b_imports(awsm_instance *a, awsm_extern out[5]) {
  out[0] = (awsm_extern){.module = "env",
                         .name = "host_add",
                         .kind = AWSM_EXTERN_FUNC,
                         .host_callback = host_add,
                         .host_env = &host_add_calls,
                         .host_sig = "ii:i"};
  out[1] = (awsm_extern){
      .module = "a", .name = "add", .kind = AWSM_EXTERN_FUNC, .u.func = awsm_export_func(a, "add")};
  out[2] = (awsm_extern){.module = "env",
                         .name = "host_nest",
                         .kind = AWSM_EXTERN_FUNC,
                         .host_callback = host_nest,
                         .host_env = a,
                         .host_sig = "i:i"};
  out[3] = (awsm_extern){.module = "a",
                         .name = "mem",
                         .kind = AWSM_EXTERN_MEMORY,
                         .u.memory = awsm_export_memory(a, "mem")};
  out[4] = (awsm_extern){.module = "a",
                         .name = "g",
                         .kind = AWSM_EXTERN_GLOBAL,
                         .u.global = awsm_export_global(a, "g")};
}

/* ------------------------------------------------------------------ tests */

static void test_basic_invoke(void) {
  awsm_instance *a = must_instantiate(&module_a, NULL, 0);
  awsm_trap_code code;
  CHECK_EQ(invoke_i32(a, "add", 2, 3, &code), 5);
  CHECK_EQ(code, AWSM_TRAP_NONE);
  CHECK_EQ(invoke_i32(a, "get_g", 0, 0, &code), 42);
  CHECK_EQ(a->memory->base[0], 'A');
  CHECK_EQ(a->memory->size, 65536);
  CHECK_EQ(awsm_export_index(a, "div"), 3);
  CHECK_EQ(awsm_export_index(a, "nope"), -1);
  CHECK(awsm_export_func(a, "mem") == NULL);
  CHECK(awsm_export_memory(a, "mem") == a->memory);
  CHECK(awsm_export_global(a, "g") == a->globals[0]);
  CHECK(awsm_export_table(a, "g") == NULL);
  invoke_i32(a, "nope", 0, 0, &code);
  CHECK_EQ(code, AWSM_TRAP_HOST);
  awsm_instance_free(a);
}

static void test_traps(void) {
  awsm_instance *a = must_instantiate(&module_a, NULL, 0);
  awsm_result r = awsm_invoke(a, "boom", NULL, NULL);
  CHECK_EQ(r.code, AWSM_TRAP_UNREACHABLE);
  awsm_trap_code code;
  invoke_i32(a, "div", 1, 0, &code);
  CHECK_EQ(code, AWSM_TRAP_INT_DIV_BY_ZERO);
  CHECK_EQ(invoke_i32(a, "div", 10, 3, &code), 3); /* later calls work */
  CHECK_EQ(code, AWSM_TRAP_NONE);
  invoke_i32(a, "store", 65536, 1, &code);
  CHECK_EQ(code, AWSM_TRAP_MEMORY_OOB);
  for (int i = 0; i < 1000; i++)
    CHECK_EQ(awsm_invoke(a, "boom", NULL, NULL).code, AWSM_TRAP_UNREACHABLE);
  CHECK_STR(awsm_trap_message(AWSM_TRAP_MEMORY_OOB), "out of bounds memory access");
  CHECK_STR(awsm_trap_message(AWSM_TRAP_STACK_EXHAUSTED), "call stack exhausted");
  CHECK_STR(awsm_trap_message(AWSM_TRAP_INDIRECT_CALL_TYPE_MISMATCH),
            "indirect call type mismatch");
  CHECK(a->stack_limit != 0);
  CHECK(a->stack_limit < (uintptr_t)&r);
  awsm_instance_free(a);
}

static void test_type_ids(void) {
  uint32_t x = awsm_type_id("iI:f");
  CHECK(x != 0);
  CHECK_EQ(awsm_type_id("iI:f"), x);
  CHECK(awsm_type_id("iI:F") != x);
  CHECK_STR(awsm_type_sig(x), "iI:f");
  CHECK(awsm_type_sig(0) == NULL);
  CHECK(awsm_type_sig(0x7fffffff) == NULL);
  char name[32];
  for (int i = 0; i < 500; i++) { /* force rehashing */
    snprintf(name, sizeof name, "%d:", i);
    uint32_t id = awsm_type_id(name);
    CHECK_STR(awsm_type_sig(id), name);
  }
  CHECK_EQ(awsm_type_id("iI:f"), x);
  /* Fixed ids of short signatures: the compiler's values
   * (src/abi/type_id.rs), which call_indirect compares with. */
  CHECK_EQ(awsm_type_id("ii:i"), 0x80001241u);
  CHECK_EQ(awsm_type_id(":"), 0x80000008u);
  CHECK_EQ(awsm_type_id("iIfFvre:i"), 0x894e5dc1u);
  CHECK_EQ(awsm_type_id("iiiiiiiii:"), 0xc9249248u);
  CHECK_STR(awsm_type_sig(0xc9249248u), "iiiiiiiii:");
  CHECK_STR(awsm_type_sig(0x80000008u), ":");
  CHECK(awsm_type_sig(0x80000001u) == NULL);
  uint32_t interned = awsm_type_id("iiiiiiiiii:"); /* 11 letters */
  CHECK(interned != 0 && interned < 0x80000000u);
  CHECK_STR(awsm_type_sig(interned), "iiiiiiiiii:");
}

static void test_imports(void) {
  awsm_instance *a = must_instantiate(&module_a, NULL, 0);
  awsm_extern ext[5];
  make_b_imports(a, ext);
  awsm_instance *b = must_instantiate(&module_b, ext, 5);
  awsm_trap_code code;
  host_add_calls = 0;
  CHECK_EQ(invoke_i32(b, "call_host", 20, 22, &code), 42);
  CHECK_EQ(host_add_calls, 1);
  invoke_i32(b, "call_host", 999, 0, &code); /* the callback reports a trap */
  CHECK_EQ(code, AWSM_TRAP_HOST);
  CHECK_EQ(invoke_i32(b, "call_a_add", 1, 2, &code), 3);
  CHECK_EQ(invoke_i32(b, "read_mem", 0, 0, &code), 'A'); /* shared memory */
  invoke_i32(a, "store", 7, 99, &code);
  CHECK_EQ(invoke_i32(b, "read_mem", 7, 0, &code), 99);
  CHECK_EQ(invoke_i32(b, "read_g", 0, 0, &code), 42); /* shared global */
  a->globals[0]->i32 = 7;
  CHECK_EQ(invoke_i32(b, "read_g", 0, 0, &code), 7);
  CHECK(a->memory_base == a->memory->base && b->memory_base == a->memory->base);
  CHECK_EQ(awsm_memory_grow(a->memory, 1), 1); /* b sees a's growth */
  CHECK_EQ(b->memory->size, 2 * 65536);
  /* Explicit memory may move on grow: both instances' copies follow. */
  CHECK(a->memory_base == a->memory->base && b->memory_base == a->memory->base);
  CHECK(a->memory_size == 2 * 65536 && b->memory_size == 2 * 65536);
  /* The re-exported host import is a host funcref: called directly. */
  const awsm_funcref *h = awsm_export_func(b, "host_add");
  CHECK(h != NULL && h->type_id == awsm_type_id("ii:i"));
  awsm_val args[2] = {{.i32 = 5}, {.i32 = 6}}, res[1];
  CHECK_EQ(awsm_call_funcref(h, args, res).code, AWSM_TRAP_NONE);
  CHECK_EQ(res[0].i32, 11);
  CHECK_EQ(host_add_calls, 3);
  CHECK_EQ(awsm_call_funcref(NULL, args, res).code, AWSM_TRAP_NULL_REFERENCE);
  awsm_instance_free(b);
  awsm_instance_free(a);
}

static void test_nesting(void) {
  awsm_instance *a = must_instantiate(&module_a, NULL, 0);
  awsm_extern ext[5];
  make_b_imports(a, ext);
  awsm_instance *b = must_instantiate(&module_b, ext, 5);
  awsm_trap_code code;
  /* host -> b.nest -> host_nest -> a.boom (traps, caught) -> a.add */
  CHECK_EQ(invoke_i32(b, "nest", 5, 0, &code), 16);
  CHECK_EQ(code, AWSM_TRAP_NONE);
  /* The inner trap code travels out through the host callback. */
  invoke_i32(b, "nest", -1, 0, &code);
  CHECK_EQ(code, AWSM_TRAP_INT_DIV_BY_ZERO);
  CHECK_EQ(invoke_i32(b, "nest", 1, 0, &code), 12);
  CHECK_EQ(code, AWSM_TRAP_NONE);
  awsm_instance_free(b);
  awsm_instance_free(a);
}

static const char *try_instantiate(const awsm_module *m, const awsm_extern *ext, size_t n) {
  const char *err = NULL;
  awsm_instance *inst = awsm_instantiate(m, ext, n, &err);
  awsm_instance_free(inst);
  return inst ? "(succeeded)" : err;
}

static void test_import_errors(void) {
  awsm_instance *a = must_instantiate(&module_a, NULL, 0);
  awsm_extern ext[5];
  make_b_imports(a, ext);
  CHECK_STR(try_instantiate(&module_b, NULL, 0), "unknown import: env.host_add");
  CHECK_STR(try_instantiate(&module_b, ext, 4), "unknown import: a.g");

  ext[0].host_sig = "i:i";
  CHECK_STR(try_instantiate(&module_b, ext, 5), "incompatible import type: env.host_add");
  make_b_imports(a, ext);
  ext[1].u.func = awsm_export_func(a, "boom");
  CHECK_STR(try_instantiate(&module_b, ext, 5), "incompatible import type: a.add");
  make_b_imports(a, ext);
  ext[3].kind = AWSM_EXTERN_GLOBAL; /* right name, wrong kind */
  CHECK_STR(try_instantiate(&module_b, ext, 5), "incompatible import type: a.mem");

  /* Memory limits: a has 1 page now and declared max 2. */
  awsm_import_desc imports[5];
  memcpy(imports, b_imports, sizeof imports);
  awsm_module m = module_b;
  m.imports = imports;
  make_b_imports(a, ext);
  imports[3].limits = (awsm_limits){2, 0, 0};
  CHECK_STR(try_instantiate(&m, ext, 5), "incompatible import type: a.mem");
  imports[3].limits = (awsm_limits){1, 1, 1};
  CHECK_STR(try_instantiate(&m, ext, 5), "incompatible import type: a.mem");
  imports[3].limits = (awsm_limits){1, 2, 1};
  CHECK_STR(try_instantiate(&m, ext, 5), "(succeeded)");
  m.memory_strategy = AWSM_STRATEGY_GUARD_PAGES; /* explicit memory lacks guard pages */
  CHECK_STR(try_instantiate(&m, ext, 5), "incompatible import type: a.mem");
  m.memory_strategy = AWSM_STRATEGY_EXPLICIT;

  /* Global type and mutability. */
  imports[4].type = AWSM_TYPE_I64;
  CHECK_STR(try_instantiate(&m, ext, 5), "incompatible import type: a.g");
  imports[4].type = AWSM_TYPE_I32;
  imports[4].mut = 0;
  CHECK_STR(try_instantiate(&m, ext, 5), "incompatible import type: a.g");
  imports[4].mut = 1;
  /* A host-made global: typed by host_sig. */
  awsm_global cell = {.i32 = 3};
  ext[4].u.global = &cell;
  ext[4].host_sig = "mut i";
  CHECK_STR(try_instantiate(&m, ext, 5), "(succeeded)");
  ext[4].host_sig = "i";
  CHECK_STR(try_instantiate(&m, ext, 5), "incompatible import type: a.g");

  awsm_module bad = module_a;
  bad.abi_version = 999;
  CHECK(strstr(try_instantiate(&bad, NULL, 0), "ABI version") != NULL);
  bad = module_a;
  bad.memory_strategy = AWSM_STRATEGY_COUNT;
  CHECK_STR(try_instantiate(&bad, NULL, 0), "unsupported bounds-check strategy 5");
  bad = module_a;
  bad.memory_limits = (awsm_limits){65537, 0, 0};
  CHECK_STR(try_instantiate(&bad, NULL, 0), "memory size too large");
  awsm_instance_free(a);
}

/* ----------------------------------------------------- start / init traps */

static int32_t s_write_then_trap_calls;
static void s_init(awsm_instance *ctx) {
  awsm_rt_memory_fill(ctx, 100, 7, 1);   /* lands in the imported memory */
  awsm_rt_memory_fill(ctx, 65536, 7, 1); /* out of bounds: traps */
}
static void s_start_exit(awsm_instance *ctx) {
  s_write_then_trap_calls++;
  awsm_wasi_proc_exit(ctx, 5);
}
static const awsm_import_desc s_imports[] = {
    {"a", "mem", AWSM_EXTERN_MEMORY, 0, 0, 0, {1, 0, 0}},
};
static const uint32_t s_func_types[] = {T_V_V};
static void *const s_func_ptrs[] = {(void *)s_start_exit};

static void test_start_and_init_traps(void) {
  awsm_instance *a = must_instantiate(&module_a, NULL, 0);
  awsm_extern ext = {
      .module = "a", .name = "mem", .kind = AWSM_EXTERN_MEMORY, .u.memory = a->memory};
  awsm_module s = {
      .abi_version = AWSM_ABI_VERSION,
      .num_types = NUM_T,
      .types = fake_types,
      .num_imports = 1,
      .imports = s_imports,
      .has_memory = 1,
      .memory_imported = 1,
      .memory_limits = {1, 0, 0},
      .init = s_init,
      .start_func = -1,
      .memory_strategy = AWSM_STRATEGY_EXPLICIT,
  };
  CHECK_STR(try_instantiate(&s, &ext, 1), "out of bounds memory access");
  CHECK_EQ(awsm_instantiate_status().code, AWSM_TRAP_MEMORY_OOB);
  CHECK_EQ(a->memory->base[100], 7); /* writes before the trap stay */

  s.init = NULL;
  s.num_funcs = 1;
  s.func_types = s_func_types;
  s.func_ptrs = s_func_ptrs;
  s.start_func = 0;
  CHECK_STR(try_instantiate(&s, &ext, 1), "exit");
  CHECK_EQ(awsm_instantiate_status().code, AWSM_TRAP_EXIT);
  CHECK_EQ(awsm_instantiate_status().exit_status, 5);
  CHECK_EQ(s_write_then_trap_calls, 1);
  CHECK_STR(try_instantiate(&module_a, NULL, 0), "(succeeded)");
  CHECK_EQ(awsm_instantiate_status().code, AWSM_TRAP_NONE);
  awsm_instance_free(a);
}

/* ------------------------------------------------------------------ threads */

static void *thread_body(void *arg) {
  (void)arg;
  int bad = 0;
  awsm_instance *a = must_instantiate(&module_a, NULL, 0);
  for (int i = 0; i < 2000; i++) {
    awsm_trap_code code;
    bad += awsm_invoke(a, "boom", NULL, NULL).code != AWSM_TRAP_UNREACHABLE;
    bad += invoke_i32(a, "add", i, 1, &code) != i + 1 || code != AWSM_TRAP_NONE;
  }
  awsm_instance_free(a);
  return (void *)(intptr_t)bad;
}

static void test_threads(void) {
  pthread_t threads[4];
  for (int i = 0; i < 4; i++)
    CHECK_EQ(pthread_create(&threads[i], NULL, thread_body, NULL), 0);
  for (int i = 0; i < 4; i++) {
    void *bad;
    pthread_join(threads[i], &bad);
    CHECK_EQ((intptr_t)bad, 0);
  }
}

/* -------------------------------------------- traps outside any guest call */

static int in_child(void (*body)(awsm_instance *), awsm_instance *inst) {
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    freopen("/dev/null", "w", stderr);
    body(inst);
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

static void direct_trap(awsm_instance *inst) { a_boom(inst); }
static void direct_exit(awsm_instance *inst) { awsm_wasi_proc_exit(inst, 9); }

static void test_trap_outside_guest_call(void) {
  awsm_instance *a = must_instantiate(&module_a, NULL, 0);
  int status = in_child(direct_trap, a);
  CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
  status = in_child(direct_exit, a);
  CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 9);
  awsm_instance_free(a);
}

/* Export names may contain NUL bytes: looked up by length. */
static const awsm_export_desc nul_exports[] = {
    EXPORT("a", AWSM_EXTERN_FUNC, 0),
    EXPORT("a\0b", AWSM_EXTERN_FUNC, 1),
};
static const uint32_t nul_func_types[] = {T_II_I, T_V_I};
static void *const nul_func_ptrs[] = {(void *)a_add, (void *)a_get_g};

static void test_export_names_with_nul(void) {
  awsm_module m = module_a;
  m.num_funcs = 2;
  m.func_types = nul_func_types;
  m.func_ptrs = nul_func_ptrs;
  m.num_exports = 2;
  m.exports = nul_exports;
  awsm_instance *inst = must_instantiate(&m, NULL, 0);
  CHECK_EQ(awsm_export_index(inst, "a"), 0);
  CHECK_EQ(awsm_export_index_len(inst, "a\0b", 3), 1);
  CHECK_EQ(awsm_export_index_len(inst, "a\0c", 3), -1);
  const awsm_funcref *f = awsm_export_func_len(inst, "a\0b", 3);
  awsm_val res[1];
  CHECK(f != NULL && awsm_call_funcref(f, NULL, res).code == AWSM_TRAP_NONE && res[0].i32 == 42);
  CHECK(awsm_export_func_len(inst, "a", 1) == &inst->funcs[0]);
  awsm_instance_free(inst);
}

/* Memories and tables made by the host, imported like exports. */
static void test_host_made_memory_and_table(void) {
  const char *err = NULL;
  for (uint32_t strategy = AWSM_STRATEGY_GUARD_PAGES; strategy <= AWSM_STRATEGY_EXPLICIT;
       strategy++) {
    awsm_memory *mem = awsm_memory_new(strategy, (awsm_limits){1, 3, 1}, &err);
    CHECK(mem != NULL && err == NULL);
    if (!mem)
      continue;
    CHECK_EQ(mem->size, 65536);
    CHECK_EQ(awsm_memory_grow(mem, 2), 1);
    CHECK_EQ(awsm_memory_grow(mem, 1), -1);
    mem->base[3 * 65536 - 1] = 7;
    awsm_memory_free(mem);
  }
  CHECK(awsm_memory_new(AWSM_STRATEGY_GUARD_PAGES, (awsm_limits){2, 1, 1}, &err) == NULL);
  CHECK_STR(err, "memory size too large");
  CHECK(awsm_memory_new(AWSM_STRATEGY_COUNT, (awsm_limits){1, 0, 0}, &err) == NULL);

  awsm_table *t = awsm_table_new(AWSM_TYPE_FUNCREF, (awsm_limits){2, 4, 1}, &err);
  CHECK(t != NULL && t->size == 2 && t->max_size == 4 && t->elems[1] == NULL);
  CHECK_EQ(awsm_table_grow(t, 2, NULL), 2);
  CHECK_EQ(awsm_table_grow(t, 1, NULL), -1);
  awsm_table_free(t);
  CHECK(awsm_table_new(AWSM_TYPE_I32, (awsm_limits){0, 0, 0}, &err) == NULL);

  /* Module B imports A's memory: give it a host-made one instead. */
  awsm_memory *mem = awsm_memory_new(module_b.memory_strategy, (awsm_limits){1, 2, 1}, &err);
  awsm_extern ext = {.module = "a", .name = "mem", .kind = AWSM_EXTERN_MEMORY, .u.memory = mem};
  awsm_instance *a = must_instantiate(&module_a, NULL, 0);
  awsm_extern imports[5];
  make_b_imports(a, imports);
  imports[3] = ext;
  awsm_instance *b = awsm_instantiate(&module_b, imports, 5, &err);
  CHECK(b != NULL && b->memory == mem);
  CHECK(b->memory_base == mem->base && b->memory_size == 65536);
  CHECK_EQ(awsm_memory_grow(mem, 1), 1); /* the host grows it */
  CHECK(b->memory_base == mem->base && b->memory_size == 2 * 65536);
  awsm_instance_free(b);
  awsm_instance_free(a);
  awsm_memory_free(mem);
}

int main(void) {
  RUN(test_export_names_with_nul);
  RUN(test_host_made_memory_and_table);
  RUN(test_basic_invoke);
  RUN(test_traps);
  RUN(test_type_ids);
  RUN(test_imports);
  RUN(test_nesting);
  RUN(test_import_errors);
  RUN(test_start_and_init_traps);
  RUN(test_trap_outside_guest_call);
  RUN(test_threads);
  return TESTS_DONE();
}
