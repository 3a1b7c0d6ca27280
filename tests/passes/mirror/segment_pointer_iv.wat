;; pass: mirror
;; flags: -O2 --bounds-checks segment --target x86_64-unknown-linux-gnu
;; The same loop under the segment strategy, where the base lives in %gs
;; and there are no array bases: the counted copy's index `zext(q)`, an
;; induction variable with `add nsw`, becomes `sext(q)`, which SCEV keeps
;; affine.
(module
  (memory 1)
  (func (export "clear") (param $q i32) (param $n i32) (local $j i32)
    (loop $l
      (i64.store (local.get $q) (i64.const 0))
      (local.set $q (i32.add (local.get $q) (i32.const 8)))
      (br_if $l (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $n))))))
