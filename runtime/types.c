/*
 * types.c — the process-wide registry of function signatures.
 *
 * awsm_type_id maps a signature string ("iI:f") to its canonical id, so
 * call_indirect and import checks compare one integer. A short signature
 * has a fixed id that encodes it (awsm_fixed_type_id, internal.h); longer
 * ones are interned and numbered from 1. 0 is never a valid id.
 */
#define _GNU_SOURCE
#include "internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

const awsm_module awsm_host_module = {.abi_version = AWSM_ABI_VERSION, .name = "<host>"};

/* One registry per process, shared by every compiled module (internal.h). */
awsm_type_registry awsm_types = {.lock = PTHREAD_MUTEX_INITIALIZER};

/* The signature a fixed id stands for, into `out`; false if `id` is not
 * one awsm_fixed_type_id returns. */
static bool decode_id(uint32_t id, char out[AWSM_SIG_MAX_ENCODED + 1]) {
  uint32_t bits = id & ~AWSM_FIXED_TYPE_ID_BIT;
  size_t n = 0;
  if (!(id & AWSM_FIXED_TYPE_ID_BIT) || bits < 8)
    return false;
  while (n < AWSM_SIG_MAX_ENCODED && bits >> (3 * (n + 1)))
    n++;
  if (bits >> (3 * n) != 1)
    return false;
  for (size_t i = 0; i < n; i++)
    out[i] = AWSM_SIG_LETTERS[(bits >> (3 * (n - 1 - i))) & 7];
  out[n] = 0;
  return true;
}

static uint32_t hash(const char *s) {
  uint32_t h = 2166136261u;
  for (; *s; s++)
    h = (h ^ (uint8_t)*s) * 16777619u;
  return h;
}

/* Slot holding `sig`, or the empty slot where it belongs. */
static uint32_t *find_slot(uint32_t *table, uint32_t cap, const char *sig) {
  for (uint32_t i = hash(sig) & (cap - 1);; i = (i + 1) & (cap - 1)) {
    if (table[i] == 0 || strcmp(awsm_types.sigs[table[i] - 1], sig) == 0)
      return &table[i];
  }
}

static int rehash(void) {
  uint32_t cap = awsm_types.slots_cap ? awsm_types.slots_cap * 2 : 64;
  uint32_t *table = calloc(cap, sizeof *table);
  if (!table)
    return -1;
  for (uint32_t id = 1; id <= awsm_types.num_sigs; id++)
    *find_slot(table, cap, awsm_types.sigs[id - 1]) = id;
  free(awsm_types.slots);
  awsm_types.slots = table;
  awsm_types.slots_cap = cap;
  return 0;
}

static uint32_t intern(const char *sig) {
  if ((awsm_types.num_sigs + 1) * 2 >= awsm_types.slots_cap && rehash() != 0)
    return 0;
  uint32_t *slot = find_slot(awsm_types.slots, awsm_types.slots_cap, sig);
  if (*slot)
    return *slot;
  if (awsm_types.num_sigs >= AWSM_FIXED_TYPE_ID_BIT - 1) /* registry numbers never reach bit 31 */
    return 0;
  if (awsm_types.num_sigs == awsm_types.sigs_cap) {
    uint32_t cap = awsm_types.sigs_cap ? awsm_types.sigs_cap * 2 : 32;
    char **grown = realloc(awsm_types.sigs, cap * sizeof *grown);
    if (!grown)
      return 0;
    awsm_types.sigs = grown;
    awsm_types.sigs_cap = cap;
  }
  char *copy = strdup(sig);
  if (!copy)
    return 0;
  awsm_types.sigs[awsm_types.num_sigs++] = copy;
  *slot = awsm_types.num_sigs;
  return awsm_types.num_sigs;
}

uint32_t awsm_type_id(const char *sig) {
  if (!sig)
    return 0;
  uint32_t encoded = awsm_fixed_type_id(sig);
  if (encoded)
    return encoded;
  pthread_mutex_lock(&awsm_types.lock);
  uint32_t id = intern(sig);
  pthread_mutex_unlock(&awsm_types.lock);
  return id;
}

/* Encoded signatures are interned here too, for a string that lives as
 * long as the process; their registry numbers are not ids. */
const char *awsm_type_sig(uint32_t type_id) {
  char decoded[AWSM_SIG_MAX_ENCODED + 1];
  bool encoded = decode_id(type_id, decoded);
  pthread_mutex_lock(&awsm_types.lock);
  const char *sig = NULL;
  if (encoded) {
    uint32_t n = intern(decoded);
    sig = n ? awsm_types.sigs[n - 1] : NULL;
  } else if (type_id >= 1 && type_id <= awsm_types.num_sigs &&
             !awsm_fixed_type_id(awsm_types.sigs[type_id - 1])) {
    sig = awsm_types.sigs[type_id - 1];
  }
  pthread_mutex_unlock(&awsm_types.lock);
  return sig;
}
