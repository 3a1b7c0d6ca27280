/* Multiple results returned in a struct (what wasm's multi-value would
 * express): divmod, min/max/mean over an array, a complex multiply, and a
 * parser returning a value with a status and a position. */
#include <stdint.h>
#include <stdio.h>

struct divmod {
  int32_t quot, rem;
};
struct stats {
  int32_t min, max;
  int64_t sum;
  double mean;
};
struct complex_ {
  double re, im;
};
struct parsed {
  int ok;
  uint32_t value;
  uint32_t consumed;
};
struct u64pair {
  uint64_t lo, hi;
};

static struct divmod floor_divmod(int32_t a, int32_t b) {
  struct divmod r = {a / b, a % b};
  if (r.rem != 0 && ((r.rem < 0) != (b < 0))) {
    r.quot--;
    r.rem += b;
  }
  return r;
}

static struct stats compute(const int32_t *xs, int n) {
  struct stats s = {xs[0], xs[0], 0, 0};
  for (int i = 0; i < n; i++) {
    if (xs[i] < s.min)
      s.min = xs[i];
    if (xs[i] > s.max)
      s.max = xs[i];
    s.sum += xs[i];
  }
  s.mean = (double)s.sum / n;
  return s;
}

static struct complex_ cmul(struct complex_ a, struct complex_ b) {
  return (struct complex_){a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
}

static struct parsed parse_hex(const char *s) {
  struct parsed p = {0, 0, 0};
  for (; s[p.consumed]; p.consumed++) {
    char c = s[p.consumed];
    uint32_t d;
    if (c >= '0' && c <= '9')
      d = (uint32_t)(c - '0');
    else if (c >= 'a' && c <= 'f')
      d = (uint32_t)(c - 'a' + 10);
    else
      break;
    p.value = p.value * 16 + d;
    p.ok = 1;
  }
  return p;
}

static struct u64pair add128(struct u64pair a, struct u64pair b) {
  struct u64pair r = {a.lo + b.lo, a.hi + b.hi};
  r.hi += r.lo < a.lo;
  return r;
}

int main(void) {
  const int32_t cases[][2] = {{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {6, 3}, {-6, 3}, {0, 5}};
  for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    struct divmod d = floor_divmod(cases[i][0], cases[i][1]);
    printf("floor_divmod(%d, %d) = (%d, %d)\n", cases[i][0], cases[i][1], d.quot, d.rem);
  }
  const int32_t xs[] = {5, -3, 17, 0, 42, -11, 8};
  struct stats s = compute(xs, 7);
  printf("stats min %d max %d sum %lld mean %.6f\n", s.min, s.max, (long long)s.sum, s.mean);
  struct complex_ z = {1, 0}, w = {0.6, 0.8};
  for (int i = 0; i < 10; i++)
    z = cmul(z, w);
  printf("w^10 = %.12f %+.12fi\n", z.re, z.im);
  const char *inputs[] = {"ff", "1a2bzz", "xyz", "deadbeef"};
  for (int i = 0; i < 4; i++) {
    struct parsed p = parse_hex(inputs[i]);
    printf("parse_hex('%s') ok %d value %u consumed %u\n", inputs[i], p.ok, p.value, p.consumed);
  }
  struct u64pair acc = {0, 0}, step = {0xfedcba9876543210ULL, 1};
  for (int i = 0; i < 100; i++)
    acc = add128(acc, step);
  printf("add128 x100 = %016llx%016llx\n", (unsigned long long)acc.hi, (unsigned long long)acc.lo);
  return 0;
}
