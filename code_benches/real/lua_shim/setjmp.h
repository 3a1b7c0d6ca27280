/* Stand-in <setjmp.h> for building Lua for wasm32-wasi, whose libc has
 * no setjmp/longjmp. The benchmark builds Lua with LUAI_THROW = abort()
 * and LUAI_TRY = a plain call (see run.py), so nothing here is used; the
 * header only has to exist. Used for the native build too, so both run
 * identical code. */
#ifndef AWSM_BENCH_FAKE_SETJMP_H
#define AWSM_BENCH_FAKE_SETJMP_H
typedef int jmp_buf[1];
#endif
