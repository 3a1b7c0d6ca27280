/* gesummv: y <- alpha A x + beta B x, repeated with x fed back. */
#include "../common/bench.h"
#define N SIZE(3600, 36)
#define REPS SIZE(40, 2)

int main(void) {
  double(*A)[N] = ALLOC2(double, N, N);
  double(*B)[N] = ALLOC2(double, N, N);
  double *x = ALLOC1(double, N), *y = ALLOC1(double, N);
  const double alpha = 1.5, beta = 1.2;
  for (int i = 0; i < N; i++) {
    x[i] = (double)(i % N) / N;
    for (int j = 0; j < N; j++) {
      A[i][j] = (double)((i * j + 1) % N) / N;
      B[i][j] = (double)((i * j + 2) % N) / N;
    }
  }
  for (int r = 0; r < REPS; r++) {
    for (int i = 0; i < N; i++) {
      double sa = 0.0, sb = 0.0;
      for (int j = 0; j < N; j++) {
        sa += A[i][j] * x[j];
        sb += B[i][j] * x[j];
      }
      y[i] = alpha * sa + beta * sb;
    }
    double mx = 1.0;
    for (int i = 0; i < N; i++) mx = y[i] > mx ? y[i] : mx;
    for (int i = 0; i < N; i++) x[i] = y[i] / mx;
  }
  CHECK1("y", y, N);
  return 0;
}
