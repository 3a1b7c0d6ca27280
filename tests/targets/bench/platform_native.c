/*
 * platform_native.c — the benchmark platform for the same kernels built
 * natively with arm-none-eabi-gcc for the MPS2 boards: vector table,
 * reset, semihosting output and exit, and the SysTick clock awsm's
 * firmware uses (runtime/cortex_m/board/mps2.c), so both builds measure
 * with the same instrument. Linked with runtime/cortex_m/board/<board>.ld.
 */
#include "print.h"

extern uint32_t __data_load__[], __data_start__[], __data_end__[];
extern uint32_t __bss_start__[], __bss_end__[], __stack_top__[];

static int semihost(int op, const void *arg) {
  register int r0 __asm__("r0") = op;
  register const void *r1 __asm__("r1") = arg;
  __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}

static void write_out(const char *text, unsigned long len) {
  uint32_t open[3] = {(uint32_t)":tt", 4, 3};
  uint32_t block[3] = {(uint32_t)semihost(0x01, open), (uint32_t)text, len};
  semihost(0x05, block);
}

__attribute__((noreturn)) static void stop(int status) {
  uint32_t block[2] = {0x20026, (uint32_t)status};
  for (;;)
    semihost(0x20, block);
}

#define SYST_CSR (*(volatile uint32_t *)0xe000e010u)
#define SYST_RVR (*(volatile uint32_t *)0xe000e014u)
#define SYST_CVR (*(volatile uint32_t *)0xe000e018u)
static volatile uint32_t wraps;
static void systick(void) { wraps++; }

static uint64_t now(void) {
  uint32_t w, count;
  do {
    w = wraps;
    count = SYST_CVR;
  } while (w != wraps);
  return (((uint64_t)w << 24) + (0xffffffu - count)) * 40u;
}

static void fault(void) { stop(134); }

void Reset_Handler(void);
typedef void (*vector)(void);
__attribute__((section(".isr_vector"), used)) static const vector vectors[16] = {
    (vector)__stack_top__,
    Reset_Handler,
    fault,
    fault,
    fault,
    fault,
    fault,
    0,
    0,
    0,
    0,
    fault,
    fault,
    0,
    fault,
    systick};

__attribute__((noinline)) static void run(void) {
  uint64_t t0 = now();
  uint32_t checksum = bench_run();
  uint64_t t1 = now();
  bench_report(write_out, checksum, t1 - t0);
  stop(0);
}

void Reset_Handler(void) {
  SYST_RVR = 0xffffff; /* as early as the firmware's, long before any reading */
  SYST_CVR = 0;
  SYST_CSR = 7;
  for (uint32_t *s = __data_load__, *d = __data_start__; d < __data_end__;)
    *d++ = *s++;
  for (uint32_t *d = __bss_start__; d < __bss_end__;)
    *d++ = 0;
#if defined(__ARM_FP)
  *(volatile uint32_t *)0xe000ed88u |= 0xfu << 20;
  __asm__ volatile("dsb\n isb" ::: "memory");
#endif
  run();
}
