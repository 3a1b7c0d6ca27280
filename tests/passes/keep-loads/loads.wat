;; pass: keep-loads
;; flags: -O2 --bounds-checks guard-pages --target x86_64-unknown-linux-gnu
;; Every linear-memory load gets a sink; the vmctx loads (memory base) do not.
(module
  (memory 1 1)
  (func (export "local_unused") (result i32) (local i32)
    (local.set 0 (i32.load (i32.const 65536))) i32.const 7)
  (func (export "sum") (param i32) (result i64)
    (i64.add (i64.load (local.get 0)) (i64.extend_i32_u (i32.load8_u offset=8 (local.get 0))))))
