/* gemm: C <- alpha*A*B + beta*C, A is NI x NK, B is NK x NJ. */
#include "../common/bench.h"
#define NI SIZE(900, 40)
#define NJ SIZE(1000, 44)
#define NK SIZE(1100, 48)

int main(void) {
  double(*A)[NK] = ALLOC2(double, NI, NK);
  double(*B)[NJ] = ALLOC2(double, NK, NJ);
  double(*C)[NJ] = ALLOC2(double, NI, NJ);
  const double alpha = 1.5, beta = 1.2;
  for (int i = 0; i < NI; i++)
    for (int k = 0; k < NK; k++) A[i][k] = (double)((i * (k + 1)) % NK) / NK;
  for (int k = 0; k < NK; k++)
    for (int j = 0; j < NJ; j++) B[k][j] = (double)((k * (j + 2)) % NJ) / NJ;
  for (int i = 0; i < NI; i++)
    for (int j = 0; j < NJ; j++) C[i][j] = (double)((i * j + 1) % NI) / NI;

  for (int i = 0; i < NI; i++) {
    for (int j = 0; j < NJ; j++) C[i][j] *= beta;
    for (int k = 0; k < NK; k++) {
      double a = alpha * A[i][k];
      for (int j = 0; j < NJ; j++) C[i][j] += a * B[k][j];
    }
  }
  CHECK2("C", C, NI, NJ);
  return 0;
}
