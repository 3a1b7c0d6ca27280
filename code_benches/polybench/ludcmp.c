/* ludcmp: solve A x = b by LU decomposition (no pivoting), then forward
 * substitution L y = b and back substitution U x = y. */
#include "../common/bench.h"
#define N SIZE(1500, 40)

int main(void) {
  double(*A)[N] = ALLOC2(double, N, N);
  double *b = ALLOC1(double, N), *x = ALLOC1(double, N), *y = ALLOC1(double, N);
  for (int i = 0; i < N; i++) {
    b[i] = (i + 1) / (double)N / 2.0 + 4;
    for (int j = 0; j < N; j++)
      A[i][j] = i == j ? (double)N : (double)((i * 7 + j * 3) % 19) / 19.0 - 0.45;
  }
  for (int i = 0; i < N; i++) {
    for (int j = 0; j < i; j++) {
      double w = A[i][j];
      for (int k = 0; k < j; k++) w -= A[i][k] * A[k][j];
      A[i][j] = w / A[j][j];
    }
    for (int j = i; j < N; j++) {
      double w = A[i][j];
      for (int k = 0; k < i; k++) w -= A[i][k] * A[k][j];
      A[i][j] = w;
    }
  }
  for (int i = 0; i < N; i++) {
    double w = b[i];
    for (int j = 0; j < i; j++) w -= A[i][j] * y[j];
    y[i] = w;
  }
  for (int i = N - 1; i >= 0; i--) {
    double w = y[i];
    for (int j = i + 1; j < N; j++) w -= A[i][j] * x[j];
    x[i] = w / A[i][i];
  }
  CHECK1("x", x, N);
  CHECK2("LU", A, N, N);
  return 0;
}
