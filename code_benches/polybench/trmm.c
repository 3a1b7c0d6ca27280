/* trmm: triangular matrix product B <- alpha A^T B where A (M x M) is
 * unit lower triangular (diagonal taken as 1, upper part never read). */
#include "../common/bench.h"
#define M SIZE(1300, 30)
#define N SIZE(1500, 34)

int main(void) {
  double(*A)[M] = ALLOC2(double, M, M);
  double(*B)[N] = ALLOC2(double, M, N);
  const double alpha = 1.5;
  for (int i = 0; i < M; i++) {
    for (int j = 0; j < i; j++) A[i][j] = (double)((i + j) % M) / M;
    A[i][i] = 1.0;
    for (int j = 0; j < N; j++) B[i][j] = (double)((N + (i - j)) % N) / N;
  }
  /* row i of the result only reads rows k >= i of B, so going down the
   * rows lets B be overwritten in place */
  for (int i = 0; i < M; i++) {
    for (int k = i + 1; k < M; k++) {
      double a = A[k][i];
      for (int j = 0; j < N; j++) B[i][j] += a * B[k][j];
    }
    for (int j = 0; j < N; j++) B[i][j] *= alpha;
  }
  CHECK2("B", B, M, N);
  return 0;
}
