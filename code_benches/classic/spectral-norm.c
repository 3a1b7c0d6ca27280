/* spectral-norm: the largest singular value of the infinite matrix
 * a(i,j) = 1/((i+j)(i+j+1)/2 + i + 1), truncated to N x N, by ten power
 * iterations of A^T A. */
#include "../common/bench.h"
#include <math.h>
#define N SIZE(3000, 50)

static double a(int i, int j) { return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1); }

static void mul_Av(const double *v, double *out) {
  for (int i = 0; i < N; i++) {
    double s = 0;
    for (int j = 0; j < N; j++) s += a(i, j) * v[j];
    out[i] = s;
  }
}
static void mul_Atv(const double *v, double *out) {
  for (int i = 0; i < N; i++) {
    double s = 0;
    for (int j = 0; j < N; j++) s += a(j, i) * v[j];
    out[i] = s;
  }
}
static void mul_AtAv(const double *v, double *out, double *tmp) {
  mul_Av(v, tmp);
  mul_Atv(tmp, out);
}

int main(void) {
  double *u = ALLOC1(double, N), *v = ALLOC1(double, N), *t = ALLOC1(double, N);
  for (int i = 0; i < N; i++) u[i] = 1;
  for (int i = 0; i < 10; i++) {
    mul_AtAv(u, v, t);
    mul_AtAv(v, u, t);
  }
  double vbv = 0, vv = 0;
  for (int i = 0; i < N; i++) {
    vbv += u[i] * v[i];
    vv += v[i] * v[i];
  }
  printf("%.9f\n", sqrt(vbv / vv));
  return 0;
}
