/* syr2k: symmetric rank-2k update of the lower triangle,
 * C <- alpha A B^T + alpha B A^T + beta C, A and B are N x M. */
#include "../common/bench.h"
#define N SIZE(1100, 30)
#define M SIZE(1000, 26)

int main(void) {
  double(*A)[M] = ALLOC2(double, N, M);
  double(*B)[M] = ALLOC2(double, N, M);
  double(*C)[N] = ALLOC2(double, N, N);
  const double alpha = 1.5, beta = 1.2;
  for (int i = 0; i < N; i++)
    for (int j = 0; j < M; j++) {
      A[i][j] = (double)((i * j + 1) % N) / N;
      B[i][j] = (double)((i * j + 2) % M) / M;
    }
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) C[i][j] = (double)((i * j + 3) % N) / M;
  for (int i = 0; i < N; i++) {
    for (int j = 0; j <= i; j++) C[i][j] *= beta;
    for (int j = 0; j <= i; j++) {
      double s = 0.0;
      for (int k = 0; k < M; k++) s += A[j][k] * B[i][k] + B[j][k] * A[i][k];
      C[i][j] += alpha * s;
    }
  }
  CHECK2("C", C, N, N);
  return 0;
}
