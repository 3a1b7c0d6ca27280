/* syrk: symmetric rank-k update of the lower triangle,
 * C <- alpha A A^T + beta C, A is N x M. */
#include "../common/bench.h"
#define N SIZE(1000, 30)
#define M SIZE(1000, 26)

int main(void) {
  double(*A)[M] = ALLOC2(double, N, M);
  double(*C)[N] = ALLOC2(double, N, N);
  const double alpha = 1.5, beta = 1.2;
  for (int i = 0; i < N; i++)
    for (int j = 0; j < M; j++) A[i][j] = (double)((i * j + 1) % N) / N;
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) C[i][j] = (double)((i * j + 2) % M) / M;
  for (int i = 0; i < N; i++) {
    for (int j = 0; j <= i; j++) C[i][j] *= beta;
    for (int k = 0; k < M; k++) {
      double a = alpha * A[i][k];
      for (int j = 0; j <= i; j++) C[i][j] += a * A[j][k];
    }
  }
  CHECK2("C", C, N, N);
  return 0;
}
