/* Recursion: naive fib, Ackermann, mutual recursion, Towers of Hanoi.
 * Depths stay small (< 600 frames) so clang -O0 frames fit wasm-ld's
 * default 64 KiB shadow stack. */
#include <stdint.h>
#include <stdio.h>

static uint32_t fib(uint32_t n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static uint32_t ackermann(uint32_t m, uint32_t n) {
  if (m == 0)
    return n + 1;
  if (n == 0)
    return ackermann(m - 1, 1);
  return ackermann(m - 1, ackermann(m, n - 1));
}

static int is_even(unsigned n);
static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }
static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }

static void hanoi(int n, int from, int to, int via, uint32_t *moves,
                  uint32_t *check) {
  if (n == 0)
    return;
  hanoi(n - 1, from, via, to, moves, check);
  ++*moves;
  *check = *check * 31u + (uint32_t)(from * 3 + to);
  hanoi(n - 1, via, to, from, moves, check);
}

/* Recursion whose result feeds a non-associative expression, so it cannot
 * become a loop. */
static int32_t collatz_depth(int64_t x) {
  if (x == 1)
    return 0;
  return 1 + collatz_depth((x & 1) ? 3 * x + 1 : x / 2);
}

int main(void) {
  for (uint32_t i = 0; i <= 20; i += 5)
    printf("fib(%u) = %u\n", i, fib(i));
  printf("fib(30) = %u\n", fib(30));
  for (uint32_t m = 0; m <= 3; m++)
    for (uint32_t n = 0; n <= 5; n += 5)
      printf("ackermann(%u, %u) = %u\n", m, n, ackermann(m, n));
  printf("ackermann(3, 6) = %u\n", ackermann(3, 6));
  printf("is_even(501) = %d, is_odd(501) = %d\n", is_even(501), is_odd(501));
  uint32_t moves = 0, check = 7;
  hanoi(16, 1, 3, 2, &moves, &check);
  printf("hanoi(16): %u moves, check %08x\n", moves, check);
  printf("collatz_depth(27) = %d, collatz_depth(837799) = %d\n",
         collatz_depth(27), collatz_depth(837799));
  return 0;
}
