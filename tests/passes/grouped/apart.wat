;; pass: grouped
;; flags: -O2 --bounds-checks explicit --target thumbv7em-none-eabi
;; expect: unchanged
;; Two accesses in one loop on different indices (`p` and `q`, not one
;; sum plus constants): no span covers both, so each keeps its own check.
(module
  (memory 1)
  (func (export "copy") (param $p i32) (param $q i32) (param $n i32)
    (block $done
      (loop $l
        (br_if $done (i32.eqz (local.get $n)))
        (i32.store (local.get $q) (i32.load (local.get $p)))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (local.set $q (i32.add (local.get $q) (i32.const 8)))
        (local.set $n (i32.add (local.get $n) (i32.const -1)))
        (br $l)))))
