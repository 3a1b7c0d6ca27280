/*
 * bench.h — the interface between a benchmark kernel and the platform it
 * runs on. Each kernel file (crc32.c, matmul.c, sort.c, sha256.c) defines
 * bench_name and bench_run; platform_wasm.c (wasm32, WASI imports, run by
 * awsm firmware) and platform_native.c (arm-none-eabi-gcc, bare metal)
 * define main's loop: read the clock, run the kernel, read the clock,
 * print "<name> checksum=<hex> ns=<elapsed>". Under qemu-system-arm
 * -icount shift=0 one instruction takes one nanosecond, so ns counts the
 * kernel's instructions (to the 40-instruction SysTick resolution).
 */
#ifndef BENCH_H
#define BENCH_H

#include <stdint.h>

extern const char bench_name[];
/* Run the kernel once; the checksum proves both builds computed the same. */
uint32_t bench_run(void);

#endif
