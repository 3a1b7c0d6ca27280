;; pass: expand-wide-divisions
;; flags: -Os --target i686-unknown-linux-gnu
;; An i64 division by a constant on a 32-bit target at -Os: the backend
;; would call __udivdi3 (a few hundred cycles) to save a few bytes, so
;; the pass takes `optsize` off the function and the division becomes a
;; multiplication by the reciprocal.
(module
  (func (export "tenth") (param $x i64) (result i64)
    (i64.div_u (local.get $x) (i64.const 10))))
