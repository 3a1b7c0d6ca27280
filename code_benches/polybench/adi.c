/* adi: alternating-direction implicit scheme for the 2-D heat equation.
 * Each time step does an implicit solve along x for every column, then
 * along y for every row; each solve is a tridiagonal (Thomas) system
 * with constant coefficients a, b, c. */
#include "../common/bench.h"
#define N SIZE(500, 20)
#define TSTEPS SIZE(100, 4)

int main(void) {
  double(*u)[N] = ALLOC2(double, N, N);
  double(*v)[N] = ALLOC2(double, N, N);
  double(*p)[N] = ALLOC2(double, N, N);
  double(*q)[N] = ALLOC2(double, N, N);
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) u[i][j] = (double)(i + N - j) / N;

  /* diffusion numbers dt*D/h^2 along x and y, small enough for the
   * explicit half of each step to stay bounded */
  const double mx = 0.5, my = 0.25;
  /* implicit along one axis: -m/2 u[k-1] + (1+m) u[k] - m/2 u[k+1] = rhs */
  const double ax = -mx / 2, bx = 1 + mx, cx = -mx / 2;
  const double ay = -my / 2, by = 1 + my, cy = -my / 2;

  for (int t = 1; t <= TSTEPS; t++) {
    /* sweep 1: for each column i, solve along j into v (explicit in y) */
    for (int i = 1; i < N - 1; i++) {
      v[0][i] = 1.0;
      p[i][0] = 0.0;
      q[i][0] = v[0][i];
      for (int j = 1; j < N - 1; j++) {
        double rhs = -ay * u[j][i - 1] + (1 - 2 * (-ay)) * u[j][i] - ay * u[j][i + 1];
        double den = ax * p[i][j - 1] + bx;
        p[i][j] = -cx / den;
        q[i][j] = (rhs - ax * q[i][j - 1]) / den;
      }
      v[N - 1][i] = 1.0;
      for (int j = N - 2; j >= 1; j--) v[j][i] = p[i][j] * v[j + 1][i] + q[i][j];
    }
    /* sweep 2: for each row i, solve along j into u (explicit in x) */
    for (int i = 1; i < N - 1; i++) {
      u[i][0] = 1.0;
      p[i][0] = 0.0;
      q[i][0] = u[i][0];
      for (int j = 1; j < N - 1; j++) {
        double rhs = -ax * v[i - 1][j] + (1 - 2 * (-ax)) * v[i][j] - ax * v[i + 1][j];
        double den = ay * p[i][j - 1] + by;
        p[i][j] = -cy / den;
        q[i][j] = (rhs - ay * q[i][j - 1]) / den;
      }
      u[i][N - 1] = 1.0;
      for (int j = N - 2; j >= 1; j--) u[i][j] = p[i][j] * u[i][j + 1] + q[i][j];
    }
  }
  CHECK2("u", u, N, N);
  return 0;
}
