/* lu: in-place LU decomposition without pivoting, A = L U with L unit
 * lower triangular (below the diagonal) and U upper (on and above). */
#include "../common/bench.h"
#define N SIZE(1200, 40)

int main(void) {
  double(*A)[N] = ALLOC2(double, N, N);
  /* strictly diagonally dominant: no pivoting needed */
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++)
      A[i][j] = i == j ? (double)N : (double)((i * 3 + j * 5) % 17) / 17.0 - 0.4;
  for (int i = 0; i < N; i++) {
    for (int j = 0; j < i; j++) { /* L part of row i */
      double s = A[i][j];
      for (int k = 0; k < j; k++) s -= A[i][k] * A[k][j];
      A[i][j] = s / A[j][j];
    }
    for (int j = i; j < N; j++) { /* U part of row i */
      double s = A[i][j];
      for (int k = 0; k < i; k++) s -= A[i][k] * A[k][j];
      A[i][j] = s;
    }
  }
  CHECK2("LU", A, N, N);
  return 0;
}
