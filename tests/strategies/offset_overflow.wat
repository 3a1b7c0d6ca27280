;; index + offset = 2^32: no 32-bit wrap to 0 in wasm. guard-pages/
;; explicit: trap. mask (arena 64 KiB): (2^32) & 0xffff = 0, exit 42.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
  (func (export "_start")
    (i32.store8 (i32.const 0) (i32.const 42))
    (call $exit (i32.load8_u offset=4294967295 (i32.const 1)))))
