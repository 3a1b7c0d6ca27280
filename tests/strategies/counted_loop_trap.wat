;; A summing loop of the counted shape (versioning.rs) whose start is not
;; a multiple of the step away from the limit: `p` never equals the limit,
;; so the loop runs on until its load leaves the one-page memory and traps.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
  (func $sum (param $p i32) (param $lim i32) (result i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (i32.load (local.get $p))))
      (br_if $l (i32.ne (local.tee $p (i32.add (local.get $p) (i32.const 4))) (local.get $lim))))
    (local.get $s))
  (func (export "_start")
    (call $exit (call $sum (i32.const 66) (i32.const 4160)))))
