/* fdtd-2d: 2-D finite-difference time-domain (Yee) update of the
 * electric fields ex, ey and the magnetic field hz over TMAX steps, with
 * a source injected on the first row of ey each step. */
#include "../common/bench.h"
#define NX SIZE(1000, 20)
#define NY SIZE(1200, 24)
#define TMAX SIZE(100, 4)

int main(void) {
  double(*ex)[NY] = ALLOC2(double, NX, NY);
  double(*ey)[NY] = ALLOC2(double, NX, NY);
  double(*hz)[NY] = ALLOC2(double, NX, NY);
  double *src = ALLOC1(double, TMAX);
  for (int t = 0; t < TMAX; t++) src[t] = (double)t;
  for (int i = 0; i < NX; i++)
    for (int j = 0; j < NY; j++) {
      ex[i][j] = (double)(i * (j + 1)) / NX;
      ey[i][j] = (double)(i * (j + 2)) / NY;
      hz[i][j] = (double)(i * (j + 3)) / NX;
    }
  for (int t = 0; t < TMAX; t++) {
    for (int j = 0; j < NY; j++) ey[0][j] = src[t];
    for (int i = 1; i < NX; i++)
      for (int j = 0; j < NY; j++) ey[i][j] -= 0.5 * (hz[i][j] - hz[i - 1][j]);
    for (int i = 0; i < NX; i++)
      for (int j = 1; j < NY; j++) ex[i][j] -= 0.5 * (hz[i][j] - hz[i][j - 1]);
    for (int i = 0; i < NX - 1; i++)
      for (int j = 0; j < NY - 1; j++)
        hz[i][j] -= 0.7 * (ex[i][j + 1] - ex[i][j] + ey[i + 1][j] - ey[i][j]);
  }
  CHECK2("ex", ex, NX, NY);
  CHECK2("ey", ey, NX, NY);
  CHECK2("hz", hz, NX, NY);
  return 0;
}
