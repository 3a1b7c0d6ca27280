;; A load selecting between two equal values, in a memory of zero pages
;; (issue 18): trap. mask: exit 1.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 0 1)
  (func $f (result i32)
    i32.const 1 i32.const 1 i32.const 4420 i32.load select)
  (func (export "_start") (call $exit (call $f))))
