;; pass: function-sections
;; flags: -O2 --bounds-checks explicit --target thumbv7em-none-eabi
;; Every defined function of a Cortex-M object gets a section of its own,
;; `.text.<name>`, so that the firmware linker's --gc-sections can drop
;; the ones nothing calls.
(module
  (func $twice (param i32) (result i32) (i32.add (local.get 0) (local.get 0)))
  (func (export "quad") (param i32) (result i32) (call $twice (call $twice (local.get 0)))))
