;; An i32 load at 65533 of which only the low byte is used: code
;; generation may narrow it to a byte load, which is in bounds (issue
;; 18): trap. mask: the wrapped load's low byte, exit 0.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
  (func $f (result i32)
    (i32.and (i32.load (i32.const 65533)) (i32.const 255)))
  (func (export "_start") (call $exit (call $f))))
