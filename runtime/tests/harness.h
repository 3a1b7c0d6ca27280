/*
 * harness.h — a tiny test harness plus helpers for hand-written fake
 * modules: C functions stand in for compiled wasm functions
 * (`ret fn(awsm_instance *ctx, params...)`), with hand-written `call`
 * trampolines and host thunks like those the compiler generates.
 *
 * Each test prints "ok NAME" or "not ok NAME"; run.sh counts them.
 */
#ifndef AWSM_TEST_HARNESS_H
#define AWSM_TEST_HARNESS_H

#include "awsm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int test_failed_checks;
static int tests_failed;

#define CHECK(cond)                                                                                \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      printf("  check failed at %s:%d: %s\n", __FILE__, __LINE__, #cond);                          \
      test_failed_checks++;                                                                        \
    }                                                                                              \
  } while (0)

#define CHECK_EQ(a, b)                                                                             \
  do {                                                                                             \
    long long a_ = (long long)(a), b_ = (long long)(b);                                            \
    if (a_ != b_) {                                                                                \
      printf("  check failed at %s:%d: %s == %s (%lld != %lld)\n", __FILE__, __LINE__, #a, #b, a_, \
             b_);                                                                                  \
      test_failed_checks++;                                                                        \
    }                                                                                              \
  } while (0)

#define CHECK_STR(a, b)                                                                            \
  do {                                                                                             \
    const char *a_ = (a), *b_ = (b);                                                               \
    if (!a_ || !b_ || strcmp(a_, b_) != 0) {                                                       \
      printf("  check failed at %s:%d: %s == \"%s\" (got \"%s\")\n", __FILE__, __LINE__, #a,       \
             b_ ? b_ : "(null)", a_ ? a_ : "(null)");                                              \
      test_failed_checks++;                                                                        \
    }                                                                                              \
  } while (0)

static inline void run_test(const char *name, void (*fn)(void)) {
  test_failed_checks = 0;
  fn();
  printf("%s %s\n", test_failed_checks ? "not ok" : "ok", name);
  fflush(stdout);
  tests_failed += test_failed_checks != 0;
}

#define RUN(fn) run_test(#fn, fn)

/* An awsm_export_desc for a string-literal name. */
#define EXPORT(name, kind, index) {name, kind, index, sizeof(name) - 1}
#define TESTS_DONE() (tests_failed ? 1 : 0)

/* ------------------------------------------------ trampolines per signature */

typedef void (*fn_v_v)(awsm_instance *);
typedef int32_t (*fn_v_i)(awsm_instance *);
typedef void (*fn_i_v)(awsm_instance *, int32_t);
typedef int32_t (*fn_i_i)(awsm_instance *, int32_t);
typedef int32_t (*fn_ii_i)(awsm_instance *, int32_t, int32_t);
typedef int32_t (*fn_iiii_i)(awsm_instance *, int32_t, int32_t, int32_t, int32_t);

static inline void call_v_v(void *fn, awsm_instance *ctx, const awsm_val *a, awsm_val *r) {
  (void)a;
  (void)r;
  ((fn_v_v)fn)(ctx);
}
static inline void call_v_i(void *fn, awsm_instance *ctx, const awsm_val *a, awsm_val *r) {
  (void)a;
  r[0].i32 = ((fn_v_i)fn)(ctx);
}
static inline void call_i_v(void *fn, awsm_instance *ctx, const awsm_val *a, awsm_val *r) {
  (void)r;
  ((fn_i_v)fn)(ctx, a[0].i32);
}
static inline void call_i_i(void *fn, awsm_instance *ctx, const awsm_val *a, awsm_val *r) {
  r[0].i32 = ((fn_i_i)fn)(ctx, a[0].i32);
}
static inline void call_ii_i(void *fn, awsm_instance *ctx, const awsm_val *a, awsm_val *r) {
  r[0].i32 = ((fn_ii_i)fn)(ctx, a[0].i32, a[1].i32);
}
static inline void call_iiii_i(void *fn, awsm_instance *ctx, const awsm_val *a, awsm_val *r) {
  r[0].i32 = ((fn_iiii_i)fn)(ctx, a[0].i32, a[1].i32, a[2].i32, a[3].i32);
}

/* Host thunks: what the compiler emits per type to forward to a host callback. */
static inline void thunk_v_v(awsm_instance *ctx) {
  awsm_rt_call_host((awsm_host_func *)ctx, NULL, NULL);
}
static inline int32_t thunk_ii_i(awsm_instance *ctx, int32_t a, int32_t b) {
  awsm_val args[2] = {{.i32 = a}, {.i32 = b}}, res[1];
  awsm_rt_call_host((awsm_host_func *)ctx, args, res);
  return res[0].i32;
}
static inline int32_t thunk_i_i(awsm_instance *ctx, int32_t a) {
  awsm_val args[1] = {{.i32 = a}}, res[1];
  awsm_rt_call_host((awsm_host_func *)ctx, args, res);
  return res[0].i32;
}

/* The standard type list used by the fake modules; index = T_* below. */
enum { T_V_V, T_V_I, T_I_V, T_I_I, T_II_I, T_IIII_I, NUM_T };
static const awsm_type_desc fake_types[NUM_T] = {
    [T_V_V] = {":", call_v_v, (void *)thunk_v_v},
    [T_V_I] = {":i", call_v_i, NULL},
    [T_I_V] = {"i:", call_i_v, NULL},
    [T_I_I] = {"i:i", call_i_i, (void *)thunk_i_i},
    [T_II_I] = {"ii:i", call_ii_i, (void *)thunk_ii_i},
    [T_IIII_I] = {"iiii:i", call_iiii_i, NULL},
};

/* Call function index `f` of ctx the way compiled code calls an import. */
#define CALL_FUNC(ctx, f, type, ...) ((type)(ctx)->funcs[f].fn)((ctx)->funcs[f].ctx, __VA_ARGS__)

static inline awsm_instance *must_instantiate(const awsm_module *m, const awsm_extern *imports,
                                              size_t n) {
  const char *err = NULL;
  awsm_instance *inst = awsm_instantiate(m, imports, n, &err);
  if (!inst) {
    printf("  instantiate failed: %s\n", err);
    exit(1);
  }
  return inst;
}

static inline int32_t invoke_i32(awsm_instance *inst, const char *name, int32_t a, int32_t b,
                                 awsm_trap_code *code) {
  awsm_val args[2] = {{.i32 = a}, {.i32 = b}}, res[1] = {{.i32 = -12345}};
  awsm_result r = awsm_invoke(inst, name, args, res);
  if (code)
    *code = r.code;
  return res[0].i32;
}

#endif /* AWSM_TEST_HARNESS_H */
