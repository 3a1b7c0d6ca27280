;; 2 + -4 wraps to 0xfffffffe: out of bounds, must trap (the signed sum
;; -2 is in the mirror below the base, past the memory's size).
;; (No term here is an induction variable, so mirror.rs now leaves the sum
;; 32-bit and zero-extended; wrap_loop.wat and wrap_loop_oob.wat test the
;; widened, mirrored sums inside loops.)
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
  (data (i32.const 64) "\02\00\00\00\fc\ff\ff\ff")
  (func (export "_start")
    (call $exit (i32.load8_u (i32.add (i32.load (i32.const 64)) (i32.load (i32.const 68)))))))
