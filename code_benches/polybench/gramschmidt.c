/* gramschmidt: QR factorisation A = Q R of an M x N matrix by modified
 * Gram-Schmidt: normalise column k into Q, then remove its component
 * from every later column. */
#include "../common/bench.h"
#include <math.h>
#define M SIZE(640, 30)
#define N SIZE(560, 26)

int main(void) {
  double(*A)[N] = ALLOC2(double, M, N);
  double(*Q)[N] = ALLOC2(double, M, N);
  double(*R)[N] = ALLOC2(double, N, N);
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++) A[i][j] = ((double)((i * j) % M) / M) * 100 + 10 + (i == j ? 50 : 0);
  for (int k = 0; k < N; k++) {
    double nrm = 0.0;
    for (int i = 0; i < M; i++) nrm += A[i][k] * A[i][k];
    R[k][k] = sqrt(nrm);
    for (int i = 0; i < M; i++) Q[i][k] = A[i][k] / R[k][k];
    for (int j = k + 1; j < N; j++) {
      double s = 0.0;
      for (int i = 0; i < M; i++) s += Q[i][k] * A[i][j];
      R[k][j] = s;
      for (int i = 0; i < M; i++) A[i][j] -= Q[i][k] * s;
    }
  }
  CHECK2("R", R, N, N);
  CHECK2("Q", Q, M, N);
  return 0;
}
