/*
 * Out-of-line global accessors, used instead of inline loads and stores
 * when a module is compiled with --runtime-globals. They are noinline so
 * every global access really is a runtime call that a host can observe
 * (e.g. with a debugger breakpoint or by interposing the symbol).
 */
#include "awsm.h"

#define AWSM_GLOBAL_ACCESSORS(name, ctype, field)                                                  \
  __attribute__((noinline)) ctype awsm_rt_global_get_##name(awsm_instance *ctx, uint32_t g) {      \
    return ctx->globals[g]->field;                                                                 \
  }                                                                                                \
  __attribute__((noinline)) void awsm_rt_global_set_##name(awsm_instance *ctx, uint32_t g,         \
                                                           ctype v) {                              \
    ctx->globals[g]->field = v;                                                                    \
  }

AWSM_GLOBAL_ACCESSORS(i32, int32_t, i32)
AWSM_GLOBAL_ACCESSORS(i64, int64_t, i64)
AWSM_GLOBAL_ACCESSORS(f32, float, f32)
AWSM_GLOBAL_ACCESSORS(f64, double, f64)
AWSM_GLOBAL_ACCESSORS(ref, void *, ref)
