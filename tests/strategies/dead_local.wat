;; A load stored to a local that is never read (issue 18). guard-pages,
;; explicit, segment: trap at every level. mask: the wrapped load is
;; dropped, exit 7.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
  (func $f (result i32) (local i32)
    (local.set 0 (i32.load (i32.const 65536)))
    i32.const 7)
  (func (export "_start") (call $exit (call $f))))
