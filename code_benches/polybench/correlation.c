/* correlation: Pearson correlation matrix of M variables observed N times.
 * Centre and scale every column by its mean and standard deviation, then
 * corr = X^T X (upper triangle computed, mirrored). */
#include "../common/bench.h"
#include <math.h>
#define M SIZE(1200, 28)
#define N SIZE(1400, 32)

int main(void) {
  double(*X)[M] = ALLOC2(double, N, M);
  double(*corr)[M] = ALLOC2(double, M, M);
  double *mean = ALLOC1(double, M), *sd = ALLOC1(double, M);
  for (int i = 0; i < N; i++)
    for (int j = 0; j < M; j++) X[i][j] = (double)(i * j) / M + i + (double)((i * 7 + j * 3) % 11) / 10;
  const double eps = 0.1;
  for (int j = 0; j < M; j++) {
    double s = 0.0;
    for (int i = 0; i < N; i++) s += X[i][j];
    mean[j] = s / N;
  }
  for (int j = 0; j < M; j++) {
    double s = 0.0;
    for (int i = 0; i < N; i++) s += (X[i][j] - mean[j]) * (X[i][j] - mean[j]);
    s = sqrt(s / N);
    sd[j] = s <= eps ? 1.0 : s; /* avoid dividing by a near-zero deviation */
  }
  const double sqn = sqrt((double)N);
  for (int i = 0; i < N; i++)
    for (int j = 0; j < M; j++) X[i][j] = (X[i][j] - mean[j]) / (sqn * sd[j]);
  /* corr[a][b] = sum_i X[i][a] X[i][b], accumulated row by row so the
   * inner loop runs along contiguous memory (upper triangle, mirrored) */
  for (int i = 0; i < N; i++)
    for (int a = 0; a < M; a++) {
      double xa = X[i][a];
      for (int b = a + 1; b < M; b++) corr[a][b] += xa * X[i][b];
    }
  for (int a = 0; a < M; a++) {
    corr[a][a] = 1.0;
    for (int b = a + 1; b < M; b++) corr[b][a] = corr[a][b];
  }
  CHECK2("corr", corr, M, M);
  return 0;
}
