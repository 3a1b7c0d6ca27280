;; pass: legalize-float-intrinsics
;; flags: -O2 --bounds-checks explicit --target thumbv7em-none-eabihf
;; wasm's f32.min (NaN-propagating, -0 below +0) and f64.nearest, which
;; LLVM 19's Arm backend cannot select for thumbv7em: `llvm.minimum`
;; becomes compares and selects, `llvm.roundeven` becomes `llvm.rint`.
(module
  (func (export "min") (param f32 f32) (result f32)
    (f32.min (local.get 0) (local.get 1)))
  (func (export "nearest") (param f64) (result f64)
    (f64.nearest (local.get 0))))
