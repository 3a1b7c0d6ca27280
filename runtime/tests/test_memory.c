/*
 * test_memory.c — both bounds-check strategies: out-of-bounds accesses
 * trap, a fault outside any reservation still crashes, memory.grow up to
 * the maximum, zero-page memories, memory.init/copy/fill bounds.
 */
#define _GNU_SOURCE
#include "harness.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

/* The fake functions pick the address function of the module's strategy,
 * as the compiler does at compile time. */
static uint8_t *addr_off(awsm_instance *ctx, uint32_t idx, uint32_t offset, uint32_t size) {
  awsm_memory *m = ctx->memory;
  if (ctx->module->memory_strategy == AWSM_STRATEGY_EXPLICIT)
    return awsm_mem_addr_explicit(ctx, m->base, m->size, idx, offset, size);
  return awsm_mem_addr_guard_pages(ctx, m->base, m->size, idx, offset, size);
}
static uint8_t *addr(awsm_instance *ctx, uint32_t idx, uint32_t size) {
  return addr_off(ctx, idx, 0, size);
}

/* The fake guest code lives where the compiler puts compiled guest code,
 * so that the fault handler accepts its faults as traps (the descriptor
 * records the section's bounds). */
#define GUEST_CODE __attribute__((section("awsm_guest_text"), noinline))
extern const char __start_awsm_guest_text[], __stop_awsm_guest_text[];

GUEST_CODE static int32_t f_load32(awsm_instance *ctx, int32_t a) {
  int32_t v;
  memcpy(&v, addr(ctx, (uint32_t)a, 4), 4);
  return v;
}
GUEST_CODE static int32_t f_load8(awsm_instance *ctx, int32_t a) {
  return *(volatile uint8_t *)addr(ctx, (uint32_t)a, 1);
}
/* A load with the largest static offset. */
GUEST_CODE static int32_t f_load_far(awsm_instance *ctx, int32_t a) {
  return *(volatile uint8_t *)addr_off(ctx, (uint32_t)a, 0xffffffffu, 1);
}
static int32_t f_grow(awsm_instance *ctx, int32_t delta) {
  return awsm_rt_memory_grow(ctx, (uint32_t)delta);
}
GUEST_CODE static int32_t f_store8(awsm_instance *ctx, int32_t a, int32_t v) {
  *(volatile uint8_t *)addr(ctx, (uint32_t)a, 1) = (uint8_t)v;
  return 0;
}
static const uint8_t data_segment[] = "hello";
/* kind 0: fill(a, b, c)  1: copy(a, b, c)  2: init(dst a, src b, n c) */
static int32_t f_op(awsm_instance *ctx, int32_t kind, int32_t a, int32_t b, int32_t c) {
  if (kind == 0)
    awsm_rt_memory_fill(ctx, (uint32_t)a, (uint32_t)b, (uint32_t)c);
  else if (kind == 1)
    awsm_rt_memory_copy(ctx, (uint32_t)a, (uint32_t)b, (uint32_t)c);
  else
    awsm_rt_memory_init(ctx, data_segment, 5, (uint32_t)a, (uint32_t)b, (uint32_t)c);
  return 0;
}
GUEST_CODE static int32_t f_null_deref(awsm_instance *ctx) {
  (void)ctx;
  return *(volatile int32_t *)(uintptr_t)0;
}

static const uint32_t func_types[] = {T_I_I, T_I_I, T_I_I, T_I_I, T_II_I, T_IIII_I, T_V_I};
static void *const func_ptrs[] = {(void *)f_load32,    (void *)f_load8,  (void *)f_load_far,
                                  (void *)f_grow,      (void *)f_store8, (void *)f_op,
                                  (void *)f_null_deref};
static const awsm_export_desc exports[] = {
    EXPORT("load32", AWSM_EXTERN_FUNC, 0),     EXPORT("load8", AWSM_EXTERN_FUNC, 1),
    EXPORT("load_far", AWSM_EXTERN_FUNC, 2),   EXPORT("grow", AWSM_EXTERN_FUNC, 3),
    EXPORT("store8", AWSM_EXTERN_FUNC, 4),     EXPORT("op", AWSM_EXTERN_FUNC, 5),
    EXPORT("null_deref", AWSM_EXTERN_FUNC, 6), EXPORT("mem", AWSM_EXTERN_MEMORY, 0),
};

static awsm_module make_module(uint32_t strategy, awsm_limits limits) {
  awsm_module m = {
      .abi_version = AWSM_ABI_VERSION,
      .name = "mem",
      .num_types = NUM_T,
      .types = fake_types,
      .num_funcs = 7,
      .func_types = func_types,
      .func_ptrs = func_ptrs,
      .num_exports = 8,
      .exports = exports,
      .has_memory = 1,
      .memory_limits = limits,
      .start_func = -1,
      .memory_strategy = strategy,
      .code_start = __start_awsm_guest_text,
      .code_end = __stop_awsm_guest_text,
  };
  return m;
}

static awsm_trap_code code;
#define CALL(inst, name, a) invoke_i32(inst, name, a, 0, &code)

static int32_t op(awsm_instance *inst, int32_t kind, int32_t a, int32_t b, int32_t c) {
  awsm_val args[4] = {{.i32 = kind}, {.i32 = a}, {.i32 = b}, {.i32 = c}}, res[1];
  return awsm_invoke(inst, "op", args, res).code;
}

/* Bounds at the end of a 1-page memory, before and after growing. */
static void check_bounds(uint32_t strategy) {
  awsm_module m = make_module(strategy, (awsm_limits){1, 3, 1});
  awsm_instance *inst = must_instantiate(&m, NULL, 0);
  CALL(inst, "load8", 65535);
  CHECK_EQ(code, AWSM_TRAP_NONE);
  CALL(inst, "load32", 65532);
  CHECK_EQ(code, AWSM_TRAP_NONE);
  CALL(inst, "load32", 65533); /* straddles the end */
  CHECK_EQ(code, AWSM_TRAP_MEMORY_OOB);
  CALL(inst, "load8", 65536);
  CHECK_EQ(code, AWSM_TRAP_MEMORY_OOB);
  CALL(inst, "load8", -1);
  CHECK_EQ(code, AWSM_TRAP_MEMORY_OOB);
  CALL(inst, "load_far", -1); /* ea = 2^33 - 2 */
  CHECK_EQ(code, AWSM_TRAP_MEMORY_OOB);
  for (int i = 0; i < 100; i++) { /* repeated faults keep working */
    CALL(inst, "load8", 70000 + i);
    CHECK_EQ(code, AWSM_TRAP_MEMORY_OOB);
  }
  CHECK_EQ(CALL(inst, "grow", 1), 1);
  CHECK_EQ(CALL(inst, "load8", 65536), 0); /* new page: zeroed */
  CHECK_EQ(code, AWSM_TRAP_NONE);
  invoke_i32(inst, "store8", 131071, 9, &code);
  CHECK_EQ(code, AWSM_TRAP_NONE);
  CHECK_EQ(CALL(inst, "load8", 131071), 9);
  CALL(inst, "load8", 131072);
  CHECK_EQ(code, AWSM_TRAP_MEMORY_OOB);
  awsm_instance_free(inst);
}

static void test_guard_pages_bounds(void) { check_bounds(AWSM_STRATEGY_GUARD_PAGES); }
static void test_explicit_bounds(void) { check_bounds(AWSM_STRATEGY_EXPLICIT); }

static void check_grow(uint32_t strategy) {
  awsm_module m = make_module(strategy, (awsm_limits){1, 3, 1});
  awsm_instance *inst = must_instantiate(&m, NULL, 0);
  CHECK_EQ(inst->memory->max_size, 3 * 65536);
  CHECK_EQ(CALL(inst, "grow", 0), 1);
  CHECK_EQ(CALL(inst, "grow", 1), 1);
  CHECK_EQ(CALL(inst, "grow", 1), 2);
  CHECK_EQ(CALL(inst, "grow", 1), -1); /* past the maximum */
  CHECK_EQ(CALL(inst, "grow", -1), -1);
  CHECK_EQ(CALL(inst, "grow", 0), 3);
  CHECK_EQ(inst->memory->size, 3 * 65536);
  awsm_instance_free(inst);

  /* No declared maximum: 65536 pages (4 GiB) is the limit; guard pages
   * stop at 32768 (2 GiB, guard_pages.c). */
  m = make_module(strategy, (awsm_limits){0, 0, 0});
  inst = must_instantiate(&m, NULL, 0);
  CHECK(inst->memory->base != NULL); /* zero pages still has a base */
  CALL(inst, "load8", 0);
  CHECK_EQ(code, AWSM_TRAP_MEMORY_OOB);
  CHECK_EQ(CALL(inst, "grow", 65537), -1);
  CHECK_EQ(CALL(inst, "grow", 1), 0);
  CHECK_EQ(CALL(inst, "load8", 0), 0);
  CHECK_EQ(code, AWSM_TRAP_NONE);
  uint32_t last = strategy == AWSM_STRATEGY_GUARD_PAGES ? 32767 : 65535;
  CHECK_EQ(CALL(inst, "grow", (int32_t)last), 1); /* 4 GiB, or 2 GiB */
  CHECK_EQ(CALL(inst, "grow", 1), -1);
  CHECK_EQ(CALL(inst, "load8", (int32_t)(last * 65536 + 65535)), 0);
  CHECK_EQ(code, AWSM_TRAP_NONE);
  CALL(inst, "load8", (int32_t)((last + 1) * 65536));
  CHECK_EQ(code, strategy == AWSM_STRATEGY_GUARD_PAGES ? AWSM_TRAP_MEMORY_OOB : AWSM_TRAP_NONE);
  awsm_instance_free(inst);
}

static void test_guard_pages_grow(void) { check_grow(AWSM_STRATEGY_GUARD_PAGES); }
static void test_explicit_grow(void) { check_grow(AWSM_STRATEGY_EXPLICIT); }

static void check_bulk_ops(uint32_t strategy) {
  awsm_module m = make_module(strategy, (awsm_limits){1, 0, 0});
  awsm_instance *inst = must_instantiate(&m, NULL, 0);
  uint8_t *b = inst->memory->base;
  CHECK_EQ(op(inst, 0, 10, 0x1ff, 3), AWSM_TRAP_NONE);
  CHECK(b[9] == 0 && b[10] == 0xff && b[12] == 0xff && b[13] == 0);
  CHECK_EQ(op(inst, 0, 65535, 1, 1), AWSM_TRAP_NONE);
  CHECK_EQ(op(inst, 0, 65536, 1, 0), AWSM_TRAP_NONE); /* n == 0 at the end */
  CHECK_EQ(op(inst, 0, 65537, 1, 0), AWSM_TRAP_MEMORY_OOB);
  CHECK_EQ(op(inst, 0, 65530, 2, 7), AWSM_TRAP_MEMORY_OOB);
  CHECK_EQ(b[65530], 0); /* nothing written on a trap */
  CHECK_EQ(op(inst, 0, -1, 2, 2), AWSM_TRAP_MEMORY_OOB);

  CHECK_EQ(op(inst, 2, 100, 0, 5), AWSM_TRAP_NONE);
  CHECK(memcmp(b + 100, "hello", 5) == 0);
  CHECK_EQ(op(inst, 2, 200, 2, 3), AWSM_TRAP_NONE);
  CHECK(memcmp(b + 200, "llo", 3) == 0);
  CHECK_EQ(op(inst, 2, 300, 5, 0), AWSM_TRAP_NONE);
  CHECK_EQ(op(inst, 2, 300, 6, 0), AWSM_TRAP_MEMORY_OOB);
  CHECK_EQ(op(inst, 2, 300, 3, 3), AWSM_TRAP_MEMORY_OOB);
  CHECK_EQ(op(inst, 2, 65534, 0, 3), AWSM_TRAP_MEMORY_OOB);
  CHECK_EQ(b[65534], 0);

  CHECK_EQ(op(inst, 1, 102, 100, 5), AWSM_TRAP_NONE); /* overlapping: memmove */
  CHECK(memcmp(b + 100, "hehello", 7) == 0);
  CHECK_EQ(op(inst, 1, 100, 102, 5), AWSM_TRAP_NONE);
  CHECK(memcmp(b + 100, "hellolo", 7) == 0);
  CHECK_EQ(op(inst, 1, 65536, 0, 0), AWSM_TRAP_NONE);
  CHECK_EQ(op(inst, 1, 0, 65536, 0), AWSM_TRAP_NONE);
  CHECK_EQ(op(inst, 1, 0, 65535, 2), AWSM_TRAP_MEMORY_OOB);
  CHECK_EQ(op(inst, 1, 65535, 0, 2), AWSM_TRAP_MEMORY_OOB);
  awsm_instance_free(inst);
}

static void test_bulk_memory_ops(void) {
  check_bulk_ops(AWSM_STRATEGY_GUARD_PAGES);
  check_bulk_ops(AWSM_STRATEGY_EXPLICIT);
}

/* Run `body` in a child process; return how it ended (waitpid status). */
static int in_child(void (*body)(void)) {
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    body();
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

static void null_deref_in_guest(void) {
  awsm_module m = make_module(AWSM_STRATEGY_GUARD_PAGES, (awsm_limits){1, 0, 0});
  awsm_instance *inst = must_instantiate(&m, NULL, 0);
  CALL(inst, "null_deref", 0);
}

static void guard_fault_outside_guest(void) {
  awsm_module m = make_module(AWSM_STRATEGY_GUARD_PAGES, (awsm_limits){1, 0, 0});
  awsm_instance *inst = must_instantiate(&m, NULL, 0);
  (void)*(volatile uint8_t *)(inst->memory->base + inst->memory->size);
}

static void test_real_faults_still_crash(void) {
  int status = in_child(null_deref_in_guest);
  CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
  status = in_child(guard_fault_outside_guest);
  CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
}

/* The view 4 GiB below base (the mirror, mirror.rs) is mapped only when
 * guest code first reaches it (tests/strategies/wrap_grow.wat checks
 * that); until then it is inaccessible, and the host touching it is a
 * plain crash, not a trap. */
static void host_touches_unmapped_mirror(void) {
  awsm_module m = make_module(AWSM_STRATEGY_GUARD_PAGES, (awsm_limits){1, 0, 0});
  awsm_instance *inst = must_instantiate(&m, NULL, 0);
  (void)*(volatile uint8_t *)(inst->memory->base - (4ull << 30) + 7);
}

static void test_memory_reserved_sizes(void) {
  awsm_module m = make_module(AWSM_STRATEGY_GUARD_PAGES, (awsm_limits){2, 0, 0});
  awsm_instance *g = must_instantiate(&m, NULL, 0);
  CHECK_EQ(g->memory->reserved, (12ull << 30) + 65536);
  CHECK_EQ(g->memory->max_size, 65536ull * 65536);
  int status = in_child(host_touches_unmapped_mirror);
  CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
  uint8_t *base = g->memory->base;
  base[65536 * 2 - 1] = 42;
  CHECK_EQ(awsm_memory_grow(g->memory, 1), 2);
  base[65536 * 3 - 1] = 9;
  CHECK_EQ(base[65536 * 3 - 1], 9);
  CHECK_EQ(base[65536 * 2 - 1], 42);
  /* At most 2 GiB, so in-bounds addresses are below 2^31. */
  CHECK_EQ(awsm_memory_grow(g->memory, 32766), -1);
  CHECK_EQ(awsm_memory_grow(g->memory, 0), 3);
  m = make_module(AWSM_STRATEGY_EXPLICIT, (awsm_limits){2, 0, 0});
  awsm_instance *e = must_instantiate(&m, NULL, 0);
  CHECK(e->memory->reserved >= 2 * 65536 && e->memory->reserved < (4ull << 30));
  awsm_instance_free(g);
  awsm_instance_free(e);
}

int main(void) {
  RUN(test_guard_pages_bounds);
  RUN(test_explicit_bounds);
  RUN(test_guard_pages_grow);
  RUN(test_explicit_grow);
  RUN(test_bulk_memory_ops);
  RUN(test_real_faults_still_crash);
  RUN(test_memory_reserved_sizes);
  return TESTS_DONE();
}
