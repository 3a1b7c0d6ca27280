;; A zero-page memory grown to one page. Every strategy: exit 8.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 0)
  (func (export "_start")
    (if (i32.ne (memory.grow (i32.const 1)) (i32.const 0)) (then (call $exit (i32.const 101))))
    (i32.store8 (i32.const 65535) (i32.const 8))
    (call $exit (i32.load8_u (i32.const 65535)))))
