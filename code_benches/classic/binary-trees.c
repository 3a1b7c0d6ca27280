/* binary-trees: allocate and walk many short-lived perfect binary trees
 * (malloc/free heavy) plus one long-lived tree. Native uses the host
 * libc's malloc, wasm uses wasi-libc's (dlmalloc): this one measures the
 * allocator as much as the compiler. */
#include "../common/bench.h"
#define MAXDEPTH SIZE(16, 8)

typedef struct Node { struct Node *l, *r; } Node;

static Node *make(int d) {
  Node *n = malloc(sizeof *n);
  if (!n) exit(2);
  if (d > 0) {
    n->l = make(d - 1);
    n->r = make(d - 1);
  } else {
    n->l = n->r = NULL;
  }
  return n;
}
static long check(const Node *n) { return 1 + (n->l ? check(n->l) + check(n->r) : 0); }
static void release(Node *n) {
  if (n->l) {
    release(n->l);
    release(n->r);
  }
  free(n);
}

int main(void) {
  int maxd = MAXDEPTH < 6 ? 6 : MAXDEPTH;
  Node *stretch = make(maxd + 1);
  printf("stretch tree of depth %d\t check: %ld\n", maxd + 1, check(stretch));
  release(stretch);
  Node *longlived = make(maxd);
  for (int d = 4; d <= maxd; d += 2) {
    long iters = 1L << (maxd - d + 4), sum = 0;
    for (long i = 0; i < iters; i++) {
      Node *t = make(d);
      sum += check(t);
      release(t);
    }
    printf("%ld\t trees of depth %d\t check: %ld\n", iters, d, sum);
  }
  printf("long lived tree of depth %d\t check: %ld\n", maxd, check(longlived));
  release(longlived);
  return 0;
}
