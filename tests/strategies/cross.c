/*
 * cross.c — a C host for tests/strategies.rs, linked with cross.wat
 * compiled to an object (`--name cross`). Two instances, A and B, share a
 * host-made table; A imports B's `get`, and both import a host function
 * that calls the other instance's `get`. Each line printed is one call;
 * A's memory holds 7 and B's 3 at address 8, so a correct cross call
 * gives 70307 (see cross.wat).
 *
 *   cross calls       A reaches B's code through the import, the table
 *                     and the host function; A reaches its own code
 *                     through the table (70707).
 *   cross traps       B traps (out of bounds) when reached from A through
 *                     the table, and inside the host function's nested
 *                     call; A is then still correct.
 *   cross threads     two threads, each with its own A/B pair, call
 *                     across 20000 times each: prints the wrong results.
 *   cross host_fault  the host function writes into its caller's
 *                     reservation (beyond the memory): the fault is the
 *                     host's, even inside a guest call, so the process
 *                     must die by SIGSEGV, not trap.
 */
#include "awsm.h"
#include "instantiate.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const awsm_module cross_module;

#define ADDR 8

typedef struct pair {
  awsm_instance *a, *b;
  awsm_table *table;
} pair;

/* What the host function does to the instance it calls into. */
static enum { HOST_CALL, HOST_CALL_OOB, HOST_FAULT } host_mode = HOST_CALL;

static int32_t host_get(void *env, awsm_instance *caller, const awsm_val *args, awsm_val *results) {
  awsm_instance *const *other = env;
  if (host_mode == HOST_FAULT) {
    caller->memory->base[caller->memory->size + (1 << 20)] = 1;
    return 0;
  }
  awsm_val arg = {.i32 = args[0].i32 + (host_mode == HOST_CALL_OOB ? 65536 : 0)};
  awsm_result r = awsm_invoke(*other, "get", &arg, results);
  if (r.code != AWSM_TRAP_NONE)
    results[0].i32 = -1;
  return 0;
}

static int32_t zero(void *env, awsm_instance *caller, const awsm_val *args, awsm_val *results) {
  (void)env;
  (void)caller;
  (void)args;
  results[0].i32 = 0;
  return 0;
}

static awsm_instance *instantiate(awsm_table *table, const awsm_funcref *peer_get,
                                  awsm_instance **host_peer) {
  awsm_extern ext[3] = {
      {.module = "env", .name = "peer_get", .kind = AWSM_EXTERN_FUNC, .u.func = peer_get},
      {.module = "env", .name = "host_get", .kind = AWSM_EXTERN_FUNC},
      {.module = "env", .name = "table", .kind = AWSM_EXTERN_TABLE, .u.table = table},
  };
  if (!peer_get) {
    ext[0].host_callback = zero;
    ext[0].host_sig = "i:i";
  }
  ext[1].host_callback = host_get;
  ext[1].host_env = host_peer;
  ext[1].host_sig = "i:i";
  return instantiate_or_exit(&cross_module, ext, 3);
}

/* Call `name` with up to three i32 arguments: its result, or -1 - trap code. */
static int32_t call3(awsm_instance *inst, const char *name, int32_t x, int32_t y, int32_t z) {
  awsm_val args[3] = {{.i32 = x}, {.i32 = y}, {.i32 = z}}, result = {.i32 = 0};
  awsm_result r = awsm_invoke(inst, name, args, &result);
  return r.code == AWSM_TRAP_NONE ? result.i32 : -1 - (int32_t)r.code;
}

static int32_t call(awsm_instance *inst, const char *name, int32_t x, int32_t y) {
  return call3(inst, name, x, y, 0);
}

static void make_pair(pair *p) {
  const char *error = NULL;
  p->table = awsm_table_new(AWSM_TYPE_FUNCREF, (awsm_limits){4, 4, 1}, &error);
  if (!p->table) {
    fprintf(stderr, "cannot make the table: %s\n", error);
    exit(2);
  }
  p->b = instantiate(p->table, NULL, &p->a);
  p->a = instantiate(p->table, awsm_export_func(p->b, "get"), &p->b);
  call(p->a, "install", 0, 0);
  call(p->b, "install", 1, 0);
  call(p->a, "set", ADDR, 7);
  call(p->b, "set", ADDR, 3);
}

static void free_pair(pair *p) {
  awsm_instance_free(p->a);
  awsm_instance_free(p->b);
  awsm_table_free(p->table);
}

static void *hammer(void *arg) {
  pair p;
  make_pair(&p);
  long wrong = 0;
  for (int i = 0; i < 20000; i++) {
    wrong += call(p.a, "via_import", ADDR, 0) != 70307;
    wrong += call(p.a, "via_table", 1, ADDR) != 70307;
    wrong += call(p.a, "via_host", ADDR, 0) != 70307;
    wrong += call(p.b, "get", ADDR, 0) != 3;
  }
  free_pair(&p);
  *(long *)arg = wrong;
  return NULL;
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "calls";
  if (strcmp(mode, "threads") == 0) {
    pthread_t t[2];
    long wrong[2] = {0, 0};
    for (int i = 0; i < 2; i++)
      pthread_create(&t[i], NULL, hammer, &wrong[i]);
    for (int i = 0; i < 2; i++)
      pthread_join(t[i], NULL);
    printf("threads: %ld wrong\n", wrong[0] + wrong[1]);
    return 0;
  }
  pair p;
  make_pair(&p);
  if (strcmp(mode, "calls") == 0) {
    printf("via_import: %d\n", call(p.a, "via_import", ADDR, 0));
    printf("via_table: %d\n", call(p.a, "via_table", 1, ADDR));
    printf("via_host: %d\n", call(p.a, "via_host", ADDR, 0));
    printf("own table slot: %d\n", call(p.a, "via_table", 0, ADDR));
    printf("b from b's host function: %d\n", call(p.b, "via_host", ADDR, 0));
  } else if (strcmp(mode, "traps") == 0) {
    int32_t r = call3(p.a, "via_table", 1, ADDR, 65536);
    printf("b traps under a: %s\n",
           r < 0 ? awsm_trap_message((awsm_trap_code)(-1 - r)) : "no trap");
    printf("a after: %d\n", call(p.a, "get", ADDR, 0));
    host_mode = HOST_CALL_OOB;
    printf("b traps inside the host function: %d\n", call(p.a, "via_host", ADDR, 0));
    host_mode = HOST_CALL;
    printf("a after: %d\n", call(p.a, "via_import", ADDR, 0));
  } else if (strcmp(mode, "host_fault") == 0) {
    host_mode = HOST_FAULT;
    fflush(stdout);
    int32_t r = call(p.a, "via_host", ADDR, 0);
    fprintf(stderr, "still alive after the host's fault: %d\n", r);
    return 6;
  }
  free_pair(&p);
  return 0;
}
