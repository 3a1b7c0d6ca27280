/*
 * none.c — no bounds checks at all: an access is base + ea. For
 * measuring what checking costs, never for untrusted code: it is UNSAFE.
 * Memory is allocated as for guard pages (memory.c picks that allocator),
 * so an out-of-bounds access within 12 GiB happens to fault and trap
 * (not trivially exploitable), but nothing is guaranteed: a target
 * without such a reservation, or a future change, gives raw access.
 */
#include "../internal.h"

uint8_t *awsm_mem_addr_none(awsm_instance *ctx, uint8_t *base, uint64_t mem_size, uint64_t idx,
                            uint64_t offset, uint32_t size) {
  (void)ctx;
  (void)mem_size;
  (void)size;
  return base + idx + offset;
}
