;; pass: reroll
;; flags: -O2 --bounds-checks guard-pages --target x86_64-unknown-linux-gnu
;; `a[j] += x * b[j]` unrolled by three the way clang emits it for wasm
;; (a counter stepping by 12 bytes): in the counted copy the pass keeps
;; the first statement and divides the step by three.
(module
  (memory 1)
  (func (export "axpy3") (param $a i32) (param $b i32) (param $x i32) (param $n i32) (local $j i32)
    (loop $l
      (i32.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 0))
        (i32.add (i32.load (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 0)))
                 (i32.mul (local.get $x) (i32.load (i32.add (i32.add (local.get $b) (local.get $j)) (i32.const 0))))))
      (i32.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 4))
        (i32.add (i32.load (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 4)))
                 (i32.mul (local.get $x) (i32.load (i32.add (i32.add (local.get $b) (local.get $j)) (i32.const 4))))))
      (i32.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 8))
        (i32.add (i32.load (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 8)))
                 (i32.mul (local.get $x) (i32.load (i32.add (i32.add (local.get $b) (local.get $j)) (i32.const 8))))))
      (br_if $l (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 12))) (local.get $n))))))
