/* deriche: Deriche's recursive edge-detection / smoothing filter on a W x H
 * single-precision image: a causal and an anti-causal second-order IIR
 * pass along rows, summed, then the same along columns.
 * The filter coefficients need exp(); it is computed here with a fixed
 * series so native and wasm libms cannot disagree in the last bit. */
#include "../common/bench.h"
#define W SIZE(5000, 64)
#define H SIZE(3000, 48)
#define REPS SIZE(1, 1)

static double series_exp(double x) { /* exp(x) for small |x|: 30 terms */
  double term = 1.0, sum = 1.0;
  for (int n = 1; n < 30; n++) {
    term *= x / n;
    sum += term;
  }
  return sum;
}

int main(void) {
  float(*in)[H] = ALLOC2(float, W, H);
  float(*out)[H] = ALLOC2(float, W, H);
  float(*y1)[H] = ALLOC2(float, W, H);
  float(*y2)[H] = ALLOC2(float, W, H);
  for (int i = 0; i < W; i++)
    for (int j = 0; j < H; j++) in[i][j] = (float)((313 * i + 991 * j) % 65536) / 65535.0f;

  const double alpha = 0.25;
  const double ea = series_exp(-alpha), e2a = series_exp(-2 * alpha);
  const double kd = (1 - ea) * (1 - ea) / (1 + 2 * alpha * ea - e2a);
  const float k = (float)kd;
  const float a1 = k, a5 = k;
  const float a2 = (float)(kd * ea * (alpha - 1)), a6 = a2;
  const float a3 = (float)(kd * ea * (alpha + 1)), a7 = a3;
  const float a4 = (float)(-kd * e2a), a8 = a4;
  const float b1 = (float)(2 * ea), b2 = (float)(-e2a);
  const float c1 = 1.0f, c2 = 1.0f;

  for (int r = 0; r < REPS; r++) {
    for (int i = 0; i < W; i++) { /* rows, causal */
      float ym1 = 0, ym2 = 0, xm1 = 0;
      for (int j = 0; j < H; j++) {
        y1[i][j] = a1 * in[i][j] + a2 * xm1 + b1 * ym1 + b2 * ym2;
        xm1 = in[i][j];
        ym2 = ym1;
        ym1 = y1[i][j];
      }
    }
    for (int i = 0; i < W; i++) { /* rows, anti-causal */
      float yp1 = 0, yp2 = 0, xp1 = 0, xp2 = 0;
      for (int j = H - 1; j >= 0; j--) {
        y2[i][j] = a3 * xp1 + a4 * xp2 + b1 * yp1 + b2 * yp2;
        xp2 = xp1;
        xp1 = in[i][j];
        yp2 = yp1;
        yp1 = y2[i][j];
      }
    }
    for (int i = 0; i < W; i++)
      for (int j = 0; j < H; j++) out[i][j] = c1 * (y1[i][j] + y2[i][j]);
    for (int j = 0; j < H; j++) { /* columns, causal */
      float tm1 = 0, ym1 = 0, ym2 = 0;
      for (int i = 0; i < W; i++) {
        y1[i][j] = a5 * out[i][j] + a6 * tm1 + b1 * ym1 + b2 * ym2;
        tm1 = out[i][j];
        ym2 = ym1;
        ym1 = y1[i][j];
      }
    }
    for (int j = 0; j < H; j++) { /* columns, anti-causal */
      float tp1 = 0, tp2 = 0, yp1 = 0, yp2 = 0;
      for (int i = W - 1; i >= 0; i--) {
        y2[i][j] = a7 * tp1 + a8 * tp2 + b1 * yp1 + b2 * yp2;
        tp2 = tp1;
        tp1 = out[i][j];
        yp2 = yp1;
        yp1 = y2[i][j];
      }
    }
    for (int i = 0; i < W; i++)
      for (int j = 0; j < H; j++) out[i][j] = c2 * (y1[i][j] + y2[i][j]);
  }
  double s = 0.0;
  for (int i = 0; i < W; i++)
    for (int j = 0; j < H; j++) s += (double)out[i][j] * (1 + (i + j) % 7);
  print_checksum("out", s);
  return 0;
}
