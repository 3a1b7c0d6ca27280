/* jacobi-2d: 5-point averaging stencil in two dimensions, ping-ponging
 * between A and B for TSTEPS steps. */
#include "../common/bench.h"
#define N SIZE(1300, 20)
#define TSTEPS SIZE(300, 4)

int main(void) {
  double(*A)[N] = ALLOC2(double, N, N);
  double(*B)[N] = ALLOC2(double, N, N);
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      A[i][j] = ((double)i * (j + 2) + 2) / N;
      B[i][j] = ((double)i * (j + 3) + 3) / N;
    }
  for (int t = 0; t < TSTEPS; t++) {
    for (int i = 1; i < N - 1; i++)
      for (int j = 1; j < N - 1; j++)
        B[i][j] = 0.2 * (A[i][j] + A[i][j - 1] + A[i][j + 1] + A[i + 1][j] + A[i - 1][j]);
    for (int i = 1; i < N - 1; i++)
      for (int j = 1; j < N - 1; j++)
        A[i][j] = 0.2 * (B[i][j] + B[i][j - 1] + B[i][j + 1] + B[i + 1][j] + B[i - 1][j]);
  }
  CHECK2("A", A, N, N);
  return 0;
}
