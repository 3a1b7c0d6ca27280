;; pass: cortex-m-size-attributes
;; flags: -O2 --bounds-checks explicit --target thumbv7em-none-eabi
;; On Cortex-M every function is `nounwind` (no unwind tables in flash)
;; and the export wrappers, which only forward a call, are `minsize`.
(module
  (memory 1)
  (func (export "get") (param i32) (result i32) (i32.load (local.get 0))))
