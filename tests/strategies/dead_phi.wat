;; Loads on both arms of an if merged into one value that is then unused
;; (GVN may keep the loads as a phi; issue 18): trap. mask: exit 6.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
  (func $f (param i32) (result i32) (local i32)
    (if (local.get 0)
      (then (local.set 1 (i32.load (i32.const 65536))))
      (else (local.set 1 (i32.load offset=4 (i32.const 65536)))))
    (drop (i32.eqz (local.get 1)))
    i32.const 6)
  (func (export "_start") (call $exit (call $f (i32.const 1)))))
