;; pass: mirror
;; flags: -O2 --bounds-checks guard-pages --target x86_64-unknown-linux-gnu
;; A counted loop clearing memory through a pointer `q += 8` (versioning
;; gives its add `nsw` in the counted copy): the store's index `zext(q)`
;; becomes a base of its own before the loop, `opaque(base + sext(q0))`,
;; plus `sext(q) - sext(q0)`.
(module
  (memory 1)
  (func (export "clear") (param $q i32) (param $n i32) (local $j i32)
    (loop $l
      (i64.store (local.get $q) (i64.const 0))
      (local.set $q (i32.add (local.get $q) (i32.const 8)))
      (br_if $l (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $n))))))
