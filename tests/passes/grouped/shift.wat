;; pass: grouped
;; flags: -O2 --bounds-checks explicit --target thumbv7em-none-eabi
;; Insertion sort's shift `q[1] = q[0]` as clang emits it: a load at `q`
;; and a store at `q + 4` on one index, in a loop ending in `br` (so
;; unroll.rs leaves it alone). The pass tests the span of both once, at
;; the load, and both take unchecked addresses when it fits.
(module
  (memory 1)
  (func (export "shift") (param $q i32) (param $n i32) (param $x i32) (result i32) (local $v i32)
    (block $done
      (loop $l
        (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
        (br_if $done (i32.le_s (local.tee $v (i32.load (local.get $q))) (local.get $x)))
        (i32.store (i32.add (local.get $q) (i32.const 4)) (local.get $v))
        (local.set $q (i32.add (local.get $q) (i32.const -4)))
        (local.set $n (i32.add (local.get $n) (i32.const -1)))
        (br $l)))
    (local.get $q)))
