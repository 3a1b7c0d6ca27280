/* atax: y <- A^T (A x), repeated REPS times with x updated from y. */
#include "../common/bench.h"
#define M SIZE(3800, 38)
#define N SIZE(4200, 42)
#define REPS SIZE(40, 2)

int main(void) {
  double(*A)[N] = ALLOC2(double, M, N);
  double *x = ALLOC1(double, N), *y = ALLOC1(double, N), *t = ALLOC1(double, M);
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++) A[i][j] = (double)((i + j) % N) / (5.0 * M);
  for (int j = 0; j < N; j++) x[j] = 1.0 + (double)j / N;
  for (int r = 0; r < REPS; r++) {
    for (int j = 0; j < N; j++) y[j] = 0.0;
    for (int i = 0; i < M; i++) {
      double s = 0.0;
      for (int j = 0; j < N; j++) s += A[i][j] * x[j];
      t[i] = s;
      for (int j = 0; j < N; j++) y[j] += A[i][j] * s;
    }
    /* keep magnitudes bounded between repetitions */
    double mx = 0.0;
    for (int j = 0; j < N; j++) mx = y[j] > mx ? y[j] : mx;
    for (int j = 0; j < N; j++) x[j] = y[j] / mx;
  }
  CHECK1("y", y, N);
  return 0;
}
