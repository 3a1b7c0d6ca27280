;; A recursive function (never inlined) returning a value computed from a
;; load, whose every caller drops the result: dead argument elimination
;; deletes the return value last in LLVM's first half, leaving the load's
;; other user dead (issue 18): trap. mask: exit 2.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
  (func $g (param i32 i32) (result i32)
    (if (local.get 1)
      (then (drop (call $g (local.get 0) (i32.sub (local.get 1) (i32.const 1))))))
    (i32.and (i32.load (local.get 0)) (i32.const 1)))
  (func (export "_start")
    (drop (call $g (i32.const 65536) (i32.const 3)))
    (call $exit (i32.const 2))))
