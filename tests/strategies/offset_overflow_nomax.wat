;; No maximum, so mask's arena is 4 GiB: index 0xffffffff + offset 2 =
;; 2^32 + 1 masks to 1, exit 43. guard-pages/explicit: trap.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1)
  (func (export "_start")
    (i32.store8 (i32.const 1) (i32.const 43))
    (call $exit (i32.load8_u offset=2 (i32.const -1)))))
