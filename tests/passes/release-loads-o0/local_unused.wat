;; pass: release-loads-o0
;; flags: -O0 --bounds-checks guard-pages --target x86_64-unknown-linux-gnu
;; At -O0 a load stored to an unused local has no use once mem2reg ran, and
;; instruction selection would skip it: it becomes volatile; a used load
;; stays plain.
(module
  (memory 1 1)
  (func (export "local_unused") (param i32) (result i32) (local i32)
    (local.set 1 (i32.load (i32.const 65536)))
    (i32.load (local.get 0))))
