;; 0xfffffff0 + 0x20000 wraps to 0x1fff0: past the 64 KiB memory, must
;; trap (the signed sum is 0x1fff0 itself).
;; (No term here is an induction variable, so mirror.rs now leaves the sum
;; 32-bit and zero-extended; wrap_loop.wat and wrap_loop_oob.wat test the
;; widened, mirrored sums inside loops.)
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
  (data (i32.const 64) "\f0\ff\ff\ff\00\00\02\00")
  (func (export "_start")
    (call $exit (i32.load8_u (i32.add (i32.load (i32.const 64)) (i32.load (i32.const 68)))))))
