/* Sign and zero extension: int8/int16 <-> int32/int64 conversions, loads of
 * narrow signed/unsigned values from memory (i32.load8_s and friends), and
 * truncating stores, over every interesting bit pattern. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

static volatile uint32_t patterns[] = {0, 1, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x12345678, 0x87654321, 0xffffffff};
static int8_t bytes[8];
static int16_t halves[8];
static int32_t words[8];

int main(void) {
  for (unsigned i = 0; i < sizeof patterns / sizeof patterns[0]; i++) {
    uint32_t p = patterns[i];
    int8_t s8 = (int8_t)p;
    uint8_t u8 = (uint8_t)p;
    int16_t s16 = (int16_t)p;
    uint16_t u16 = (uint16_t)p;
    int32_t s32 = (int32_t)p;
    int64_t e8 = s8, e16 = s16, e32 = s32;
    uint64_t z8 = u8, z16 = u16, z32 = p;
    printf("%08x: s8 %4d u8 %3u s16 %6d u16 %5u | i64 %" PRId64 " %" PRId64 " %" PRId64 " | u64 %" PRIu64 " %" PRIu64
           " %" PRIu64 "\n",
           p, s8, u8, s16, u16, e8, e16, e32, z8, z16, z32);
  }
  /* Narrow loads and stores through memory (volatile keeps the accesses). */
  volatile int8_t *vb = bytes;
  volatile int16_t *vh = halves;
  volatile int32_t *vw = words;
  for (int i = 0; i < 8; i++) {
    vw[i] = (int32_t)(patterns[i + 3] * 0x01010101u);
    vh[i] = (int16_t)vw[i]; /* truncating store of the low 16 bits */
    vb[i] = (int8_t)vh[i];
  }
  int64_t sum = 0;
  uint64_t usum = 0;
  for (int i = 0; i < 8; i++) {
    sum += vb[i] + vh[i] + (int64_t)vw[i];
    usum += (uint8_t)vb[i] + (uint16_t)vh[i] + (uint64_t)(uint32_t)vw[i];
  }
  printf("mem sums: signed %" PRId64 " unsigned %" PRIu64 "\n", sum, usum);
  /* Reinterpretations via memory of a wider value. */
  union {
    uint64_t u;
    int8_t b[8];
    int16_t h[4];
    int32_t w[2];
  } u = {.u = 0x8081f0ff7f017ffeULL};
  printf("bytes:");
  for (int i = 0; i < 8; i++)
    printf(" %d", u.b[i]);
  printf(" halves: %d %d %d %d words: %d %d\n", u.h[0], u.h[1], u.h[2], u.h[3], u.w[0], u.w[1]);
  /* Arithmetic after extension: char arithmetic promotes to int. */
  int8_t a = (int8_t)patterns[4], b = (int8_t)patterns[3];
  printf("int8 -1 * -128 = %d, as int8 %d; uint16 0xffff+1 = %d\n", a * b, (int8_t)(a * b), (uint16_t)patterns[8] + 1);
  int32_t x = (int32_t)patterns[10];
  printf("i64 from i32 %" PRId64 ", u64 from i32 via u32 %" PRIu64 ", i32 from i64 %d\n", (int64_t)x, (uint64_t)(uint32_t)x,
         (int32_t)((int64_t)x * 3));
  return 0;
}
