;; A counted loop (versioning.rs) whose stores run past the end of memory:
;; the explicit strategy's hoisted check (hoist.rs) fails, the checked
;; copy runs and traps at the first store out of bounds. The loop is
;; entered at 64 KiB - 32 and counts to 64 KiB + 32.
(module
  (memory 1 1)
  (func $fill (param $p i32) (param $lim i32)
    (loop $l
      (i32.store (local.get $p) (local.get $p))
      (br_if $l (i32.ne (local.tee $p (i32.add (local.get $p) (i32.const 4))) (local.get $lim)))))
  (func (export "_start")
    (call $fill (i32.const 65504) (i32.const 65568))))
