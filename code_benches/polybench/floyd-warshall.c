/* floyd-warshall: all-pairs shortest path lengths on a dense directed
 * graph, relaxing every pair through every intermediate vertex k. */
#include "../common/bench.h"
#define N SIZE(900, 40)
#define INF 1000000

int main(void) {
  int(*d)[N] = ALLOC2(int, N, N);
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      int w = (i * j) % 7 + 1;
      /* some pairs have no direct edge */
      d[i][j] = i == j ? 0 : ((i + j) % 13 == 0 || (i + j) % 7 == 0 || (i + j) % 11 == 0) ? INF : w;
    }
  for (int k = 0; k < N; k++)
    for (int i = 0; i < N; i++) {
      int dik = d[i][k];
      for (int j = 0; j < N; j++) {
        int via = dik + d[k][j];
        d[i][j] = d[i][j] < via ? d[i][j] : via;
      }
    }
  long long s = 0;
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) s += (long long)d[i][j] * (1 + (i + 2 * j) % 5);
  printf("paths %lld\n", s);
  return 0;
}
