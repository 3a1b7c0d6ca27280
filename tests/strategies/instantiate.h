/*
 * instantiate.h — for the C hosts of tests/strategies.rs (host.c,
 * cross.c): instantiate a module or end the process, so a host's own
 * failure to start cannot pass for a strategy's behaviour.
 */
#ifndef STRATEGIES_INSTANTIATE_H
#define STRATEGIES_INSTANTIATE_H

#include "awsm.h"

#include <stdio.h>
#include <stdlib.h>

/* awsm_instantiate, or exit with status 2 after printing why. */
static awsm_instance *instantiate_or_exit(const awsm_module *module, const awsm_extern *imports,
                                          size_t num_imports) {
  const char *error = NULL;
  awsm_instance *inst = awsm_instantiate(module, imports, num_imports, &error);
  if (!inst) {
    fprintf(stderr, "cannot instantiate: %s\n", error);
    exit(2);
  }
  return inst;
}

#endif
