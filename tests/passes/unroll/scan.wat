;; pass: unroll
;; flags: -O2 --bounds-checks explicit --target thumbv7em-none-eabi
;; Quicksort's scan `while (p[i] < pivot) i++`: a loop that exits on
;; data, which no guard can bound. It is translated with its body twice,
;; so two iterations' loads (`p + 4i` and `p + 4i + 4`) can share a check.
(module
  (memory 1)
  (func (export "scan") (param $p i32) (param $i i32) (param $pivot i32) (result i32)
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_s (i32.load (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2)))) (local.get $pivot))))
    (local.get $i)))
