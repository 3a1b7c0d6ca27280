/*
 * wasi_impl.h — helpers shared by the WASI preview1 implementation:
 * WASI errno values, checked access to guest memory, little-endian stores.
 */
#ifndef AWSM_WASI_IMPL_H
#define AWSM_WASI_IMPL_H

#include "../internal.h"

#include <string.h>

_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "WASI structs are little-endian");

/* WASI errno values used directly (the rest come from awsm_errno_to_wasi). */
enum {
  WASI_ESUCCESS = 0,
  WASI_EBADF = 8,
  WASI_EFAULT = 21,
  WASI_EINVAL = 28,
  WASI_EIO = 29,
  WASI_ENOSYS = 52,
  WASI_EOVERFLOW = 61,
};

/* The WASI errno for a host errno value. */
int32_t awsm_errno_to_wasi(int host_errno);

/* Guest bytes [ptr, ptr + len) of memory 0, or NULL if out of bounds. */
static inline uint8_t *wasi_mem(awsm_instance *ctx, int32_t ptr, uint64_t len) {
  awsm_memory *mem = ctx->memory;
  if (!mem || (uint64_t)(uint32_t)ptr + len > mem->size)
    return NULL;
  return mem->base + (uint32_t)ptr;
}

static inline void wasi_store_u32(uint8_t *p, uint32_t v) { memcpy(p, &v, sizeof v); }
static inline void wasi_store_u64(uint8_t *p, uint64_t v) { memcpy(p, &v, sizeof v); }
static inline uint32_t wasi_load_u32(const uint8_t *p) {
  uint32_t v;
  memcpy(&v, p, sizeof v);
  return v;
}

/* The host descriptor behind a guest fd, or -1: only stdio for now. */
static inline int wasi_host_fd(int32_t fd) { return fd >= 0 && fd <= 2 ? fd : -1; }

#endif /* AWSM_WASI_IMPL_H */
