/* A loop over a large array: sieve of Eratosthenes over a 4 MiB static
 * (zero-initialised, so in .bss) byte array, then statistics over it. */
#include <stdint.h>
#include <stdio.h>

#define N (4u << 20)
static uint8_t composite[N];

int main(void) {
  composite[0] = composite[1] = 1;
  for (uint32_t i = 2; (uint64_t)i * i < N; i++)
    if (!composite[i])
      for (uint32_t j = i * i; j < N; j += i)
        composite[j] = 1;
  uint32_t count = 0, last = 0, twins = 0, max_gap = 0, prev = 2;
  uint64_t sum = 0;
  for (uint32_t i = 2; i < N; i++) {
    if (composite[i])
      continue;
    count++;
    sum += i;
    if (i - prev == 2)
      twins++;
    if (i - prev > max_gap)
      max_gap = i - prev;
    prev = i;
    last = i;
  }
  printf("primes below %u: %u\n", N, count);
  printf("sum %llu, largest %u, twin pairs %u, max gap %u\n", (unsigned long long)sum, last, twins, max_gap);
  uint32_t by_digit[10] = {0};
  for (uint32_t i = 2; i < N; i++)
    by_digit[i % 10] += !composite[i];
  for (int d = 0; d < 10; d++)
    printf("%u%c", by_digit[d], d == 9 ? '\n' : ' ');
  return 0;
}
