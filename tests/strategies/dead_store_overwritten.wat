;; A load whose value is stored where a later store overwrites it (dead
;; store elimination, issue 18): trap. mask: exit 4.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
  (func (export "_start")
    (i32.store (i32.const 0) (i32.load (i32.const 65536)))
    (i32.store (i32.const 0) (i32.const 4))
    (call $exit (i32.load (i32.const 0)))))
