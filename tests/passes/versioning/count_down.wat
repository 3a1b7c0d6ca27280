;; pass: versioning
;; flags: -O2 --bounds-checks explicit --target aarch64-unknown-linux-gnu
;; A loop counting down from `p` to a constant limit pushed first, with
;; a pointer induction variable `q` (clang's shape): the guard is `0 <s
;; p && p % 8 == 0`-like, the counter's add gets `nsw`, and `q` gets
;; `nsw` when the guard proves its last value fits i32.
(module
  (memory 1)
  (func (export "clear") (param $p i32) (param $q i32)
    (loop $l
      (i64.store (local.get $q) (i64.const 0))
      (local.set $q (i32.add (local.get $q) (i32.const 8)))
      (br_if $l (i32.ne (i32.const 0) (local.tee $p (i32.add (local.get $p) (i32.const -8))))))))
