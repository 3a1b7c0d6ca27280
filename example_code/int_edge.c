/* Integer edge cases with wasm-defined results: INT_MIN, -INT_MIN via
 * unsigned negation, unsigned division, shifts masked to the width,
 * popcount/clz/ctz/bswap/rotates via builtins, and comparisons at the
 * signed/unsigned boundary. No C undefined behaviour: overflowing
 * operations are done on unsigned types. */
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>

static volatile int32_t vals32[] = {0, 1, -1, INT32_MIN, INT32_MAX, 0x12345678, (int32_t)0x80000001, 256};
static volatile int64_t vals64[] = {0, 1, -1, INT64_MIN, INT64_MAX, 0x0123456789abcdefLL, 1LL << 40};

static uint32_t rotl32(uint32_t x, unsigned k) { return (x << (k & 31)) | (x >> ((32 - k) & 31)); }
static uint32_t rotr32(uint32_t x, unsigned k) { return (x >> (k & 31)) | (x << ((32 - k) & 31)); }

int main(void) {
  int32_t min = vals32[3];
  uint32_t neg_min = 0u - (uint32_t)min;
  printf("INT32_MIN %d, -INT32_MIN wraps to %d\n", min, (int32_t)neg_min);
  printf("INT32_MIN as unsigned %u, / -1 unsigned %u, %% 3 = %d\n", (uint32_t)min, (uint32_t)min / 0xffffffffu, min % 3);
  printf("INT32_MAX + 1 (unsigned) = %d\n", (int32_t)((uint32_t)vals32[4] + 1u));
  printf("INT64_MIN * -1 (unsigned) = %" PRId64 "\n", (int64_t)(0ull - (uint64_t)vals64[3]));
  for (unsigned i = 0; i < sizeof vals32 / sizeof vals32[0]; i++) {
    uint32_t x = (uint32_t)vals32[i];
    printf("x=%08x popcnt %2d clz %2d ctz %2d bswap %08x rotl7 %08x rotr3 %08x sar5 %d shr5 %u\n", x,
           __builtin_popcount(x), x ? __builtin_clz(x) : 32, x ? __builtin_ctz(x) : 32, __builtin_bswap32(x),
           rotl32(x, 7), rotr32(x, 3), vals32[i] >> 5, x >> 5);
  }
  for (unsigned i = 0; i < sizeof vals64 / sizeof vals64[0]; i++) {
    uint64_t x = (uint64_t)vals64[i];
    printf("x=%016" PRIx64 " popcnt %2d clz %2d ctz %2d bswap %016" PRIx64 "\n", x, __builtin_popcountll(x),
           x ? __builtin_clzll(x) : 64, x ? __builtin_ctzll(x) : 64, __builtin_bswap64(x));
  }
  /* Shift counts taken modulo the width, as wasm does, written explicitly. */
  volatile uint32_t count = 37;
  printf("shl by 37&31: %08x, shr64 by 70&63: %016" PRIx64 "\n", 1u << (count & 31),
         (uint64_t)vals64[4] >> (uint64_t)((count + 33) & 63));
  /* Signed/unsigned comparison boundaries */
  int32_t m1 = vals32[2];
  printf("-1 < 1 signed %d, (unsigned)-1 < 1u %d, INT_MIN < INT_MAX %d\n", m1 < 1, (uint32_t)m1 < 1u, min < vals32[4]);
  /* Division and remainder sign rules */
  for (int32_t a = -7; a <= 7; a += 7)
    for (int32_t b = -2; b <= 2; b += 4)
      printf("%d/%d=%d %d%%%d=%d  ", a, b, a / b, a, b, a % b);
  printf("\n");
  /* Saturating helpers built from the builtins that lower to overflow checks */
  int32_t r;
  int ovf = __builtin_add_overflow(vals32[4], 1, &r);
  printf("add_overflow %d -> %d\n", ovf, r);
  ovf = __builtin_mul_overflow(vals32[5], 16, &r);
  printf("mul_overflow %d -> %d\n", ovf, r);
  int64_t r64;
  ovf = __builtin_sub_overflow(vals64[3], (int64_t)1, &r64);
  printf("sub_overflow64 %d -> %" PRId64 "\n", ovf, r64);
  uint32_t abs_min = min < 0 ? 0u - (uint32_t)min : (uint32_t)min;
  printf("abs(INT32_MIN) as unsigned %u\n", abs_min);
  return 0;
}
