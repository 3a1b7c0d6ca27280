;; pass: twin-ivs
;; flags: -O2 --bounds-checks explicit --target thumbv7em-none-eabi
;; Insertion sort as clang -O2 emits it for wasm32: the outer loop
;; carries `i` and `k = i + 1`, and `k` only starts the inner loop's
;; counter. The pass replaces `k`'s phi by `add i, 1`, freeing a register.
(module
  (memory 2)
  (func (export "isort") (param $p i32) (param $n i32)
    (local $q i32) (local $k i32) (local $i i32) (local $x i32) (local $r i32) (local $m i32) (local $v i32)
    (block $empty
      (br_if $empty (i32.lt_s (local.get $n) (i32.const 2)))
      (local.set $q (local.get $p))
      (local.set $k (i32.const 2))
      (local.set $i (i32.const 1))
      (loop $outer
        (local.set $x (i32.load (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $r (local.get $q))
        (local.set $m (local.get $k))
        (block $placed
          (block $stopped
            (loop $shift
              (br_if $stopped (i32.le_s (local.tee $v (i32.load (local.get $r))) (local.get $x)))
              (i32.store (i32.add (local.get $r) (i32.const 4)) (local.get $v))
              (local.set $r (i32.add (local.get $r) (i32.const -4)))
              (br_if $shift (i32.gt_s (local.tee $m (i32.add (local.get $m) (i32.const -1))) (i32.const 1))))
            (local.set $r (i32.const 0))
            (br $placed))
          (local.set $r (i32.add (local.get $m) (i32.const -1))))
        (i32.store (i32.add (local.get $p) (i32.shl (local.get $r) (i32.const 2))) (local.get $x))
        (local.set $q (i32.add (local.get $q) (i32.const 4)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br_if $outer (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n)))))))
