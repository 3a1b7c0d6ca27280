/* durbin: Levinson-Durbin recursion solving the Yule-Walker (Toeplitz)
 * system for the autocorrelation sequence r, giving y. O(N^2), repeated. */
#include "../common/bench.h"
#define N SIZE(12000, 60)
#define REPS SIZE(6, 1)

int main(void) {
  double *r = ALLOC1(double, N), *y = ALLOC1(double, N), *z = ALLOC1(double, N);
  double total = 0.0;
  for (int rep = 0; rep < REPS; rep++) {
    for (int i = 0; i < N; i++) r[i] = (double)(N + 1 - i + rep) / (N * 200.0);
    y[0] = -r[0];
    double beta = 1.0, alpha = -r[0];
    for (int k = 1; k < N; k++) {
      beta = (1 - alpha * alpha) * beta;
      double s = 0.0;
      for (int i = 0; i < k; i++) s += r[k - i - 1] * y[i];
      alpha = -(r[k] + s) / beta;
      for (int i = 0; i < k; i++) z[i] = y[i] + alpha * y[k - i - 1];
      for (int i = 0; i < k; i++) y[i] = z[i];
      y[k] = alpha;
    }
    total += checksum_d(y, N);
  }
  CHECK1("y", y, N);
  print_checksum("total", total);
  return 0;
}
