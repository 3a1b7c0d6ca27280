;; A function returning a load, called by one that drops the result: after
;; inlining (or dead argument elimination) the load is dead (issue 18):
;; trap. mask: exit 9.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
  (func $get (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "_start")
    (drop (call $get (i32.const 65536)))
    (call $exit (i32.const 9))))
