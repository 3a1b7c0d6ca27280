;; pass: versioning
;; flags: -O2 --bounds-checks guard-pages --target x86_64-unknown-linux-gnu
;; expect: unchanged
;; A loop leaving on `p <u lim` rather than `p != lim`: LLVM computes its
;; trip count unaided, so it is translated once, as at -Os.
(module
  (memory 1)
  (func (export "sum") (param $p i32) (param $lim i32) (result i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (i32.load (local.get $p))))
      (br_if $l (i32.lt_u (local.tee $p (i32.add (local.get $p) (i32.const 4))) (local.get $lim))))
    (local.get $s)))
