/* dijkstra: single-source shortest paths with a binary min-heap (lazy
 * deletion) on a generated sparse directed graph, from several sources. */
#include "../common/bench.h"
#define V SIZE(200000, 500)
#define DEG 8
#define SOURCES SIZE(12, 2)

typedef struct { uint32_t dist, node; } Item;
static Item *heap;
static long heap_n;

static void push(uint32_t dist, uint32_t node) {
  long i = heap_n++;
  while (i > 0) {
    long parent = (i - 1) / 2;
    if (heap[parent].dist <= dist) break;
    heap[i] = heap[parent];
    i = parent;
  }
  heap[i].dist = dist;
  heap[i].node = node;
}

static Item pop(void) {
  Item top = heap[0], last = heap[--heap_n];
  long i = 0;
  for (;;) {
    long c = 2 * i + 1;
    if (c >= heap_n) break;
    if (c + 1 < heap_n && heap[c + 1].dist < heap[c].dist) c++;
    if (heap[c].dist >= last.dist) break;
    heap[i] = heap[c];
    i = c;
  }
  heap[i] = last;
  return top;
}

int main(void) {
  uint32_t *to = ALLOC1(uint32_t, (long)V * DEG), *w = ALLOC1(uint32_t, (long)V * DEG);
  uint32_t *dist = ALLOC1(uint32_t, V);
  heap = ALLOC1(Item, (long)V * DEG + 1);
  uint32_t x = 2463534242u;
  for (long i = 0; i < (long)V * DEG; i++) {
    x ^= x << 13; x ^= x >> 17; x ^= x << 5;
    long u = i / DEG;
    /* mostly local edges plus some long jumps */
    to[i] = (uint32_t)((i % DEG) < 6 ? (u + 1 + x % 64) % V : x % V);
    w[i] = 1 + (x >> 8) % 100;
  }
  uint64_t total = 0;
  for (int s = 0; s < SOURCES; s++) {
    for (long i = 0; i < V; i++) dist[i] = UINT32_MAX;
    uint32_t src = (uint32_t)((long)s * 7919 % V);
    dist[src] = 0;
    heap_n = 0;
    push(0, src);
    while (heap_n > 0) {
      Item it = pop();
      if (it.dist != dist[it.node]) continue;
      for (long e = (long)it.node * DEG; e < (long)it.node * DEG + DEG; e++) {
        uint32_t nd = it.dist + w[e];
        if (nd < dist[to[e]]) {
          dist[to[e]] = nd;
          push(nd, to[e]);
        }
      }
    }
    for (long i = 0; i < V; i++) total += dist[i] == UINT32_MAX ? 0 : dist[i];
  }
  printf("total %llu\n", (unsigned long long)total);
  return 0;
}
