/*
 * host.c — a C host for tests/strategies.rs, linked with instances.wat
 * and imports.wat compiled to objects (`--name mod`, `--name imp`) with
 * the same strategy.
 *
 *   host instances   three instances alive at once: each keeps its own
 *                    bytes; an out-of-bounds load in one (a trap, or for
 *                    mask a wrapped load of its own memory) leaves all
 *                    usable. Prints what happened.
 *   host null        calls the guest, then dereferences NULL itself: the
 *                    fault is the host's, so the process must die by
 *                    SIGSEGV (not be turned into a trap).
 *   host imports     offers imports.wat a host-made memory of each
 *                    strategy: prints which it accepts (code compiled
 *                    without checks — guard-pages, none, segment — must
 *                    get a memory with its guard region; masked code, a
 *                    mask arena).
 *   host reservation writes into a live instance's reserved, inaccessible
 *                    address space from host code, outside any guest
 *                    call: must die by SIGSEGV too.
 */
#include "awsm.h"
#include "instantiate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const awsm_module mod_module;
extern const awsm_module imp_module;

#define NUM_INSTANCES 3

static awsm_instance *instantiate(void) { return instantiate_or_exit(&mod_module, NULL, 0); }

static void store(awsm_instance *inst, int32_t addr, int32_t value) {
  awsm_val args[2] = {{.i32 = addr}, {.i32 = value}};
  awsm_result r = awsm_invoke(inst, "store", args, NULL);
  if (r.code != AWSM_TRAP_NONE) {
    fprintf(stderr, "store trapped: %s\n", awsm_trap_message(r.code));
    exit(3);
  }
}

/* The loaded byte, or -1 - trap code. */
static int32_t load(awsm_instance *inst, int32_t addr) {
  awsm_val args[1] = {{.i32 = addr}};
  awsm_val result = {.i32 = 0};
  awsm_result r = awsm_invoke(inst, "load", args, &result);
  return r.code == AWSM_TRAP_NONE ? result.i32 : -1 - (int32_t)r.code;
}

static int instances(void) {
  awsm_instance *inst[NUM_INSTANCES];
  for (int i = 0; i < NUM_INSTANCES; i++) {
    inst[i] = instantiate();
    store(inst[i], 0, 50 + i);
    store(inst[i], 100, 10 + i);
  }
  for (int i = 0; i < NUM_INSTANCES; i++)
    printf("instance %d: %d\n", i, load(inst[i], 100));
  int32_t oob = load(inst[1], 65536);
  if (oob < 0)
    printf("out of bounds: trap: %s\n", awsm_trap_message((awsm_trap_code)(-1 - oob)));
  else
    printf("out of bounds: %d\n", oob);
  for (int i = 0; i < NUM_INSTANCES; i++)
    printf("instance %d after: %d\n", i, load(inst[i], 100));
  for (int i = 0; i < NUM_INSTANCES; i++)
    awsm_instance_free(inst[i]);
  return 0;
}

static int imports(void) {
  static const char *const names[] = {"guard-pages", "explicit", "mask", "none", "segment"};
  for (uint32_t s = 0; s < 5; s++) {
    const char *error = NULL;
    awsm_memory *mem = awsm_memory_new(s, (awsm_limits){.min = 1, .max = 1, .has_max = 1}, &error);
    if (!mem) {
      printf("%s memory: cannot create: %s\n", names[s], error);
      continue;
    }
    awsm_extern ext = {.module = "env", .name = "mem", .kind = AWSM_EXTERN_MEMORY, .u.memory = mem};
    awsm_instance *inst = awsm_instantiate(&imp_module, &ext, 1, &error);
    printf("%s memory: %s\n", names[s], inst ? "accepted" : "refused");
    awsm_instance_free(inst);
    awsm_memory_free(mem);
  }
  return 0;
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "instances";
  if (strcmp(mode, "instances") == 0)
    return instances();
  if (strcmp(mode, "imports") == 0)
    return imports();
  awsm_instance *inst = instantiate();
  store(inst, 0, 1);
  if (load(inst, 0) != 1)
    return 4;
  fflush(stdout);
  if (strcmp(mode, "null") == 0) {
    *(volatile int *)NULL = 1;
  } else if (strcmp(mode, "reservation") == 0) {
    awsm_memory *mem = awsm_export_memory(inst, "mem");
    if (!mem)
      return 5;
    mem->base[1 << 20] = 1; /* inaccessible part of the reservation */
  }
  fprintf(stderr, "still alive after the fault (%s)\n", mode);
  return 6;
}
