/* Float math from math.h in double and float: sqrt, floor, ceil, trunc,
 * round, rint/nearbyint (ties to even), fabs, fmin/fmax (NaN handling),
 * copysign, fmod, and the float<->int conversions that are defined in C.
 * Uses only functions whose results are exactly specified (correctly
 * rounded or exact), so any libm must agree. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>

static volatile double dv[] = {2.5, -2.5, 3.5, -0.5, 0.49999999999999994, 1e16 + 1, 7.0, -7.25, 1e300, 4503599627370497.0};
static volatile float fv[] = {2.5f, -3.5f, 0.75f, -0.0f, 8388609.0f, 1e30f};

int main(void) {
  for (unsigned i = 0; i < sizeof dv / sizeof dv[0]; i++) {
    double x = dv[i];
    printf("%.17g: sqrt|x| %.17g floor %.17g ceil %.17g trunc %.17g round %.17g rint %.17g nearbyint %.17g fabs %.17g\n",
           x, sqrt(fabs(x)), floor(x), ceil(x), trunc(x), round(x), rint(x), nearbyint(x), fabs(x));
  }
  for (unsigned i = 0; i < sizeof fv / sizeof fv[0]; i++) {
    float x = fv[i];
    printf("%.9g: sqrtf %.9g floorf %.9g ceilf %.9g truncf %.9g rintf %.9g fabsf %.9g\n", (double)x,
           (double)sqrtf(fabsf(x)), (double)floorf(x), (double)ceilf(x), (double)truncf(x), (double)rintf(x),
           (double)fabsf(x));
  }
  volatile double zero = 0.0;
  double nan_ = fabs(zero / zero), inf = 1.0 / zero, nz = -zero;
  /* (fmin/fmax of -0 and +0 may return either zero in C, so not printed) */
  printf("fmin(1,nan) %g fmax(nan,2) %g fmin(-1,-0) %g fmax(inf,1) %g\n", fmin(1.0, nan_), fmax(nan_, 2.0), fmin(-1.0, nz),
         fmax(inf, 1.0));
  printf("fminf %g fmaxf %g\n", (double)fminf(-3.0f, 2.0f), (double)fmaxf(-3.0f, 2.0f));
  printf("copysign %g %g %g %g\n", copysign(3.0, -0.0), copysign(-2.0, 1.0), copysign(inf, -1.0), (double)copysignf(1.5f, -2.0f));
  printf("sqrt(-1) isnan %d, sqrt(inf) %g, sqrt(-0) %g\n", isnan(sqrt(-dv[6])) != 0, sqrt(inf), sqrt(nz));
  printf("floor(-0.5) %g ceil(-0.5) %g trunc(-0.7) %g\n", floor(dv[3]), ceil(dv[3]), trunc(dv[3] - 0.2));
  printf("fmod(7.5, 2) %g fmod(-7.5, 2) %g\n", fmod(7.5, dv[6] - 5.0), fmod(-7.5, dv[6] - 5.0));
  /* C-defined conversions (values in range) */
  printf("(int)-7.25 %d (int64)1e15 %lld (uint32)3e9 %u (float)16777217 %.1f\n", (int32_t)dv[7], (long long)(int64_t)(dv[8] * 0 + 1e15),
         (uint32_t)(dv[6] * 428571428.0 + 4.0), (double)(float)(16777216.0 + dv[6] / 7.0));
  printf("(double)INT64_MAX %.17g (double)UINT64_MAX %.17g (float)UINT32_MAX %.9g\n", (double)(int64_t)INT64_MAX,
         (double)UINT64_MAX, (double)(float)UINT32_MAX);
  volatile uint64_t u = 0x8000000000000801ULL;
  volatile int64_t s = -0x7ffffffffffffc01LL;
  printf("u64->f64 %.17g i64->f64 %.17g u64->f32 %.9g\n", (double)u, (double)s, (double)(float)u);
  /* Accumulated arithmetic: ordering matters, so this checks no reassociation. */
  double acc = 0;
  for (int i = 1; i <= 100000; i++)
    acc += 1.0 / ((double)i * i);
  float facc = 0;
  for (int i = 1; i <= 1000; i++)
    facc += 0.1f;
  printf("basel %.17g float sum %.9g\n", acc, (double)facc);
  printf("fma-free product %.17g\n", dv[9] * dv[9] - 2.0 * dv[9]);
  return 0;
}
