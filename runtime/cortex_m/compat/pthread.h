/*
 * pthread.h for Cortex-M firmware: one core, no threads, so every lock is
 * a no-op and `pthread_once` a flag. Found before newlib's own (which
 * declares nothing without _POSIX_THREADS) because build.rs puts
 * runtime/cortex_m/compat first on the include path of Cortex-M builds.
 * Names are macros over awsm_cm_ ones so they cannot clash with the
 * pthread types newlib's <sys/types.h> may declare.
 */
#ifndef AWSM_CORTEX_M_PTHREAD_H
#define AWSM_CORTEX_M_PTHREAD_H

#include <sys/types.h>

typedef struct awsm_cm_mutex {
  int unused;
} awsm_cm_mutex;
typedef struct awsm_cm_once {
  int done;
} awsm_cm_once;
typedef unsigned awsm_cm_key;

#define pthread_mutex_t awsm_cm_mutex
#define pthread_once_t awsm_cm_once
#define pthread_key_t awsm_cm_key
#define PTHREAD_MUTEX_INITIALIZER {0}
#define PTHREAD_ONCE_INIT {0}

static inline int awsm_cm_mutex_nop(awsm_cm_mutex *m) {
  (void)m;
  return 0;
}
#define pthread_mutex_lock awsm_cm_mutex_nop
#define pthread_mutex_unlock awsm_cm_mutex_nop

static inline int awsm_cm_once_run(awsm_cm_once *once, void (*init)(void)) {
  if (!once->done) {
    once->done = 1;
    init();
  }
  return 0;
}
#define pthread_once awsm_cm_once_run

#endif /* AWSM_CORTEX_M_PTHREAD_H */
