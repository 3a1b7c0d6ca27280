/* printf of floats and doubles: %f %e %g %a with precisions and flags, signed
 * zero, infinities, NaN, FLT_MAX/DBL_MAX, FLT_MIN/DBL_MIN, denormals. The
 * values come through volatile so the formatting runs at run time. */
#include <float.h>
#include <math.h>
#include <stdio.h>

static volatile double dvals[] = {0.0, 1.0, -1.5, 0.1, 123456.789, 1e-5, 6.02214076e23, 2.5, 3.5, 1e21, 9.999999e-5};
static volatile float fvals[] = {0.1f, 1.0f / 3.0f, 16777216.0f, 1e-3f, -2.75f};

int main(void) {
  for (unsigned i = 0; i < sizeof dvals / sizeof dvals[0]; i++) {
    double d = dvals[i];
    printf("%%f=%f %%e=%e %%g=%g %%.3f=%.3f %%.0f=%.0f %%.10g=%.10g\n", d, d, d, d, d, d);
  }
  for (unsigned i = 0; i < sizeof fvals / sizeof fvals[0]; i++) {
    float f = fvals[i];
    printf("float %.9g %f %e\n", (double)f, (double)f, (double)f);
  }
  volatile double zero = 0.0;
  double negzero = -zero;
  double inf = 1.0 / zero;
  double nan_ = zero / zero;
  nan_ = fabs(nan_); /* NaN sign from 0/0 is target-specific; normalise it */
  printf("negzero %f %e %g signbit %d\n", negzero, negzero, negzero, signbit(negzero) != 0);
  printf("inf %f %e %g %F\n", inf, -inf, inf, -inf);
  printf("nan %f %e %g %F isnan %d\n", nan_, nan_, nan_, nan_, isnan(nan_) != 0);
  printf("width [%10.3f] [%-10.2e] [%+g] [% f] [%010.4f]\n", 3.14159, -271.828, 1.0, 2.0, -3.5);
  printf("FLT_MAX %e %.0f\n", (double)FLT_MAX, (double)FLT_MAX);
  printf("DBL_MAX %.17g\n", DBL_MAX);
  printf("FLT_MIN %.9g DBL_MIN %.17g\n", (double)FLT_MIN, DBL_MIN);
  volatile double dmin = DBL_MIN;
  double denorm = dmin / 4096.0;
  printf("denormal %.17g %e fpclassify-subnormal %d\n", denorm, denorm, fpclassify(denorm) == FP_SUBNORMAL);
  printf("smallest denormal %g\n", dmin * DBL_EPSILON);
  volatile float fmin_ = FLT_MIN;
  float fden = fmin_ / 1024.0f;
  printf("float denormal %.9g\n", (double)fden);
  printf("hex %a %a %a %a\n", 1.0, -0.5, 0.1, 1024.0);
  printf("rounding %.2f %.2f %.2f %.1f %.0f %.0f\n", 2.675, 1.005, 0.125, 0.25, 0.5, 1.5);
  printf("DBL_EPSILON %g FLT_EPSILON %g\n", DBL_EPSILON, (double)FLT_EPSILON);
  return 0;
}
