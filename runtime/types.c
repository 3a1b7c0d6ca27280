/*
 * types.c — the process-wide registry of function signatures.
 *
 * awsm_type_id interns a signature string ("iI:f") and returns its
 * canonical id, so call_indirect and import checks compare one integer.
 * Ids start at 1; 0 is never a valid id.
 */
#define _GNU_SOURCE
#include "internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

const awsm_module awsm_host_module = {.abi_version = AWSM_ABI_VERSION, .name = "<host>"};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static char **sigs;       /* sigs[id - 1] */
static uint32_t num_sigs; /* ids handed out */
static uint32_t sigs_cap;
static uint32_t *slots;    /* open-addressing hash: id, or 0 when empty */
static uint32_t slots_cap; /* power of two, > 2 * num_sigs */

static uint32_t hash(const char *s) {
  uint32_t h = 2166136261u;
  for (; *s; s++)
    h = (h ^ (uint8_t)*s) * 16777619u;
  return h;
}

/* Slot holding `sig`, or the empty slot where it belongs. */
static uint32_t *find_slot(uint32_t *table, uint32_t cap, const char *sig) {
  for (uint32_t i = hash(sig) & (cap - 1);; i = (i + 1) & (cap - 1)) {
    if (table[i] == 0 || strcmp(sigs[table[i] - 1], sig) == 0)
      return &table[i];
  }
}

static int rehash(void) {
  uint32_t cap = slots_cap ? slots_cap * 2 : 64;
  uint32_t *table = calloc(cap, sizeof *table);
  if (!table)
    return -1;
  for (uint32_t id = 1; id <= num_sigs; id++)
    *find_slot(table, cap, sigs[id - 1]) = id;
  free(slots);
  slots = table;
  slots_cap = cap;
  return 0;
}

static uint32_t intern(const char *sig) {
  if ((num_sigs + 1) * 2 >= slots_cap && rehash() != 0)
    return 0;
  uint32_t *slot = find_slot(slots, slots_cap, sig);
  if (*slot)
    return *slot;
  if (num_sigs == sigs_cap) {
    uint32_t cap = sigs_cap ? sigs_cap * 2 : 32;
    char **grown = realloc(sigs, cap * sizeof *grown);
    if (!grown)
      return 0;
    sigs = grown;
    sigs_cap = cap;
  }
  char *copy = strdup(sig);
  if (!copy)
    return 0;
  sigs[num_sigs++] = copy;
  *slot = num_sigs;
  return num_sigs;
}

uint32_t awsm_type_id(const char *sig) {
  if (!sig)
    return 0;
  pthread_mutex_lock(&lock);
  uint32_t id = intern(sig);
  pthread_mutex_unlock(&lock);
  return id;
}

const char *awsm_type_sig(uint32_t type_id) {
  pthread_mutex_lock(&lock);
  const char *sig = type_id >= 1 && type_id <= num_sigs ? sigs[type_id - 1] : NULL;
  pthread_mutex_unlock(&lock);
  return sig;
}
