;; The last valid byte of a one-page memory, by a 1- and a 4-byte access.
;; Every strategy: exit 7.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
  (func (export "_start")
    (i32.store8 (i32.const 65535) (i32.const 7))
    (if (i32.ne (i32.load (i32.const 65532)) (i32.const 0x07000000))
      (then (call $exit (i32.const 100))))
    (call $exit (i32.load8_u offset=65535 (i32.const 0)))))
