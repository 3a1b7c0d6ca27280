;; pass: versioning
;; flags: -O2 --bounds-checks guard-pages --target x86_64-unknown-linux-gnu
;; `s += p[0]; p += 4; br_if (p != lim)`: the loop is translated twice,
;; behind the guard `start <u lim && lim <=s INT32_MAX && (lim - start) %
;; 4 == 0` (marked `!awsm.counted`), the counted copy with `add nuw nsw`.
(module
  (memory 1)
  (func (export "sum") (param $p i32) (param $lim i32) (result i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (i32.load (local.get $p))))
      (br_if $l (i32.ne (local.tee $p (i32.add (local.get $p) (i32.const 4))) (local.get $lim))))
    (local.get $s)))
