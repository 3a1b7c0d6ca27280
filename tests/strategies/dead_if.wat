;; An if on a loaded value whose arms are empty (issue 18): trap. mask:
;; exit 3.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
  (func (export "_start")
    (if (i32.load (i32.const 65536)) (then) (else))
    (call $exit (i32.const 3))))
