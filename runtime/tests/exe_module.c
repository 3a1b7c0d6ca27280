/*
 * exe_module.c — a fake `awsm_entry_module` for testing runtime/main.c,
 * built once per VARIANT; run.sh checks each executable's output and
 * exit status.
 *
 *   0  _start prints its first argument and returns      -> 0
 *   1  _start prints "hi" and calls proc_exit(3)         -> 3
 *   2  _start traps (unreachable)                         -> 134
 *   3  no _start export                                   -> 1
 *   4  an unresolvable import                             -> 1
 *   5  the start function traps (integer divide by zero)  -> 134
 */
#include "harness.h"

#ifndef VARIANT
#define VARIANT 0
#endif

/* Write argv[1] and a newline to stdout, using the guest's memory. */
static void print_arg1(awsm_instance *ctx) {
  uint8_t *m = ctx->memory->base;
  if (awsm_wasi_args_sizes_get(ctx, 0, 4) != 0 || awsm_wasi_args_get(ctx, 16, 1024) != 0)
    awsm_trap(ctx, AWSM_TRAP_UNREACHABLE);
  uint32_t argc, arg1;
  memcpy(&argc, m, 4);
  memcpy(&arg1, m + 20, 4);
  if (argc < 2)
    return;
  uint32_t iov[4] = {arg1, (uint32_t)strlen((char *)m + arg1), 512, 1};
  m[512] = '\n';
  memcpy(m + 600, iov, sizeof iov);
  awsm_wasi_fd_write(ctx, 1, 600, 2, 700);
}

static void start(awsm_instance *ctx) {
  if (VARIANT == 0)
    print_arg1(ctx);
  if (VARIANT == 1) {
    uint32_t iov[2] = {100, 3};
    memcpy(ctx->memory->base + 100, "hi\n", 3);
    memcpy(ctx->memory->base + 200, iov, sizeof iov);
    awsm_wasi_fd_write(ctx, 1, 200, 1, 300);
    awsm_wasi_proc_exit(ctx, 3);
  }
  if (VARIANT == 2 || VARIANT == 5)
    awsm_trap(ctx, VARIANT == 2 ? AWSM_TRAP_UNREACHABLE : AWSM_TRAP_INT_DIV_BY_ZERO);
}

/* The import env.f: statically bound (like WASI) except in variant 4. */
static void env_f(awsm_instance *ctx) { (void)ctx; }

static const uint32_t func_types[] = {T_V_V, T_V_V};
static void *const func_ptrs[] = {VARIANT == 4 ? NULL : (void *)env_f, (void *)start};
#if VARIANT == 3
static const awsm_export_desc exports[] = {EXPORT("main", AWSM_EXTERN_FUNC, 1)};
#else
static const awsm_export_desc exports[] = {EXPORT("_start", AWSM_EXTERN_FUNC, 1)};
#endif
static const awsm_import_desc imports[] = {{"env", "f", AWSM_EXTERN_FUNC, 0, T_V_V, 0, {0, 0, 0}}};

const awsm_module awsm_entry_module = {
    .abi_version = AWSM_ABI_VERSION,
    .name = "exe",
    .num_types = NUM_T,
    .types = fake_types,
    .num_funcs = 2,
    .num_imported_funcs = 1,
    .func_types = func_types,
    .func_ptrs = func_ptrs,
    .num_imports = 1,
    .imports = imports,
    .num_exports = 1,
    .exports = exports,
    .has_memory = 1,
    .memory_limits = {1, 0, 0},
    .start_func = VARIANT == 5 ? 1 : -1,
    .memory_strategy = AWSM_STRATEGY_GUARD_PAGES,
};
