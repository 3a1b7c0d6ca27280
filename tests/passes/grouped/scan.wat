;; pass: grouped
;; flags: -O2 --bounds-checks explicit --target thumbv7em-none-eabi
;; Quicksort's scan as clang emits it, `while (*(p += 4) < pivot);`,
;; after unroll.rs doubled its body: the two iterations' loads, at `p + 4`
;; and `p + 8`, share one span test per two iterations, each keeping an
;; exact check for when the span does not fit (so a trap stays where wasm
;; puts it).
(module
  (memory 1)
  (func (export "up") (param $p i32) (param $pivot i32) (result i32)
    (loop $l
      (br_if $l (i32.lt_s (i32.load (local.tee $p (i32.add (local.get $p) (i32.const 4))))
                          (local.get $pivot))))
    (local.get $p)))
