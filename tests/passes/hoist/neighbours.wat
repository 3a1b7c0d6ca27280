;; pass: hoist
;; flags: -O2 --bounds-checks explicit --target aarch64-unknown-linux-gnu
;; `a[j] = a[j + 1] - a[j]` in a counted loop: the two accesses at `a + j`
;; and `a + j + 4` each add their range to the guard, and share one array
;; base (the constant stays out of it), so LLVM sees them 4 bytes apart.
(module
  (memory 1)
  (func (export "diff") (param $a i32) (param $j i32) (param $n i32)
    (loop $l
      (i32.store (i32.add (local.get $a) (local.get $j))
        (i32.sub (i32.load (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 4)))
                 (i32.load (i32.add (local.get $a) (local.get $j)))))
      (br_if $l (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 4))) (local.get $n))))))
