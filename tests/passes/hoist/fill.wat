;; pass: hoist
;; flags: -O2 --bounds-checks explicit --target x86_64-unknown-linux-gnu
;; A counted loop storing at `q + p + 8`: the pass adds "the last store
;; fits in memory" to the versioning guard and gives the counted copy an
;; unchecked address off an array base computed before the loop.
(module
  (memory 1)
  (func (export "fill") (param $q i32) (param $p i32) (param $lim i32)
    (loop $l
      (i32.store (i32.add (i32.add (local.get $q) (local.get $p)) (i32.const 8)) (local.get $p))
      (br_if $l (i32.ne (local.tee $p (i32.add (local.get $p) (i32.const 4))) (local.get $lim))))))
