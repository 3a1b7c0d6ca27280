/* gemver: A <- A + u1 v1^T + u2 v2^T;  x <- x + beta A^T y + z;
 * w <- w + alpha A x. Repeated REPS times. */
#include "../common/bench.h"
#define N SIZE(4000, 40)
#define REPS SIZE(12, 1)

int main(void) {
  double(*A)[N] = ALLOC2(double, N, N);
  double *u1 = ALLOC1(double, N), *v1 = ALLOC1(double, N), *u2 = ALLOC1(double, N);
  double *v2 = ALLOC1(double, N), *w = ALLOC1(double, N), *x = ALLOC1(double, N);
  double *y = ALLOC1(double, N), *z = ALLOC1(double, N);
  const double alpha = 1.5, beta = 1.2;
  const double fn = N;
  for (int i = 0; i < N; i++) {
    u1[i] = i / fn / 1e4;
    u2[i] = (i + 1) / fn / 2e4;
    v1[i] = (i + 1) / fn / 4e4;
    v2[i] = (i + 1) / fn / 6e4;
    y[i] = (i + 1) / fn / 8;
    z[i] = (i + 1) / fn / 9;
    for (int j = 0; j < N; j++) A[i][j] = (double)(i * j % N) / N;
  }
  for (int r = 0; r < REPS; r++) {
    for (int i = 0; i < N; i++)
      for (int j = 0; j < N; j++) A[i][j] = A[i][j] + u1[i] * v1[j] + u2[i] * v2[j];
    for (int i = 0; i < N; i++) x[i] = 0.0;
    for (int j = 0; j < N; j++)
      for (int i = 0; i < N; i++) x[i] = x[i] + beta * A[j][i] * y[j];
    for (int i = 0; i < N; i++) x[i] = x[i] + z[i];
    for (int i = 0; i < N; i++) {
      double s = 0.0;
      for (int j = 0; j < N; j++) s += alpha * A[i][j] * x[j];
      w[i] = s / N;
    }
  }
  CHECK1("w", w, N);
  return 0;
}
