;; pass: mirror
;; flags: -O2 --bounds-checks none --target aarch64-unknown-linux-gnu
;; Straight-line accesses outside any loop: `p + 8` becomes `sext(p) + 8`;
;; `p + q` stays `zext(p + q)` (a sum of two unknowns is only regrouped
;; when a loop advances one of its terms).
(module
  (memory 1)
  (func (export "get") (param $p i32) (param $q i32) (result i32)
    (i32.add (i32.load (i32.add (local.get $p) (i32.const 8)))
             (i32.load (i32.add (local.get $p) (local.get $q))))))
