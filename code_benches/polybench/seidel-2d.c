/* seidel-2d: Gauss-Seidel sweeps of a 9-point averaging stencil, updated
 * in place (each point sees already-updated neighbours above/left). */
#include "../common/bench.h"
#define N SIZE(1200, 20)
#define TSTEPS SIZE(60, 2)

int main(void) {
  double(*A)[N] = ALLOC2(double, N, N);
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) A[i][j] = ((double)i * (j + 2) + 2) / N;
  for (int t = 0; t < TSTEPS; t++)
    for (int i = 1; i < N - 1; i++)
      for (int j = 1; j < N - 1; j++)
        A[i][j] = (A[i - 1][j - 1] + A[i - 1][j] + A[i - 1][j + 1] + A[i][j - 1] + A[i][j] +
                   A[i][j + 1] + A[i + 1][j - 1] + A[i + 1][j] + A[i + 1][j + 1]) /
                  9.0;
  CHECK2("A", A, N, N);
  return 0;
}
