;; A store through `a`, a byte store through `a + 1` (rewritten by
;; mirror.rs), a load of `a`: the load must see the byte (exit 255). Once
;; the two addresses differed by 2^33 and GVN forwarded the first store.
;; (No term here is an induction variable, so mirror.rs now leaves the sum
;; 32-bit and zero-extended; wrap_loop.wat and wrap_loop_oob.wat test the
;; widened, mirrored sums inside loops.)
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
  (data (i32.const 64) "\10\00\00\00")
  (func $f (param $a i32) (result i32)
    (i32.store (local.get $a) (i32.const 0))
    (i32.store8 (i32.add (local.get $a) (i32.const 1)) (i32.const 0xff))
    (i32.load (local.get $a)))
  (func (export "_start")
    (call $exit (i32.shr_u (call $f (i32.load (i32.const 64))) (i32.const 8)))))
