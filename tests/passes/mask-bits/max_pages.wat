;; pass: mask-bits
;; flags: -O2 --bounds-checks mask --target x86_64-unknown-linux-gnu
;; The mask strategy's arena, log2 of the memory's maximum rounded up to
;; a power of two: 3 pages of 64 KiB give an arena of 2^18 bytes.
(module
  (memory 1 3)
  (func (export "get") (param i32) (result i32) (i32.load (local.get 0))))
