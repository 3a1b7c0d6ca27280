/* mandelbrot: membership bitmap of the Mandelbrot set on an N x N grid
 * over [-1.5, 0.5] x [-1, 1], 50 iterations, escape radius 2; prints a
 * hash of the bitmap rather than the image. */
#include "../common/bench.h"
#define N SIZE(3500, 64)

int main(void) {
  uint64_t hash = 1469598103934665603ull;
  long inside = 0;
  for (int y = 0; y < N; y++) {
    double ci = 2.0 * y / N - 1.0;
    unsigned byte = 0;
    for (int x = 0; x < N; x++) {
      double cr = 2.0 * x / N - 1.5, zr = 0, zi = 0, tr = 0, ti = 0;
      int i = 0;
      for (; i < 50 && tr + ti <= 4.0; i++) {
        zi = 2.0 * zr * zi + ci;
        zr = tr - ti + cr;
        tr = zr * zr;
        ti = zi * zi;
      }
      byte = byte << 1 | (tr + ti <= 4.0);
      inside += tr + ti <= 4.0;
      if ((x & 7) == 7 || x == N - 1) {
        hash = (hash ^ byte) * 1099511628211ull;
        byte = 0;
      }
    }
  }
  printf("inside %ld hash %016llx\n", inside, (unsigned long long)hash);
  return 0;
}
