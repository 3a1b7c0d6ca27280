/*
 * print.h — the result line both platforms print, without libc:
 * "<name> checksum=0x<hex> ns=<decimal>\n". `write` is the platform's.
 */
#ifndef BENCH_PRINT_H
#define BENCH_PRINT_H

#include "bench.h"

static void bench_report(void (*write)(const char *, unsigned long), uint32_t checksum,
                         uint64_t ns) {
  char line[96];
  unsigned n = 0;
  for (const char *s = bench_name; *s; s++)
    line[n++] = *s;
  for (const char *s = " checksum=0x"; *s; s++)
    line[n++] = *s;
  for (int i = 28; i >= 0; i -= 4)
    line[n++] = "0123456789abcdef"[(checksum >> i) & 15];
  for (const char *s = " ns="; *s; s++)
    line[n++] = *s;
  char digits[24];
  int d = 0;
  do {
    digits[d++] = (char)('0' + ns % 10);
    ns /= 10;
  } while (ns);
  while (d)
    line[n++] = digits[--d];
  line[n++] = '\n';
  write(line, n);
}

#endif
