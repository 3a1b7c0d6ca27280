;; pass: cortex-m-constants
;; flags: -O2 --bounds-checks explicit --target thumbv7em-none-eabi --board mps2-an386 --emit exe --page-size 4096
;; What the Cortex-M runtime learns from the compiler as constants LTO
;; folds: the page size (4 KiB here), the static memory of firmware whose
;; memory cannot grow past its maximum, whether anything reads
;; `ctx->funcs`, and how many imports are unbound.
(module
  (memory 2 2)
  (func (export "_start")
    (i32.store (i32.const 16) (i32.load (i32.const 8)))))
