/* trisolv: forward substitution solving L x = b for lower-triangular L;
 * repeated with b perturbed each time. */
#include "../common/bench.h"
#define N SIZE(5000, 40)
#define REPS SIZE(40, 2)

int main(void) {
  double(*L)[N] = ALLOC2(double, N, N);
  double *x = ALLOC1(double, N), *b = ALLOC1(double, N);
  for (int i = 0; i < N; i++) {
    for (int j = 0; j < i; j++) L[i][j] = (double)(i + N - j + 1) * 2 / N / N;
    L[i][i] = 2.0 + (double)i / N;
  }
  double total = 0.0;
  for (int r = 0; r < REPS; r++) {
    for (int i = 0; i < N; i++) b[i] = (double)(i + r) / N;
    for (int i = 0; i < N; i++) {
      double s = b[i];
      for (int j = 0; j < i; j++) s -= L[i][j] * x[j];
      x[i] = s / L[i][i];
    }
    total += checksum_d(x, N);
  }
  CHECK1("x", x, N);
  print_checksum("total", total);
  return 0;
}
