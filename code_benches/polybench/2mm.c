/* 2mm: two chained products, D <- alpha*(A*B)*C + beta*D. */
#include "../common/bench.h"
#define NI SIZE(800, 32)
#define NJ SIZE(900, 36)
#define NK SIZE(1000, 40)
#define NL SIZE(1100, 44)

int main(void) {
  double(*A)[NK] = ALLOC2(double, NI, NK);
  double(*B)[NJ] = ALLOC2(double, NK, NJ);
  double(*C)[NL] = ALLOC2(double, NJ, NL);
  double(*D)[NL] = ALLOC2(double, NI, NL);
  double(*T)[NJ] = ALLOC2(double, NI, NJ);
  const double alpha = 1.5, beta = 1.2;
  for (int i = 0; i < NI; i++)
    for (int k = 0; k < NK; k++) A[i][k] = (double)((i * k + 1) % NI) / NI;
  for (int k = 0; k < NK; k++)
    for (int j = 0; j < NJ; j++) B[k][j] = (double)(k * (j + 1) % NJ) / NJ;
  for (int j = 0; j < NJ; j++)
    for (int l = 0; l < NL; l++) C[j][l] = (double)((j * (l + 3) + 1) % NL) / NL;
  for (int i = 0; i < NI; i++)
    for (int l = 0; l < NL; l++) D[i][l] = (double)(i * (l + 2) % NK) / NK;

  /* T = alpha * A * B */
  for (int i = 0; i < NI; i++)
    for (int k = 0; k < NK; k++) {
      double a = alpha * A[i][k];
      for (int j = 0; j < NJ; j++) T[i][j] += a * B[k][j];
    }
  /* D = beta * D + T * C */
  for (int i = 0; i < NI; i++) {
    for (int l = 0; l < NL; l++) D[i][l] *= beta;
    for (int j = 0; j < NJ; j++) {
      double t = T[i][j];
      for (int l = 0; l < NL; l++) D[i][l] += t * C[j][l];
    }
  }
  CHECK2("D", D, NI, NL);
  return 0;
}
