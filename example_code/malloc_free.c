/* Heap: a singly linked list built with malloc, reversed, filtered and freed;
 * a vector grown with realloc; calloc zeroing; and a churn loop of mixed
 * sizes that reuses freed blocks. Prints contents, never addresses. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node {
  int32_t value;
  struct node *next;
};

static struct node *push(struct node *head, int32_t v) {
  struct node *n = malloc(sizeof *n);
  if (!n) {
    puts("malloc failed");
    exit(1);
  }
  n->value = v;
  n->next = head;
  return n;
}

static struct node *reverse(struct node *head) {
  struct node *prev = NULL;
  while (head) {
    struct node *next = head->next;
    head->next = prev;
    prev = head;
    head = next;
  }
  return prev;
}

static struct node *drop_multiples_of(struct node *head, int32_t k, int *freed) {
  struct node **link = &head;
  while (*link) {
    if ((*link)->value % k == 0) {
      struct node *dead = *link;
      *link = dead->next;
      free(dead);
      ++*freed;
    } else {
      link = &(*link)->next;
    }
  }
  return head;
}

int main(void) {
  struct node *list = NULL;
  for (int32_t i = 1; i <= 1000; i++)
    list = push(list, i);
  list = reverse(list);
  int freed = 0;
  list = drop_multiples_of(list, 3, &freed);
  int count = 0;
  int64_t sum = 0;
  printf("first:");
  for (struct node *n = list; n; n = n->next, count++) {
    sum += n->value;
    if (count < 8)
      printf(" %d", n->value);
  }
  printf("\nlist: %d nodes, sum %lld, freed %d\n", count, (long long)sum, freed);
  while (list) {
    struct node *next = list->next;
    free(list);
    list = next;
  }

  /* realloc growth keeps the prefix intact. */
  size_t cap = 1, len = 0;
  uint32_t *vec = malloc(cap * sizeof *vec);
  for (uint32_t i = 0; i < 100000; i++) {
    if (len == cap) {
      cap *= 2;
      uint32_t *bigger = realloc(vec, cap * sizeof *vec);
      if (!bigger) {
        puts("realloc failed");
        return 1;
      }
      vec = bigger;
    }
    vec[len++] = i * 2654435761u;
  }
  uint32_t h = 0;
  for (size_t i = 0; i < len; i++)
    h = (h ^ vec[i]) * 16777619u;
  printf("vector: len %u cap %u hash %08x\n", (unsigned)len, (unsigned)cap, h);
  vec = realloc(vec, 10 * sizeof *vec); /* shrink */
  printf("after shrink: %u %u %u\n", vec[0], vec[1], vec[9]);
  free(vec);

  int32_t *zeros = calloc(4096, sizeof *zeros);
  int nonzero = 0;
  for (int i = 0; i < 4096; i++)
    nonzero += zeros[i] != 0;
  printf("calloc nonzero: %d\n", nonzero);
  free(zeros);

  /* Churn: many live blocks of varied sizes, each filled and verified. */
  enum { SLOTS = 256 };
  unsigned char *slots[SLOTS] = {0};
  size_t sizes[SLOTS] = {0};
  uint32_t state = 1, bad = 0;
  for (int round = 0; round < 20000; round++) {
    state = state * 1664525u + 1013904223u;
    int s = (state >> 8) % SLOTS;
    if (slots[s]) {
      for (size_t i = 0; i < sizes[s]; i++)
        bad += slots[s][i] != (unsigned char)(s + i);
      free(slots[s]);
    }
    sizes[s] = 1 + (state >> 20) % 3000;
    slots[s] = malloc(sizes[s]);
    for (size_t i = 0; i < sizes[s]; i++)
      slots[s][i] = (unsigned char)(s + i);
  }
  for (int s = 0; s < SLOTS; s++)
    free(slots[s]);
  printf("churn corrupted bytes: %u\n", bad);
  free(NULL);
  return 0;
}
