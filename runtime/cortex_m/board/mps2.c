/*
 * mps2.c — board glue for the Arm MPS2 boards (QEMU's mps2-an386,
 * Cortex-M4, and mps2-an500, Cortex-M7): vector table and reset code,
 * the port.h functions over Arm semihosting and SysTick, a HardFault
 * handler that reports a trap, newlib's system calls, a compact
 * vsnprintf, and the code that runs the compiled module as a WASI
 * command. Linked into firmware by `awsm --board mps2-an386|mps2-an500`;
 * the memory map is the board's linker script beside this file. It is
 * also the worked example of bring-your-own-board glue: compiled with
 * -DAWSM_ENTRY_MODULE=<prefix>_module it turns an object built without
 * --board into the same firmware (doc/targets.md).
 *
 * Run:  qemu-system-arm -M mps2-an386 -nographic -semihosting -kernel prog.elf
 * Exit status: as for Linux executables (doc/abi.md): 0, the guest's
 * proc_exit status, 134 after `awsm: trap: <reason>`, 1 if the module
 * cannot be loaded.
 */
#include "../port.h"
#include "awsm.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* The module to run: awsm's firmware defines awsm_entry_module; firmware
 * linked by hand from an object (-o x.o) names `<prefix>_module` here. */
#ifndef AWSM_ENTRY_MODULE
#define AWSM_ENTRY_MODULE awsm_entry_module
#endif
extern const awsm_module AWSM_ENTRY_MODULE;

/* Defined by the linker script. */
extern uint32_t __data_load__[], __data_start__[], __data_end__[];
extern uint32_t __bss_start__[], __bss_end__[];
extern uint32_t __stack_top__[], __stack_bottom__[];
extern uint8_t __heap_start__[], __heap_end__[];

enum { EXIT_LOAD_ERROR = 1, EXIT_TRAP = 134 };

/* ------------------------------------------------------------ semihosting */

enum {
  SYS_OPEN = 0x01,
  SYS_WRITE = 0x05,
  SYS_EXIT_EXTENDED = 0x20,
  ADP_STOPPED_APPLICATION_EXIT = 0x20026,
  OPEN_MODE_W = 4, /* ":tt" opened "w" is stdout */
  OPEN_MODE_A = 8, /* ":tt" opened "a" is stderr */
};

static int32_t semihost(int32_t op, const void *arg) {
  register int32_t r0 __asm__("r0") = op;
  register const void *r1 __asm__("r1") = arg;
  __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}

static int32_t console[3] = {-1, -1, -1};

static int32_t console_handle(int fd) {
  if (console[fd] < 0) {
    uint32_t block[3] = {(uint32_t)":tt", fd == 2 ? OPEN_MODE_A : OPEN_MODE_W, 3};
    console[fd] = semihost(SYS_OPEN, block);
  }
  return console[fd];
}

long awsm_port_write(int fd, const void *buf, size_t len) {
  if (fd != 1 && fd != 2)
    return -1;
  int32_t handle = console_handle(fd);
  if (handle < 0)
    return -1;
  uint32_t block[3] = {(uint32_t)handle, (uint32_t)buf, (uint32_t)len};
  int32_t not_written = semihost(SYS_WRITE, block);
  return not_written < 0 ? -1 : (long)len - not_written;
}

void awsm_port_exit(int status) {
  uint32_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, (uint32_t)status};
  for (;;)
    semihost(SYS_EXIT_EXTENDED, block);
}

static void print(const char *text) { awsm_port_write(2, text, strlen(text)); }

/* ---------------------------------------------------------------- SysTick */

#define SYST_CSR (*(volatile uint32_t *)0xe000e010u)
#define SYST_RVR (*(volatile uint32_t *)0xe000e014u)
#define SYST_CVR (*(volatile uint32_t *)0xe000e018u)
#define SYST_RELOAD 0xffffffu
/* The MPS2 CPU clock SysTick counts (QEMU: 25 MHz of virtual time, so
 * with -icount shift=0, one tick per 40 instructions). */
#define CPU_HZ 25000000u

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
  uint64_t ticks = ((uint64_t)wraps << 24) + (SYST_RELOAD - count);
  return ticks * (1000000000u / CPU_HZ);
}

uintptr_t awsm_port_stack_bottom(void) { return (uintptr_t)__stack_bottom__; }

/* ------------------------------------------------------------------ faults */

#define SCB_SHCSR (*(volatile uint32_t *)0xe000ed24u)
#define SCB_CFSR (*(volatile uint32_t *)0xe000ed28u)
#define SCB_HFSR (*(volatile uint32_t *)0xe000ed2cu)
#define SCB_CPACR (*(volatile uint32_t *)0xe000ed88u)

static void print_hex(uint32_t v) {
  char text[11] = "0x";
  for (int i = 0; i < 8; i++)
    text[2 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 15];
  text[10] = 0;
  print(text);
}

static const char *const fault_names[] = {"HardFault", "MemManage", "BusFault", "UsageFault"};

/* A fault the guest's checks did not catch: the runtime (or board code)
 * is broken, or the main stack overflowed outside guest code. Report it
 * as a trap, with the registers needed to find it. `frame` is the
 * exception stack frame (r0-r3, r12, lr, pc, xpsr). */
__attribute__((used, noreturn)) void awsm_mps2_fault_report(uint32_t which, const uint32_t *frame) {
  print("awsm: trap: hardware fault (");
  print(fault_names[which & 3]);
  print(", CFSR ");
  print_hex(SCB_CFSR);
  print(", HFSR ");
  print_hex(SCB_HFSR);
  print(", PC ");
  print_hex(frame[6]);
  print(")\n");
  awsm_port_exit(EXIT_TRAP);
}

/* Find the stack the fault's frame was pushed on, then report. */
#define FAULT_HANDLER(fn, which)                                                                   \
  __attribute__((naked)) static void fn(void) {                                                    \
    __asm__ volatile("tst lr, #4\n"                                                                \
                     "ite eq\n"                                                                    \
                     "mrseq r1, msp\n"                                                             \
                     "mrsne r1, psp\n"                                                             \
                     "movs r0, #" #which "\n"                                                      \
                     "b awsm_mps2_fault_report\n");                                                \
  }

FAULT_HANDLER(hard_fault, 0)
FAULT_HANDLER(mem_manage_fault, 1)
FAULT_HANDLER(bus_fault, 2)
FAULT_HANDLER(usage_fault, 3)

static void unexpected_interrupt(void) {
  print("awsm: trap: unexpected interrupt\n");
  awsm_port_exit(EXIT_TRAP);
}

/* ------------------------------------------------------------ reset, main */

__attribute__((noreturn)) void Reset_Handler(void);

typedef void (*vector)(void);

__attribute__((section(".isr_vector"), used)) static const vector vectors[16] = {
    (vector)__stack_top__,
    Reset_Handler,
    unexpected_interrupt,
    hard_fault,
    mem_manage_fault,
    bus_fault,
    usage_fault,
    0,
    0,
    0,
    0,
    unexpected_interrupt,
    unexpected_interrupt,
    0,
    unexpected_interrupt,
    systick_handler,
};

__attribute__((noreturn)) static void report_trap(awsm_result r) {
  if (r.code == AWSM_TRAP_EXIT)
    awsm_port_exit(r.exit_status);
  print("awsm: trap: ");
  print(awsm_trap_message(r.code));
  print("\n");
  awsm_port_exit(EXIT_TRAP);
}

/* Kept out of Reset_Handler so no floating-point code can be scheduled
 * before the FPU is switched on. */
__attribute__((noinline, noreturn)) static void run_module(void) {
  systick_start();
  awsm_wasi_set_args(0, NULL, NULL);
  const char *error = NULL;
  awsm_instance *inst = awsm_instantiate(&AWSM_ENTRY_MODULE, NULL, 0, &error);
  if (!inst) {
    awsm_result why = awsm_instantiate_status();
    if (why.code != AWSM_TRAP_NONE)
      report_trap(why);
    print("awsm: ");
    print(error ? error : "cannot instantiate the module");
    print("\n");
    awsm_port_exit(EXIT_LOAD_ERROR);
  }
  if (!awsm_export_func(inst, "_start")) {
    print("awsm: module has no _start export\n");
    awsm_port_exit(EXIT_LOAD_ERROR);
  }
  awsm_result r = awsm_invoke(inst, "_start", NULL, NULL);
  if (r.code != AWSM_TRAP_NONE)
    report_trap(r);
  awsm_port_exit(0);
}

void Reset_Handler(void) {
  for (uint32_t *src = __data_load__, *dst = __data_start__; dst < __data_end__;)
    *dst++ = *src++;
  for (uint32_t *dst = __bss_start__; dst < __bss_end__;)
    *dst++ = 0;
#if defined(__ARM_FP)
  SCB_CPACR |= 0xfu << 20; /* CP10 and CP11: full access to the FPU */
  __asm__ volatile("dsb\n isb" ::: "memory");
#endif
  SCB_SHCSR |= 7u << 16; /* MemManage, BusFault, UsageFault get their own handlers */
  run_module();
}

/* ------------------------------------------------ a compact vsnprintf */

/*
 * The runtime formats its error messages (awsm_error: "%s", "%u", "%d")
 * with vsnprintf, and newlib's costs about 2 KiB of flash. Firmware has no
 * other caller (the guest has its own libc), so this one, which knows %s
 * %d %u %x %c %%, takes its place here; objects built without --board
 * leave vsnprintf to the firmware's C library.
 */
static size_t put(char *buf, size_t size, size_t n, char c) {
  if (n + 1 < size)
    buf[n] = c;
  return n + 1;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap) {
  size_t n = 0;
  for (; *fmt; fmt++) {
    if (*fmt != '%') {
      n = put(buf, size, n, *fmt);
      continue;
    }
    char conv = *++fmt;
    if (conv == 's') {
      for (const char *s = va_arg(ap, const char *); s && *s; s++)
        n = put(buf, size, n, *s);
    } else if (conv == 'c') {
      n = put(buf, size, n, (char)va_arg(ap, int));
    } else if (conv == 'd' || conv == 'u' || conv == 'x') {
      unsigned base = conv == 'x' ? 16 : 10;
      unsigned v = va_arg(ap, unsigned);
      if (conv == 'd' && (int)v < 0) {
        n = put(buf, size, n, '-');
        v = 0u - v;
      }
      char digits[12];
      int d = 0;
      do {
        digits[d++] = "0123456789abcdef"[v % base];
        v /= base;
      } while (v);
      while (d)
        n = put(buf, size, n, digits[--d]);
    } else {
      n = put(buf, size, n, conv ? conv : '%');
      if (!conv)
        break;
    }
  }
  if (size)
    buf[n < size ? n : size - 1] = 0;
  return (int)n;
}

/* ------------------------------------------------- newlib's system calls */

static uint8_t *heap_top = __heap_start__;

void *_sbrk(ptrdiff_t increment) {
  if (increment > __heap_end__ - heap_top || increment < __heap_start__ - heap_top) {
    errno = ENOMEM;
    return (void *)-1;
  }
  uint8_t *old = heap_top;
  heap_top += increment;
  return old;
}

__attribute__((noreturn)) void _exit(int status) { awsm_port_exit(status); }

int _write(int fd, const void *buf, size_t len) { return (int)awsm_port_write(fd, buf, len); }
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
  errno = EINVAL;
  return -1;
}
int _getpid(void) { return 1; }
