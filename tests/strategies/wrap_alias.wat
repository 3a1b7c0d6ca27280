;; The same byte written through `(p + 4i) + -4` and read back through
;; `p` offset=4 (i = 2): the read after the store must see it. With the
;; addresses computed differently (one through a mirror), alias analysis
;; would let the reload be folded away (a real miscompile once, found
;; with a C program). Exit 6 = 1 (the first read) + 5 (the re-read).
;; (No term here is an induction variable, so mirror.rs now leaves the sum
;; 32-bit and zero-extended; wrap_loop.wat and wrap_loop_oob.wat test the
;; widened, mirrored sums inside loops.)
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
  ;; at 64: p = 100, i = 2
  (data (i32.const 64) "\64\00\00\00\02\00\00\00")
  (func $f (param $p i32) (param $i i32) (result i32) (local $x i32)
    (local.set $x (i32.load offset=4 (local.get $p)))
    (i32.store (i32.add (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2))) (i32.const -4))
      (i32.const 5))
    (i32.add (local.get $x) (i32.load offset=4 (local.get $p))))
  (func (export "_start")
    (i32.store (i32.const 104) (i32.const 1))
    (call $exit (call $f (i32.load (i32.const 64)) (i32.load (i32.const 68))))))
