/* Quicksort (recursive, median of three) and a verification pass over
 * 4096 pseudo-random int32s, 4 times. */
#include "bench.h"

const char bench_name[] = "sort";

enum { LEN = 4096, ROUNDS = 4 };
static int32_t v[LEN];

static void swap(int32_t *x, int32_t *y) {
  int32_t t = *x;
  *x = *y;
  *y = t;
}

static void quicksort(int32_t *p, int n) {
  while (n > 16) {
    int mid = n / 2;
    if (p[mid] < p[0])
      swap(&p[mid], &p[0]);
    if (p[n - 1] < p[0])
      swap(&p[n - 1], &p[0]);
    if (p[n - 1] < p[mid])
      swap(&p[n - 1], &p[mid]);
    int32_t pivot = p[mid];
    int i = 0, j = n - 1;
    while (i <= j) {
      while (p[i] < pivot)
        i++;
      while (p[j] > pivot)
        j--;
      if (i <= j)
        swap(&p[i++], &p[j--]);
    }
    if (j + 1 < n - i) {
      quicksort(p, j + 1);
      p += i;
      n -= i;
    } else {
      quicksort(p + i, n - i);
      n = j + 1;
    }
  }
  for (int i = 1; i < n; i++) {
    int32_t x = p[i];
    int k = i - 1;
    for (; k >= 0 && p[k] > x; k--)
      p[k + 1] = p[k];
    p[k + 1] = x;
  }
}

uint32_t bench_run(void) {
  uint32_t seed = 2463534242u, check = 0;
  for (int r = 0; r < ROUNDS; r++) {
    for (int i = 0; i < LEN; i++) {
      seed ^= seed << 13;
      seed ^= seed >> 17;
      seed ^= seed << 5;
      v[i] = (int32_t)(seed % 100000u) - 50000;
    }
    quicksort(v, LEN);
    for (int i = 1; i < LEN; i++)
      if (v[i - 1] > v[i])
        return 0xbad;
    check = check * 33u + (uint32_t)v[LEN / 3] + (uint32_t)v[LEN - 1];
  }
  return check;
}
