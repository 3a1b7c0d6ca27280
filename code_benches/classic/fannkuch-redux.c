/* fannkuch-redux: for every permutation of 1..N (in the benchmark
 * game's order), count the prefix reversals until 1 comes first; report
 * the checksum (alternating sum of flip counts) and the maximum. */
#include "../common/bench.h"
#define N SIZE(10, 7)

int main(void) {
  int perm[16], perm1[16], count[16];
  int maxflips = 0, checksum = 0, r = N, permcount = 0;
  for (int i = 0; i < N; i++) perm1[i] = i;
  for (;;) {
    while (r != 1) {
      count[r - 1] = r;
      r--;
    }
    for (int i = 0; i < N; i++) perm[i] = perm1[i];
    int flips = 0, k;
    while ((k = perm[0]) != 0) {
      for (int i = 0, j = k; i < j; i++, j--) {
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      flips++;
    }
    if (flips > maxflips) maxflips = flips;
    checksum += permcount % 2 == 0 ? flips : -flips;
    /* next permutation: rotate the first r+1 elements left */
    for (;;) {
      if (r == N) {
        printf("%d\nPfannkuchen(%d) = %d\n", checksum, N, maxflips);
        return 0;
      }
      int p0 = perm1[0];
      for (int i = 0; i < r; i++) perm1[i] = perm1[i + 1];
      perm1[r] = p0;
      if (--count[r] > 0) break;
      r++;
    }
    permcount++;
  }
}
