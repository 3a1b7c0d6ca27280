/* jacobi-1d: 3-point averaging stencil in one dimension, ping-ponging
 * between A and B for TSTEPS steps. */
#include "../common/bench.h"
#define N SIZE(200000, 100)
#define TSTEPS SIZE(2000, 4)

int main(void) {
  double *A = ALLOC1(double, N), *B = ALLOC1(double, N);
  for (int i = 0; i < N; i++) {
    A[i] = ((double)i + 2) / N;
    B[i] = ((double)i + 3) / N;
  }
  for (int t = 0; t < TSTEPS; t++) {
    for (int i = 1; i < N - 1; i++) B[i] = 0.33333 * (A[i - 1] + A[i] + A[i + 1]);
    for (int i = 1; i < N - 1; i++) A[i] = 0.33333 * (B[i - 1] + B[i] + B[i + 1]);
  }
  CHECK1("A", A, N);
  return 0;
}
