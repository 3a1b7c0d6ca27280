;; pass: reroll
;; flags: -O2 --bounds-checks guard-pages --target x86_64-unknown-linux-gnu
;; expect: unchanged
;; Two groups a counter step apart, but the second group's load is
;; returned after the loop: rolling up would return the first group's
;; value instead, so the loop must be kept as it is.
(module
  (memory 1)
  (func (export "live_out") (param $a i32) (param $b i32) (param $x i32) (param $n i32) (result i32) (local $j i32) (local $t i32)
    (loop $l
      (i32.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 0))
        (i32.add (i32.load (i32.add (i32.add (local.get $b) (local.get $j)) (i32.const 0))) (local.get $x)))
      (local.set $t (i32.load (i32.add (i32.add (local.get $b) (local.get $j)) (i32.const 4))))
      (i32.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 4)) (i32.add (local.get $t) (local.get $x)))
      (br_if $l (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 8))) (local.get $n))))
    (local.get $t)))
