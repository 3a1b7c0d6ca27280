;; pass: hoist
;; flags: -O2 --bounds-checks explicit --target x86_64-unknown-linux-gnu
;; expect: unchanged
;; A counted loop that calls a function: the call may grow memory, which
;; under the explicit strategy may move it, so a check made before the
;; loop would not hold inside it. The checks stay in the loop.
(module
  (memory 1)
  (func $grow (result i32) (memory.grow (i32.const 1)))
  (func (export "fill") (param $q i32) (param $p i32) (param $lim i32)
    (loop $l
      (i32.store (i32.add (local.get $q) (local.get $p)) (call $grow))
      (br_if $l (i32.ne (local.tee $p (i32.add (local.get $p) (i32.const 4))) (local.get $lim))))))
