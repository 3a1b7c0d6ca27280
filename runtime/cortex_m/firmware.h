/*
 * firmware.h — what the Cortex-M runtime gives a board's start-up code.
 *
 * Board glue (board/mps2.c, or an embedder's own) calls only these of the
 * runtime's functions: run the module, and print an error line the way
 * the runtime prints its own (one copy of the text and the code in
 * flash). The runtime never calls the board but through port.h, so
 * dependencies run one way: board -> firmware.h and port.h, runtime ->
 * port.h.
 */
#ifndef AWSM_CORTEX_M_FIRMWARE_H
#define AWSM_CORTEX_M_FIRMWARE_H

struct awsm_module;

/* Run `module`'s WASI `_start` (the module a firmware image was built
 * from: `awsm_entry_module`, or `<prefix>_module` of an object) and end
 * through awsm_port_exit with the status a Linux executable would have:
 * 0, the guest's proc_exit status, 134 after `awsm: trap: <reason>` on
 * stderr, 1 after `awsm: <why>` if it cannot be instantiated. Only for
 * modules whose imports are all WASI functions (what awsm lets an
 * executable import); much smaller in flash than awsm_instantiate and
 * awsm_invoke, which firmware that embeds several modules or resolves
 * imports from a host still has (runtime/cortex_m/command.c). */
__attribute__((noreturn)) void awsm_cm_run_command(const struct awsm_module *module);

/* A function of type () -> () in a module's code, called with its
 * instance: `_start`, or the start function. */
struct awsm_instance;
typedef void (*awsm_cm_start_fn)(struct awsm_instance *ctx);

/* awsm_cm_run_command with `_start`'s code given instead of looked up by
 * name: what firmware built by awsm does, passing `awsm_entry_start`, so
 * the export list, the lookup and the name stay out of flash. `start`
 * must be `module`'s `_start` (NULL: the module has none). */
__attribute__((noreturn)) void awsm_cm_run_start(const struct awsm_module *module,
                                                 awsm_cm_start_fn start);

/* Write a NUL-terminated string to fd 2 (console.c). */
void awsm_cm_print_error(const char *text);

#endif /* AWSM_CORTEX_M_FIRMWARE_H */
