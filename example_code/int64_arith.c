/* 64-bit integer arithmetic: mul/div/rem signed and unsigned, shifts by
 * variable amounts, unsigned wraparound, 64x64->128 via 32-bit halves, and
 * mixing with 32-bit values. Operands come from volatile arrays. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

static volatile int64_t sv[] = {0, 1, -1, 7, -7, 1000000007, -123456789012345LL,
                                INT64_MAX, INT64_MIN + 1, 0x0123456789abcdefLL};
static volatile uint64_t uv[] = {0, 1, 3, 0xffffffffULL, 0x100000000ULL,
                                 0xdeadbeefcafebabeULL, UINT64_MAX, 0x8000000000000000ULL};

static void mul_wide(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo) {
  uint64_t a0 = (uint32_t)a, a1 = a >> 32, b0 = (uint32_t)b, b1 = b >> 32;
  uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  uint64_t mid = (p00 >> 32) + (uint32_t)p01 + (uint32_t)p10;
  *lo = (mid << 32) | (uint32_t)p00;
  *hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

static uint64_t powmod(uint64_t base, uint64_t exp, uint64_t mod) {
  uint64_t r = 1 % mod;
  base %= mod;
  while (exp) {
    if (exp & 1)
      r = r * base % mod; /* mod < 2^32 keeps this exact */
    base = base * base % mod;
    exp >>= 1;
  }
  return r;
}

int main(void) {
  const int ns = sizeof sv / sizeof sv[0], nu = sizeof uv / sizeof uv[0];
  uint64_t check = 0;
  for (int i = 0; i < ns; i++)
    for (int j = 0; j < ns; j++) {
      int64_t a = sv[i], b = sv[j];
      uint64_t prod = (uint64_t)a * (uint64_t)b; /* wrapping multiply */
      check = check * 31 + prod;
      if (b != 0 && !(a == INT64_MIN && b == -1)) {
        check = check * 31 + (uint64_t)(a / b);
        check = check * 31 + (uint64_t)(a % b);
      }
    }
  printf("signed check %016" PRIx64 "\n", check);
  printf("division rounds toward zero: %" PRId64 " %" PRId64 " %" PRId64 " %" PRId64 "\n",
         sv[4] / 2, sv[4] % 2, sv[3] / -2, sv[3] % -2);
  check = 0;
  for (int i = 0; i < nu; i++)
    for (int j = 0; j < nu; j++) {
      uint64_t a = uv[i], b = uv[j];
      check = check * 131 + a * b + (a + b) - (a - b);
      if (b)
        check = check * 131 + a / b + a % b;
    }
  printf("unsigned check %016" PRIx64 "\n", check);
  for (unsigned s = 0; s < 64; s += 9) {
    uint64_t u = uv[5];
    int64_t x = sv[6];
    printf("shift %2u: shl %016" PRIx64 " shr %016" PRIx64 " sar %" PRId64 " rotl %016" PRIx64 "\n",
           s, u << s, u >> s, x >> s, (u << s) | (u >> ((64 - s) & 63)));
  }
  printf("wrap: max+1 %" PRIu64 ", 0-1 %" PRIu64 ", (u32)max %" PRIu32 "\n", uv[6] + 1, uv[0] - 1, (uint32_t)uv[6]);
  uint64_t hi, lo;
  mul_wide(uv[5], uv[6], &hi, &lo);
  printf("mul_wide %016" PRIx64 "%016" PRIx64 "\n", hi, lo);
  mul_wide(0xffffffffffffffffULL, 0xffffffffffffffffULL, &hi, &lo);
  printf("mul_wide max %016" PRIx64 "%016" PRIx64 "\n", hi, lo);
  printf("powmod(3, 10^18, 4294967291) = %" PRIu64 "\n", powmod(3, 1000000000000000000ULL, 4294967291ULL));
  int32_t small = (int32_t)sv[5];
  int64_t widened = (int64_t)small * small;
  printf("widen %" PRId64 " trunc %" PRId32 "\n", widened, (int32_t)widened);
  uint64_t fact = 1;
  for (uint64_t k = 1; k <= 25; k++)
    fact *= k; /* overflows and wraps */
  printf("25! mod 2^64 = %" PRIu64 "\n", fact);
  return 0;
}
