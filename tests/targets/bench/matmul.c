/* 40x40 int32 matrix multiply, 4 times (float-free, so soft- and
 * hard-float builds do the same work). */
#include "bench.h"

const char bench_name[] = "matmul";

enum { N = 40, ROUNDS = 4 };
static int32_t a[N][N], b[N][N], c[N][N];

uint32_t bench_run(void) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      a[i][j] = (i * 7 + j * 3) % 17 - 8;
      b[i][j] = (i * 5 + j * 11) % 13 - 6;
    }
  uint32_t sum = 0;
  for (int r = 0; r < ROUNDS; r++) {
    for (int i = 0; i < N; i++)
      for (int j = 0; j < N; j++) {
        int32_t s = r;
        for (int k = 0; k < N; k++)
          s += a[i][k] * b[k][j];
        c[i][j] = s;
      }
    for (int i = 0; i < N; i++)
      for (int j = 0; j < N; j++)
        sum = sum * 31u + (uint32_t)c[i][j];
  }
  return sum;
}
