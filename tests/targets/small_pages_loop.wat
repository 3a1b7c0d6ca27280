;; Counted loops (src/translate/versioning.rs) under Cortex-M's explicit
;; checks with 4 KiB pages: their checks are hoisted into the loop's guard
;; (hoist.rs) against the runtime's accessible size,
;; awsm_mem_limit_explicit, which must be the one declared page's 4 KiB,
;; not 64 KiB. An in-bounds loop fills [0, 4096) and another sums it
;; (exit 1 if the sum is wrong); then a loop storing across byte 4096
;; must trap. With 64 KiB pages that loop is in bounds: status 0.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
  (func $fill (param $p i32) (param $lim i32)
    (loop $l
      (i32.store (local.get $p) (local.get $p))
      (br_if $l (i32.ne (local.tee $p (i32.add (local.get $p) (i32.const 4))) (local.get $lim)))))
  (func $sum (param $p i32) (param $lim i32) (result i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (i32.load (local.get $p))))
      (br_if $l (i32.ne (local.tee $p (i32.add (local.get $p) (i32.const 4))) (local.get $lim))))
    (local.get $s))
  (func (export "_start")
    (call $fill (i32.const 0) (i32.const 4096))
    ;; 0 + 4 + ... + 4092 = 4 * (1023 * 1024 / 2)
    (if (i32.ne (call $sum (i32.const 0) (i32.const 4096)) (i32.const 2095104))
      (then (call $exit (i32.const 1))))
    (call $fill (i32.const 4064) (i32.const 4128))))
