/*
 * setjmp.h for Cortex-M firmware: newlib's, plus the POSIX sigsetjmp and
 * siglongjmp the shared runtime headers name. There are no signals on a
 * microcontroller, so there is no signal mask to save.
 */
#ifndef AWSM_CORTEX_M_SETJMP_H
#define AWSM_CORTEX_M_SETJMP_H

#include_next <setjmp.h>

#define sigjmp_buf jmp_buf
#define sigsetjmp(env, savemask) setjmp(env)
#define siglongjmp(env, val) longjmp(env, val)

#endif /* AWSM_CORTEX_M_SETJMP_H */
