;; pass: mirror
;; flags: -O2 --bounds-checks guard-pages --target x86_64-unknown-linux-gnu
;; `c[j] += 3 * b[j]`, the way clang emits it for wasm: each access is
;; `zext(array + j)`, not affine in the loop counter. The pass rewrites
;; each index as `sext(array) + sext(j)` and gives each array a base of
;; its own, computed before the loop behind an empty inline asm.
(module
  (memory 1)
  (func (export "axpy") (param $c i32) (param $b i32) (param $n i32) (local $j i32)
    (loop $l
      (i32.store (i32.add (local.get $c) (local.get $j))
        (i32.add (i32.load (i32.add (local.get $c) (local.get $j)))
                 (i32.mul (i32.load (i32.add (local.get $b) (local.get $j))) (i32.const 3))))
      (br_if $l (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 4))) (local.get $n))))))
