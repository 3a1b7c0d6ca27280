/* symm: C <- alpha A B + beta C with A symmetric (M x M), of which only
 * the lower triangle is read; B and C are M x N. */
#include "../common/bench.h"
#define M SIZE(1100, 30)
#define N SIZE(1300, 34)

int main(void) {
  double(*A)[M] = ALLOC2(double, M, M);
  double(*B)[N] = ALLOC2(double, M, N);
  double(*C)[N] = ALLOC2(double, M, N);
  double(*T)[N] = ALLOC2(double, M, N);
  const double alpha = 1.5, beta = 1.2;
  for (int i = 0; i < M; i++) {
    for (int j = 0; j < N; j++) {
      C[i][j] = (double)((i + j) % 100) / M;
      B[i][j] = (double)((N + i - j) % 100) / M;
    }
    for (int j = 0; j <= i; j++) A[i][j] = (double)((i + j) % 100) / M;
    for (int j = i + 1; j < M; j++) A[i][j] = -999; /* never read */
  }
  /* T = A B using sym(A)[i][k] = A[max][min] */
  for (int i = 0; i < M; i++) {
    for (int k = 0; k <= i; k++) {
      double a = A[i][k];
      for (int j = 0; j < N; j++) T[i][j] += a * B[k][j];
    }
    for (int k = i + 1; k < M; k++) {
      double a = A[k][i];
      for (int j = 0; j < N; j++) T[i][j] += a * B[k][j];
    }
  }
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++) C[i][j] = beta * C[i][j] + alpha * T[i][j];
  CHECK2("C", C, M, N);
  return 0;
}
