/*
 * main.c — a C host embedding two modules compiled by awsm to objects:
 * `counter` owns a memory and a table; `user` imports them, a function
 * of counter's and a host function, and installs its own function into
 * counter's table (late linking). The host instantiates each module
 * several times, calls across them, reads their shared memory and a
 * global, grows the memory, and catches traps.
 *
 *   ./embed              the demonstration (output checked by tests/embed.rs)
 *   ./embed --cycles N   N create/call/trap/free cycles, for leak checking
 */
#include "awsm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Emitted by `awsm counter.wat --name counter -o counter.o` and likewise. */
extern const awsm_module counter_module;
extern const awsm_module user_module;
/* Typed C wrapper of counter's export "bump": callable directly when the
 * call cannot trap (a trap outside awsm_invoke aborts the process). */
int32_t counter_bump(awsm_instance *ctx, int32_t n);

#define NUM_USERS 3

static int quiet; /* no output in --cycles mode */

/* host.log: the guest passes the counter's new value. */
static int32_t host_log(void *env, awsm_instance *caller, const awsm_val *args,
                        awsm_val *results) {
  (void)caller;
  (void)results;
  if (!quiet)
    printf("  %s logs %d\n", (const char *)env, args[0].i32);
  return 0; /* nonzero would trap the calling guest */
}

static awsm_instance *instantiate(const awsm_module *m,
                                  const awsm_extern *imports, size_t n) {
  const char *error = NULL;
  awsm_instance *inst = awsm_instantiate(m, imports, n, &error);
  if (!inst) {
    fprintf(stderr, "cannot instantiate %s: %s\n", m->name, error);
    exit(1);
  }
  return inst;
}

/* Call an export taking `nargs` (0-2) i32s and returning one i32, or
 * nothing when `nargs` is negative (-1: one argument); print the call and
 * its result or trap. */
static int32_t call(awsm_instance *inst, const char *who, const char *name,
                    int nargs, int32_t a, int32_t b) {
  int has_result = nargs >= 0;
  if (nargs < 0)
    nargs = -nargs;
  awsm_val args[2] = {{.i32 = a}, {.i32 = b}};
  awsm_val result = {.i32 = 0};
  awsm_result r = awsm_invoke(inst, name, args, &result);
  if (!quiet) {
    printf("  %s.%s(", who, name);
    for (int i = 0; i < nargs; i++)
      printf(i ? ", %d" : "%d", args[i].i32);
    if (r.code == AWSM_TRAP_NONE && has_result)
      printf(") = %d\n", result.i32);
    else if (r.code == AWSM_TRAP_NONE)
      printf(")\n");
    else
      printf(") trapped: %s\n", awsm_trap_message(r.code));
  }
  return r.code == AWSM_TRAP_NONE ? result.i32 : -1;
}

static void run_round(int round) {
  if (!quiet)
    printf("round %d\n", round);
  awsm_instance *counter = instantiate(&counter_module, NULL, 0);
  awsm_memory *memory = awsm_export_memory(counter, "memory");
  /* What every user imports; host.log's env names the instance. */
  awsm_extern imports[] = {
      {.module = "counter",
       .name = "memory",
       .kind = AWSM_EXTERN_MEMORY,
       .u.memory = memory},
      {.module = "counter",
       .name = "table",
       .kind = AWSM_EXTERN_TABLE,
       .u.table = awsm_export_table(counter, "table")},
      {.module = "counter",
       .name = "bump",
       .kind = AWSM_EXTERN_FUNC,
       .u.func = awsm_export_func(counter, "bump")},
      {.module = "host",
       .name = "log",
       .kind = AWSM_EXTERN_FUNC,
       .host_callback = host_log,
       .host_sig = "i:"},
  };
  static const char *const names[NUM_USERS] = {"user0", "user1", "user2"};
  awsm_instance *users[NUM_USERS];
  for (int i = 0; i < NUM_USERS; i++) {
    imports[3].host_env = (void *)names[i];
    users[i] =
        instantiate(&user_module, imports, sizeof imports / sizeof *imports);
  }

  /* Every user bumps the one counter in the memory they share. */
  for (int i = 0; i < NUM_USERS; i++)
    call(users[i], names[i], "work", 1, 10 * (i + 1), 0);
  int32_t shared;
  memcpy(&shared, memory->base, sizeof shared);
  if (!quiet)
    printf("  host reads memory[0] = %d, counter.calls = %d\n", shared,
           awsm_export_global(counter, "calls")->i32);

  /* Late linking: a user installs its function into counter's table,
   * and counter calls it through call_indirect. */
  int32_t slot = call(users[0], "user0", "install", 0, 0, 0);
  call(counter, "counter", "apply", 2, 0, 7);
  call(counter, "counter", "apply", 2, slot, 7);

  /* Traps come back as codes; the instances stay usable. */
  /* Guard-page accesses stay out of --cycles: valgrind, which runs it,
   * reports every access to the reservation as invalid. */
  if (!quiet)
    call(users[1], "user1", "poke", -1, 65536, 0);
  call(counter, "counter", "div", 2, 1, 0);
  call(counter, "counter", "apply", 2, slot + 1, 7);
  int32_t old_pages = awsm_memory_grow(memory, 1);
  if (!quiet) {
    printf("  host grows memory: %d -> %d pages\n", old_pages,
           (int)(memory->size / 65536));
    call(users[1], "user1", "poke", -1, 65536, 0);
  }
  if (!quiet)
    printf("  direct call counter_bump(1) = %d\n", counter_bump(counter, 1));

  for (int i = 0; i < NUM_USERS; i++)
    awsm_instance_free(users[i]);
  awsm_instance_free(counter);
}

int main(int argc, char **argv) {
  if (argc == 3 && strcmp(argv[1], "--cycles") == 0) {
    quiet = 1;
    int cycles = atoi(argv[2]);
    for (int i = 0; i < cycles; i++)
      run_round(i);
    printf("%d cycles\n", cycles);
    return 0;
  }
  for (int round = 1; round <= 2; round++)
    run_round(round);
  return 0;
}
