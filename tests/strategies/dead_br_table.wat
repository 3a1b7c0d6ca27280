;; A load choosing between two equal br_table targets, in a memory of zero
;; pages (issue 18): trap. mask: exit 5.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 0 1)
  (func $f (result i32)
    (block (result i32) (block i32.const 4420 i32.load br_table 0 0) i32.const 5))
  (func (export "_start") (call $exit (call $f))))
