;; A load masked to zero (issue 18): trap. mask: exit 0.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
  (func $f (result i32)
    (i32.and (i32.load8_u (i32.const 70000)) (i32.const 0)))
  (func (export "_start") (call $exit (call $f))))
