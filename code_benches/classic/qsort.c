/* qsort: a hand-written quicksort (median of three, insertion sort for
 * short ranges) on generated 32-bit keys; no libc qsort, so native and
 * wasm run the same algorithm. */
#include "../common/bench.h"
#define N SIZE(4000000, 2000)
#define ROUNDS SIZE(3, 1)

static void insertion(int32_t *a, long lo, long hi) {
  for (long i = lo + 1; i <= hi; i++) {
    int32_t v = a[i];
    long j = i - 1;
    while (j >= lo && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

static void quicksort(int32_t *a, long lo, long hi) {
  while (hi - lo > 16) {
    long mid = lo + (hi - lo) / 2;
    if (a[mid] < a[lo]) { int32_t t = a[mid]; a[mid] = a[lo]; a[lo] = t; }
    if (a[hi] < a[lo]) { int32_t t = a[hi]; a[hi] = a[lo]; a[lo] = t; }
    if (a[hi] < a[mid]) { int32_t t = a[hi]; a[hi] = a[mid]; a[mid] = t; }
    int32_t pivot = a[mid];
    long i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        int32_t t = a[i]; a[i] = a[j]; a[j] = t;
        i++;
        j--;
      }
    }
    /* recurse into the smaller half, loop on the larger */
    if (j - lo < hi - i) {
      quicksort(a, lo, j);
      lo = i;
    } else {
      quicksort(a, i, hi);
      hi = j;
    }
  }
  insertion(a, lo, hi);
}

int main(void) {
  int32_t *a = ALLOC1(int32_t, N);
  uint32_t x = 88172645u;
  uint64_t sum = 0;
  for (int r = 0; r < ROUNDS; r++) {
    for (long i = 0; i < N; i++) {
      x ^= x << 13; x ^= x >> 17; x ^= x << 5;
      a[i] = (int32_t)(x % 1000000007u) - 500000000;
    }
    quicksort(a, 0, N - 1);
    for (long i = 1; i < N; i++)
      if (a[i - 1] > a[i]) { printf("unsorted at %ld\n", i); return 1; }
    for (long i = 0; i < N; i += N / 100) sum += (uint32_t)a[i];
  }
  printf("sorted sum %llu\n", (unsigned long long)sum);
  return 0;
}
