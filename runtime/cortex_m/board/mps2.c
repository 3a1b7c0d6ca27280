/*
 * mps2.c — board glue for the Arm MPS2 boards (QEMU's mps2-an386,
 * Cortex-M4, and mps2-an500, Cortex-M7): vector table and reset code,
 * the port.h functions over Arm semihosting and SysTick, a fault
 * handler that reports a trap, a bump allocator for malloc, stubs of
 * newlib's system calls, and the reset code that runs the compiled
 * module as a WASI command (awsm_cm_run_command). Linked into firmware
 * by `awsm --board mps2-an386|mps2-an500`; the memory map is the board's
 * linker script beside this file. It is
 * also the worked example of bring-your-own-board glue: compiled with
 * -DAWSM_ENTRY_MODULE=<prefix>_module it turns an object built without
 * --board into the same firmware (doc/targets.md).
 *
 * Run:  qemu-system-arm -M mps2-an386 -nographic -semihosting -kernel prog.elf
 * Exit status: as for Linux executables (doc/abi.md): 0, the guest's
 * proc_exit status, 134 after `awsm: trap: <reason>`, 1 if the module
 * cannot be loaded.
 */
#include "../firmware.h"
#include "../port.h"
#include "awsm.h"

#include <stdint.h>
#include <string.h>
#include <sys/stat.h>

/* The module to run: awsm's firmware defines awsm_entry_module and
 * awsm_entry_start, its `_start`'s code; firmware linked by hand from an
 * object (-o x.o) names `<prefix>_module` here, whose `_start` the runtime
 * looks up by name. */
#ifdef AWSM_ENTRY_MODULE
extern const awsm_module AWSM_ENTRY_MODULE;
#define RUN_ENTRY_MODULE() awsm_cm_run_command(&AWSM_ENTRY_MODULE)
#else
extern const awsm_module awsm_entry_module;
extern const awsm_cm_start_fn awsm_entry_start;
#define RUN_ENTRY_MODULE() awsm_cm_run_start(&awsm_entry_module, awsm_entry_start)
#endif

/* Defined by the linker script. */
extern uint32_t __data_load__[], __data_start__[], __data_end__[];
extern uint32_t __bss_end__[];
extern uint32_t __stack_top__[], __stack_bottom__[];
extern uint8_t __heap_start__[], __heap_end__[];

enum { EXIT_TRAP = 134 };

/* ------------------------------------------------------------ semihosting */

enum {
  SYS_OPEN = 0x01,
  SYS_WRITE = 0x05,
  SYS_EXIT_EXTENDED = 0x20,
  ADP_STOPPED_APPLICATION_EXIT = 0x20026,
};

static int32_t semihost(int32_t op, const void *arg) {
  register int32_t r0 __asm__("r0") = op;
  register const void *r1 __asm__("r1") = arg;
  __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}

/* Semihosting handles of stdout and stderr, plus one: 0 (not opened yet)
 * keeps the array in .bss instead of 12 bytes of initial values in flash
 * (a failed open is tried again at the next write; the write in between
 * goes to handle -1, which QEMU answers with -1, EBADF). */
static int32_t console[3];

/* fd is 1 or 2 (port.h): fd_write and _write check it, the runtime's own
 * messages go to 2, so a check here would only cost flash. */
long awsm_port_write(int fd, const void *buf, size_t len) {
  if (console[fd] == 0) {
    /* ":tt" opened with mode 4 ("w") is stdout, mode 8 ("a") stderr. */
    uint32_t block[3] = {(uint32_t)":tt", 4u * (uint32_t)fd, 3};
    console[fd] = semihost(SYS_OPEN, block) + 1;
  }
  uint32_t block[3] = {(uint32_t)(console[fd] - 1), (uint32_t)buf, (uint32_t)len};
  int32_t not_written = semihost(SYS_WRITE, block);
  return not_written < 0 ? -1 : (long)len - not_written;
}

void awsm_port_exit(int status) {
  uint32_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, (uint32_t)status};
  for (;;)
    semihost(SYS_EXIT_EXTENDED, block);
}

/* ---------------------------------------------------------------- SysTick */

#define SYST_CSR (*(volatile uint32_t *)0xe000e010u)
#define SYST_RVR (*(volatile uint32_t *)0xe000e014u)
#define SYST_CVR (*(volatile uint32_t *)0xe000e018u)
#define SYST_RELOAD 0xffffffu
/* The MPS2 CPU clock SysTick counts (QEMU: 25 MHz of virtual time, so
 * with -icount shift=0, one tick per 40 instructions). */
#define CPU_HZ 25000000u
#define NS_PER_TICK (1000000000u / CPU_HZ)

static volatile uint32_t systick_wraps;

static void systick_handler(void) { systick_wraps++; }

static void systick_start(void) {
  SYST_RVR = SYST_RELOAD;
  SYST_CVR = 0;
  SYST_CSR = 7; /* enable, interrupt on wrap, processor clock */
}

uint64_t awsm_port_clock_ns(void) {
  uint32_t wraps, count;
  do {
    wraps = systick_wraps;
    count = SYST_CVR;
  } while (wraps != systick_wraps);
  /* Each wrap is 2^24 ticks; ticks since the last wrap fit in 32 bits
   * even as ns: one 32x32->64 multiply, no 64-bit one. */
  return (uint64_t)wraps * ((SYST_RELOAD + 1u) * NS_PER_TICK) + (SYST_RELOAD - count) * NS_PER_TICK;
}

uintptr_t awsm_port_stack_bottom(void) { return (uintptr_t)__stack_bottom__; }

/* ------------------------------------------------------------------ faults */

#define SCB_SHCSR (*(volatile uint32_t *)0xe000ed24u)
#define SCB_CFSR (*(volatile uint32_t *)0xe000ed28u)
#define SCB_HFSR (*(volatile uint32_t *)0xe000ed2cu)
#define SCB_CPACR (*(volatile uint32_t *)0xe000ed88u)

/* What follows "awsm: trap: " in a fault report: NUL-separated labels,
 * each but the last followed by a register in hex. The exception number
 * (IPSR) stands for a table of exception names: 3 HardFault, 4 MemManage,
 * 5 BusFault, 6 UsageFault, anything else an interrupt nothing enabled. */
static const char fault_text[] = "hardware fault (IPSR 0x\0, CFSR 0x\0, HFSR 0x\0, PC 0x\0)\n";

/* A fault the guest's checks did not catch (the runtime or board code is
 * broken, or the main stack overflowed outside guest code), or an
 * interrupt nothing enabled. Report it as a trap, with the registers
 * needed to find it. `ipsr` is the exception number, `frame` the
 * exception stack frame (r0-r3, r12, lr, pc, xpsr). One loop over
 * label and register pairs: smaller in flash than a call per piece. */
__attribute__((used, noreturn)) void awsm_mps2_fault_report(uint32_t ipsr, const uint32_t *frame) {
  const uint32_t values[4] = {ipsr, SCB_CFSR, SCB_HFSR, frame[6]};
  const char *label = fault_text;
  /* The prefix is the string trap.c prints too: stored once. */
  awsm_cm_print_error("awsm: trap: ");
  for (int i = 0;; i++) {
    awsm_cm_print_error(label);
    if (i == 4)
      break;
    while (*label++)
      ;
    char hex[8];
    uint32_t v = values[i];
#ifdef __clang__
#pragma clang loop unroll(disable)
#endif
    for (int n = 0; n < 8; n++, v <<= 4) {
      uint32_t digit = v >> 28;
      hex[n] = (char)(digit < 10 ? '0' + digit : 'a' - 10 + digit);
    }
    awsm_port_write(2, hex, 8);
  }
  awsm_port_exit(EXIT_TRAP);
}

/* Every exception but reset and SysTick: read which exception this is,
 * report. The frame is on the main stack: this firmware never switches
 * to the process stack (Reset_Handler runs everything on MSP). */
__attribute__((naked)) static void fault_handler(void) {
  __asm__ volatile("mrs r0, ipsr\n"
                   "mov r1, sp\n"
                   "b awsm_mps2_fault_report\n");
}

/* ------------------------------------------------------------ reset, main */

__attribute__((noreturn)) void Reset_Handler(void);

typedef void (*vector)(void);

__attribute__((section(".isr_vector"), used)) static const vector vectors[16] = {
    (vector)__stack_top__,
    Reset_Handler,
    fault_handler, /* NMI */
    fault_handler, /* HardFault */
    fault_handler, /* MemManage */
    fault_handler, /* BusFault */
    fault_handler, /* UsageFault */
    0,
    0,
    0,
    0,
    fault_handler, /* SVCall */
    fault_handler, /* DebugMonitor */
    0,
    fault_handler, /* PendSV */
    systick_handler,
};

/* A call statement the compiler must not inline. awsm's LTO (clang) sees
 * the runtime's entry and would; gcc, for embedders who compile this file
 * with their firmware, only sees a call into another unit and has no
 * such statement attribute (it would warn that it ignores it). */
#ifdef __clang__
#define NOT_INLINED [[clang::noinline]]
#else
#define NOT_INLINED
#endif

void Reset_Handler(void) {
  /* One pass from .data through .bss, which the linker script places
   * right after it: words below __data_end__ come from flash, the rest
   * are zeroed. Fewer addresses to load than a loop for each. */
  uint32_t *src = __data_load__;
  for (uint32_t *dst = __data_start__; dst < __bss_end__; dst++)
    *dst = dst < __data_end__ ? *src++ : 0;
#if defined(__ARM_FP)
  SCB_CPACR |= 0xfu << 20; /* CP10 and CP11: full access to the FPU */
  __asm__ volatile("dsb\n isb" ::: "memory");
#endif
  SCB_SHCSR |= 7u << 16; /* MemManage, BusFault, UsageFault get their own handlers */
  systick_start();
  /* Not inlined, so no floating-point code can be scheduled before the
   * FPU is switched on. */
  NOT_INLINED RUN_ENTRY_MODULE();
}

/* ------------------------------------------------------------------- heap */

/*
 * malloc over the PSRAM heap, as a bump allocator. The runtime allocates
 * at instantiation and afterwards only grows linear memory and tables
 * (realloc); linear memory is the last block awsm_cm_run_command
 * allocates, so memory.grow extends it in place. free gives back only the
 * last block, and a block realloc moves stays allocated. newlib-nano's
 * allocator, with _sbrk and the reentrancy data it drags in, would cost
 * about 1 KiB of flash for reuse a firmware running one module never
 * needs. Each block has an 8-byte header holding its size, which keeps
 * every block 8-byte aligned (the linker script aligns the heap).
 */
typedef struct heap_block {
  size_t size;
  size_t unused;
} heap_block;

static uint8_t *heap_top = __heap_start__;

static size_t heap_round(size_t n) { return (n + 7u) & ~(size_t)7u; }

/* Inlined into each allocator, so a firmware that only callocs (the
 * usual case: instantiation) has one allocator function, not calloc
 * calling malloc. */
__attribute__((always_inline)) static inline void *bump(size_t n) {
  size_t size = heap_round(n);
  if (size < n || size + sizeof(heap_block) > (size_t)(__heap_end__ - heap_top))
    return NULL;
  heap_block *b = (heap_block *)heap_top;
  b->size = size;
  heap_top += sizeof *b + size;
  return b + 1;
}

void *malloc(size_t n) { return bump(n); }

void free(void *p) {
  heap_block *b = (heap_block *)p - 1;
  if (p && (uint8_t *)p + b->size == heap_top)
    heap_top = (uint8_t *)b;
}

void *calloc(size_t count, size_t size) {
  if (size && count > SIZE_MAX / size)
    return NULL;
  void *p = bump(count * size);
  if (p)
    memset(p, 0, count * size);
  return p;
}

void *realloc(void *p, size_t n) {
  if (!p)
    return malloc(n);
  heap_block *b = (heap_block *)p - 1;
  size_t size = heap_round(n);
  if ((uint8_t *)p + b->size == heap_top) {
    if (size < n || size > (size_t)(__heap_end__ - (uint8_t *)p))
      return NULL;
    b->size = size;
    heap_top = (uint8_t *)p + size;
    return p;
  }
  if (n <= b->size)
    return p;
  void *q = malloc(n);
  if (q)
    memcpy(q, p, b->size);
  return q;
}

/* newlib's own callers (strdup, vsnprintf: the embedding API of a firmware
 * linked from an object) allocate through these; without them newlib's
 * allocator would be linked too, on the same heap. */
struct _reent;
void *_malloc_r(struct _reent *r, size_t n) {
  (void)r;
  return malloc(n);
}
void _free_r(struct _reent *r, void *p) {
  (void)r;
  free(p);
}
void *_calloc_r(struct _reent *r, size_t count, size_t size) {
  (void)r;
  return calloc(count, size);
}
void *_realloc_r(struct _reent *r, void *p, size_t n) {
  (void)r;
  return realloc(p, n);
}

/* ------------------------------------------------- newlib's system calls */

__attribute__((noreturn)) void _exit(int status) { awsm_port_exit(status); }

int _write(int fd, const void *buf, size_t len) {
  return fd == 1 || fd == 2 ? (int)awsm_port_write(fd, buf, len) : -1;
}
int _read(int fd, void *buf, size_t len) {
  (void)fd;
  (void)buf;
  (void)len;
  return 0;
}
int _close(int fd) {
  (void)fd;
  return -1;
}
long _lseek(int fd, long offset, int whence) {
  (void)fd;
  (void)offset;
  (void)whence;
  return -1;
}
int _fstat(int fd, struct stat *st) {
  (void)fd;
  st->st_mode = S_IFCHR;
  return 0;
}
int _isatty(int fd) {
  (void)fd;
  return 1;
}
int _kill(int pid, int sig) {
  (void)pid;
  (void)sig;
  return -1;
}
int _getpid(void) { return 1; }
