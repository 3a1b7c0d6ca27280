/* bicg: the two products of BiCG, s <- A^T r and q <- A p, repeated. */
#include "../common/bench.h"
#define M SIZE(4000, 40)
#define N SIZE(4400, 44)
#define REPS SIZE(40, 2)

int main(void) {
  double(*A)[M] = ALLOC2(double, N, M);
  double *s = ALLOC1(double, M), *q = ALLOC1(double, N);
  double *p = ALLOC1(double, M), *r = ALLOC1(double, N);
  for (int i = 0; i < N; i++) {
    r[i] = (double)(i % N) / N;
    for (int j = 0; j < M; j++) A[i][j] = (double)(i * (j + 1) % N) / N;
  }
  for (int j = 0; j < M; j++) p[j] = (double)(j % M) / M;
  for (int rep = 0; rep < REPS; rep++) {
    for (int j = 0; j < M; j++) s[j] = 0.0;
    for (int i = 0; i < N; i++) {
      double qi = 0.0, ri = r[i];
      for (int j = 0; j < M; j++) {
        s[j] += ri * A[i][j];
        qi += A[i][j] * p[j];
      }
      q[i] = qi;
    }
    for (int j = 0; j < M; j++) p[j] = s[j] / (1.0 + s[j]);
  }
  CHECK1("s", s, M);
  CHECK1("q", q, N);
  return 0;
}
