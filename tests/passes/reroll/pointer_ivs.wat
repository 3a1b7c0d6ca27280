;; pass: reroll
;; flags: -O2 --bounds-checks explicit --target aarch64-unknown-linux-gnu
;; `p[j] += x * r[16 j]` unrolled by two, through pointers `p += 8` and
;; `r += 64` and a counter `j += 2` with its limit pushed first: one
;; group is kept and every step (counter and pointers) is halved.
(module
  (memory 1)
  (func (export "two_pointers") (param $a i32) (param $b i32) (param $x i32) (param $n i32) (local $j i32) (local $p i32) (local $r i32)
    (local.set $p (local.get $a))
    (local.set $r (local.get $b))
    (loop $l
      (i32.store (local.get $p) (i32.add (i32.load (local.get $p)) (i32.mul (local.get $x) (i32.load (local.get $r)))))
      (i32.store (i32.add (local.get $p) (i32.const 4))
        (i32.add (i32.load (i32.add (local.get $p) (i32.const 4))) (i32.mul (local.get $x) (i32.load (i32.add (local.get $r) (i32.const 32))))))
      (local.set $p (i32.add (local.get $p) (i32.const 8)))
      (local.set $r (i32.add (local.get $r) (i32.const 64)))
      (br_if $l (i32.ne (local.get $n) (local.tee $j (i32.add (local.get $j) (i32.const 2))))))))
