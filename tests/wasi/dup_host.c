/*
 * dup_host.c — the host of tests/wasi/dup_host.wat: provides env.f, env.g
 * and env.t once each, although the module imports each twice, and prints
 * what the module's run() computes through the two copies.
 */
#include "awsm.h"

#include <stdio.h>
#include <stdlib.h>

extern const awsm_module dup_module;

static int calls;

static int32_t add_one(void *env, awsm_instance *caller, const awsm_val *args,
                       awsm_val *results) {
  (void)env;
  (void)caller;
  calls++;
  results[0].i32 = args[0].i32 + 1;
  return 0;
}

int main(void) {
  awsm_global g = {.i32 = 0};
  awsm_table t = {.elems = calloc(8, sizeof(void *)),
                  .size = 2,
                  .max_size = 8,
                  .elem_type = AWSM_TYPE_EXTERNREF};
  awsm_extern imports[] = {
      {.module = "env",
       .name = "f",
       .kind = AWSM_EXTERN_FUNC,
       .host_callback = add_one,
       .host_sig = "i:i"},
      {.module = "env",
       .name = "g",
       .kind = AWSM_EXTERN_GLOBAL,
       .u.global = &g,
       .host_sig = "mut i"},
      {.module = "env", .name = "t", .kind = AWSM_EXTERN_TABLE, .u.table = &t},
  };
  const char *error;
  awsm_instance *inst = awsm_instantiate(&dup_module, imports, 3, &error);
  if (!inst) {
    printf("instantiate: %s\n", error);
    return 1;
  }
  awsm_val result;
  awsm_result r = awsm_invoke(inst, "run", NULL, &result);
  fflush(stdout);
  printf("run: code %d, result %d, host calls %d, g %d, table size %u\n",
         (int)r.code, result.i32, calls, g.i32, t.size);
  awsm_instance_free(inst);
  free(t.elems);
  return 0;
}
