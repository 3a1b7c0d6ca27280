/*
 * cm_internal.h — declarations shared by the Cortex-M runtime's files.
 */
#ifndef AWSM_CM_INTERNAL_H
#define AWSM_CM_INTERNAL_H

#include "../internal.h"
#include "firmware.h"
#include "port.h"

/* Accessible bytes of `mem` (its size with the module's page size). */
uint64_t awsm_cm_real_size(const awsm_memory *mem);

/* Print `awsm: trap: <reason>` (or nothing, for proc_exit) and stop with
 * the executable's status for it: the guest's status, or 134. */
__attribute__((noreturn)) void awsm_cm_stop(int32_t code);

#endif /* AWSM_CM_INTERNAL_H */
