;; pass: unroll
;; flags: -O2 --bounds-checks explicit --target thumbv7em-none-eabi
;; Quicksort's scan as clang emits it, `while (*(p += 4) < pivot);`: a
;; loop that exits on data, which no guard can bound. It is translated
;; with its body twice, so that two iterations' loads (`p + 4` and
;; `p + 8`) can share a check (grouped/scan.wat).
(module
  (memory 1)
  (func (export "scan") (param $p i32) (param $pivot i32) (result i32)
    (loop $l
      (br_if $l (i32.lt_s (i32.load (local.tee $p (i32.add (local.get $p) (i32.const 4))))
                          (local.get $pivot))))
    (local.get $p)))
