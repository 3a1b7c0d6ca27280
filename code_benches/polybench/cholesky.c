/* cholesky: A = L L^T for a symmetric positive-definite A; L overwrites
 * the lower triangle of A in place (column-by-column, dot-product form). */
#include "../common/bench.h"
#include <math.h>
#define N SIZE(1800, 40)

int main(void) {
  double(*A)[N] = ALLOC2(double, N, N);
  /* symmetric and strictly diagonally dominant, hence positive definite */
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++)
      A[i][j] = i == j ? (double)N : 1.0 / (1.0 + (i > j ? i - j : j - i));
  for (int i = 0; i < N; i++) {
    for (int j = 0; j < i; j++) {
      double s = A[i][j];
      for (int k = 0; k < j; k++) s -= A[i][k] * A[j][k];
      A[i][j] = s / A[j][j];
    }
    double d = A[i][i];
    for (int k = 0; k < i; k++) d -= A[i][k] * A[i][k];
    A[i][i] = sqrt(d);
  }
  for (int i = 0; i < N; i++)
    for (int j = i + 1; j < N; j++) A[i][j] = 0.0;
  CHECK2("L", A, N, N);
  return 0;
}
