;; A zero-page memory that cannot grow: every access is out of bounds.
;; guard-pages/explicit: trap. mask (arena 64 KiB): exit 3.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 0 0)
  (func (export "_start")
    (if (i32.ne (memory.size) (i32.const 0)) (then (call $exit (i32.const 101))))
    (if (i32.ne (memory.grow (i32.const 1)) (i32.const -1)) (then (call $exit (i32.const 102))))
    (i32.store8 (i32.const 0) (i32.const 3))
    (call $exit (i32.load8_u (i32.const 0)))))
