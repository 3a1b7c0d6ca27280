/* doitgen: multi-resolution analysis kernel; every (r, q) slice of the
 * 3-D array A is multiplied by the P x P matrix C4: A[r][q][:] <- A[r][q][:] * C4. */
#include "../common/bench.h"
#define NR SIZE(220, 10)
#define NQ SIZE(240, 12)
#define NP SIZE(256, 14)

int main(void) {
  double(*A)[NQ][NP] = ALLOC3(double, NR, NQ, NP);
  double(*C4)[NP] = ALLOC2(double, NP, NP);
  double *sum = ALLOC1(double, NP);
  for (int r = 0; r < NR; r++)
    for (int q = 0; q < NQ; q++)
      for (int p = 0; p < NP; p++) A[r][q][p] = (double)((r * q + p) % NP) / NP;
  for (int s = 0; s < NP; s++)
    for (int p = 0; p < NP; p++) C4[s][p] = (double)(s * p % NP) / NP;
  for (int r = 0; r < NR; r++)
    for (int q = 0; q < NQ; q++) {
      for (int p = 0; p < NP; p++) sum[p] = 0.0;
      for (int s = 0; s < NP; s++) {
        double a = A[r][q][s];
        for (int p = 0; p < NP; p++) sum[p] += a * C4[s][p];
      }
      for (int p = 0; p < NP; p++) A[r][q][p] = sum[p];
    }
  CHECK3("A", A, NR, NQ, NP);
  return 0;
}
