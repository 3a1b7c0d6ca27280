/* Shared helpers for the awsm benchmarks. Every benchmark is one C file,
 * takes no arguments, and prints a deterministic checksum on stdout; the
 * harness compares that output across engines. Build with -DQUICK for the
 * tiny dataset the harness self-test uses. */
#ifndef AWSM_BENCH_H
#define AWSM_BENCH_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Pick the dataset size: SIZE(full, quick). */
#ifdef QUICK
#define SIZE(full, quick) (quick)
#else
#define SIZE(full, quick) (full)
#endif

/* Heap arrays, zeroed, aborting on failure. The kernels index them as
 * flat row-major arrays through the macros below so that the compiler sees
 * the same address arithmetic natively and in wasm. */
static inline void *bench_alloc(size_t count, size_t elem) {
  void *p = calloc(count, elem);
  if (!p) {
    fprintf(stderr, "out of memory\n");
    exit(2);
  }
  return p;
}
#define ALLOC1(T, n) ((T *)bench_alloc((size_t)(n), sizeof(T)))
#define ALLOC2(T, n, m) ((T(*)[m])bench_alloc((size_t)(n) * (size_t)(m), sizeof(T)))
#define ALLOC3(T, n, m, k) ((T(*)[m][k])bench_alloc((size_t)(n) * (size_t)(m) * (size_t)(k), sizeof(T)))

/* Checksums. Summation in a fixed order with a position weight so that a
 * transposed or shifted result changes the value; printed in hex of the
 * double so that native and wasm must agree to the last bit. */
static inline double checksum_d(const double *a, long n) {
  double s = 0.0;
  for (long i = 0; i < n; i++) s += a[i] * (double)(1 + (i % 7));
  return s;
}
static inline void print_checksum(const char *name, double s) {
  union { double d; uint64_t u; } v = {s};
  printf("%s %.10e %016llx\n", name, s, (unsigned long long)v.u);
}
#define CHECK1(name, a, n) print_checksum(name, checksum_d((const double *)(a), (long)(n)))
#define CHECK2(name, a, n, m) print_checksum(name, checksum_d((const double *)(a), (long)(n) * (long)(m)))
#define CHECK3(name, a, n, m, k) \
  print_checksum(name, checksum_d((const double *)(a), (long)(n) * (long)(m) * (long)(k)))

#endif
