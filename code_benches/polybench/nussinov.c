/* nussinov: Nussinov's dynamic program for RNA secondary structure: the
 * maximum number of non-crossing complementary base pairs in every
 * subsequence i..j, filled from short spans to long ones. */
#include "../common/bench.h"
#define N SIZE(1600, 60)

static int pairs(int a, int b) { return a + b == 3; } /* A-U, C-G encoded 0..3 */

int main(void) {
  char *seq = ALLOC1(char, N);
  int(*t)[N] = ALLOC2(int, N, N);
  for (int i = 0; i < N; i++) seq[i] = (char)((i * 7 + (i >> 3)) % 4);
  for (int i = N - 1; i >= 0; i--)
    for (int j = i + 1; j < N; j++) {
      int best = t[i][j - 1];
      if (t[i + 1][j] > best) best = t[i + 1][j];
      int inner = i + 1 <= j - 1 ? t[i + 1][j - 1] : 0;
      if (j - 1 > i) inner += pairs(seq[i], seq[j]);
      if (inner > best) best = inner;
      for (int k = i + 1; k < j; k++)
        if (t[i][k] + t[k + 1][j] > best) best = t[i][k] + t[k + 1][j];
      t[i][j] = best;
    }
  long long s = 0;
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) s += (long long)t[i][j] * (1 + (i + j) % 3);
  printf("best %d sum %lld\n", t[0][N - 1], s);
  return 0;
}
