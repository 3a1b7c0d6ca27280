/* covariance: sample covariance matrix of M variables observed N times,
 * cov = (X - mean)^T (X - mean) / (N - 1). */
#include "../common/bench.h"
#define M SIZE(1200, 28)
#define N SIZE(1400, 32)

int main(void) {
  double(*X)[M] = ALLOC2(double, N, M);
  double(*cov)[M] = ALLOC2(double, M, M);
  double *mean = ALLOC1(double, M);
  for (int i = 0; i < N; i++)
    for (int j = 0; j < M; j++) X[i][j] = (double)((i * (j + 1)) % N) / M;
  for (int j = 0; j < M; j++) {
    double s = 0.0;
    for (int i = 0; i < N; i++) s += X[i][j];
    mean[j] = s / N;
  }
  for (int i = 0; i < N; i++)
    for (int j = 0; j < M; j++) X[i][j] -= mean[j];
  /* cov[a][b] = sum_i X[i][a] X[i][b] / (N - 1), accumulated row by row
   * (contiguous inner loop), upper triangle then mirrored */
  for (int i = 0; i < N; i++)
    for (int a = 0; a < M; a++) {
      double xa = X[i][a];
      for (int b = a; b < M; b++) cov[a][b] += xa * X[i][b];
    }
  for (int a = 0; a < M; a++)
    for (int b = a; b < M; b++) {
      cov[a][b] /= (N - 1.0);
      cov[b][a] = cov[a][b];
    }
  CHECK2("cov", cov, M, M);
  return 0;
}
