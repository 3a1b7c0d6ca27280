/*
 * main.c — entry point of executables built by awsm: instantiate the
 * compiled module (`awsm_entry_module`, emitted by the compiler) as a
 * WASI command and run its `_start`.
 *
 * Exit status: 0 when _start returns, the guest's status on proc_exit,
 * 134 when the guest traps, 1 when the module cannot be loaded.
 */
#include "awsm.h"

#include <stdio.h>

extern char **environ;
extern const awsm_module awsm_entry_module;

enum { EXIT_LOAD_ERROR = 1, EXIT_TRAP = 134 };

static int trap_status(awsm_result r) {
  if (r.code == AWSM_TRAP_EXIT)
    return r.exit_status;
  fflush(stdout);
  fprintf(stderr, "awsm: trap: %s\n", awsm_trap_message(r.code));
  return EXIT_TRAP;
}

int main(int argc, char **argv) {
  awsm_wasi_set_args(argc, (const char *const *)argv, (const char *const *)environ);
  const char *error = NULL;
  awsm_instance *inst = awsm_instantiate(&awsm_entry_module, NULL, 0, &error);
  if (!inst) {
    awsm_result why = awsm_instantiate_status();
    if (why.code != AWSM_TRAP_NONE)
      return trap_status(why);
    fprintf(stderr, "awsm: %s\n", error);
    return EXIT_LOAD_ERROR;
  }
  int status = 0;
  if (!awsm_export_func(inst, "_start")) {
    fprintf(stderr, "awsm: module has no _start export\n");
    status = EXIT_LOAD_ERROR;
  } else {
    awsm_result r = awsm_invoke(inst, "_start", NULL, NULL);
    if (r.code != AWSM_TRAP_NONE)
      status = trap_status(r);
  }
  awsm_instance_free(inst);
  return status;
}
