;; Grow 1 -> 2 pages: the new last byte works, one past it does not.
;; guard-pages/explicit: trap. mask (arena 128 KiB): wraps to 0, exit 42.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 2)
  (func (export "_start")
    (i32.store8 (i32.const 0) (i32.const 42))
    (if (i32.ne (memory.grow (i32.const 1)) (i32.const 1)) (then (call $exit (i32.const 101))))
    (if (i32.ne (memory.size) (i32.const 2)) (then (call $exit (i32.const 102))))
    (i32.store8 (i32.const 131071) (i32.const 9))
    (if (i32.ne (i32.load8_u (i32.const 131071)) (i32.const 9)) (then (call $exit (i32.const 103))))
    (call $exit (i32.load8_u (i32.const 131072)))))
