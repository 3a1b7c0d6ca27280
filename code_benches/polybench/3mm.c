/* 3mm: G <- (A*B) * (C*D), three dense products. */
#include "../common/bench.h"
#define NI SIZE(700, 30)
#define NJ SIZE(760, 32)
#define NK SIZE(800, 34)
#define NL SIZE(840, 36)
#define NM SIZE(880, 38)

static void matmul(int n, int m, int p, const double *X, const double *Y, double *Z) {
  /* Z (n x p) = X (n x m) * Y (m x p), Z starts zeroed. */
  for (int i = 0; i < n; i++)
    for (int k = 0; k < m; k++) {
      double x = X[(long)i * m + k];
      for (int j = 0; j < p; j++) Z[(long)i * p + j] += x * Y[(long)k * p + j];
    }
}

int main(void) {
  double *A = ALLOC1(double, (long)NI * NK), *B = ALLOC1(double, (long)NK * NJ);
  double *C = ALLOC1(double, (long)NJ * NM), *D = ALLOC1(double, (long)NM * NL);
  double *E = ALLOC1(double, (long)NI * NJ), *F = ALLOC1(double, (long)NJ * NL);
  double *G = ALLOC1(double, (long)NI * NL);
  for (int i = 0; i < NI; i++)
    for (int k = 0; k < NK; k++) A[(long)i * NK + k] = (double)((i * k + 1) % NI) / (5 * NI);
  for (int k = 0; k < NK; k++)
    for (int j = 0; j < NJ; j++) B[(long)k * NJ + j] = (double)((k * (j + 1) + 2) % NJ) / (5 * NJ);
  for (int j = 0; j < NJ; j++)
    for (int m = 0; m < NM; m++) C[(long)j * NM + m] = (double)(j * (m + 3) % NL) / (5 * NL);
  for (int m = 0; m < NM; m++)
    for (int l = 0; l < NL; l++) D[(long)m * NL + l] = (double)((m * (l + 2) + 2) % NK) / (5 * NK);
  matmul(NI, NK, NJ, A, B, E);
  matmul(NJ, NM, NL, C, D, F);
  matmul(NI, NJ, NL, E, F, G);
  CHECK1("G", G, (long)NI * NL);
  return 0;
}
