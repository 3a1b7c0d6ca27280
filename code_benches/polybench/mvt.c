/* mvt: two matrix-vector products with A and its transpose,
 * x1 <- x1 + A y1, x2 <- x2 + A^T y2; repeated. */
#include "../common/bench.h"
#define N SIZE(4000, 40)
#define REPS SIZE(30, 2)

int main(void) {
  double(*A)[N] = ALLOC2(double, N, N);
  double *x1 = ALLOC1(double, N), *x2 = ALLOC1(double, N);
  double *y1 = ALLOC1(double, N), *y2 = ALLOC1(double, N);
  for (int i = 0; i < N; i++) {
    x1[i] = (double)(i % N) / N;
    x2[i] = (double)((i + 1) % N) / N;
    y1[i] = (double)((i + 3) % N) / N;
    y2[i] = (double)((i + 4) % N) / N;
    for (int j = 0; j < N; j++) A[i][j] = (double)(i * j % N) / N;
  }
  for (int r = 0; r < REPS; r++) {
    for (int i = 0; i < N; i++) {
      double s = x1[i];
      for (int j = 0; j < N; j++) s += A[i][j] * y1[j];
      x1[i] = s / N;
    }
    for (int i = 0; i < N; i++)
      for (int j = 0; j < N; j++) x2[j] += A[i][j] * y2[i] / N;
  }
  CHECK1("x1", x1, N);
  CHECK1("x2", x2, N);
  return 0;
}
