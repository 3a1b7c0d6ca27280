;; Address arithmetic that wraps around 2^32 and lands in bounds, which
;; mirror.rs turns into signed 64-bit sums (negative ones reach the
;; memory's mirror, runtime/memory/guard_pages.c). The operands come from
;; memory so LLVM cannot fold them. Exit 0 when every access reads the right byte, else
;; the number of the first wrong check.
;; (No term here is an induction variable, so mirror.rs now leaves the sum
;; 32-bit and zero-extended; wrap_loop.wat and wrap_loop_oob.wat test the
;; widened, mirrored sums inside loops.)
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
  ;; at 64: 8, -4 (0xfffffffc), 0xffffffff, 16, -16
  (data (i32.const 64) "\08\00\00\00\fc\ff\ff\ff\ff\ff\ff\ff\10\00\00\00\f0\ff\ff\ff")
  (func $v (param $i i32) (result i32) (i32.load (i32.add (i32.const 64) (i32.shl (local.get $i) (i32.const 2)))))
  (func $check (param $n i32) (param $got i32) (param $want i32)
    (if (i32.ne (local.get $got) (local.get $want)) (then (call $exit (local.get $n)))))
  (func (export "_start") (local $i i32) (local $sum i32)
    (i32.store8 (i32.const 4) (i32.const 42))
    (i32.store8 (i32.const 8) (i32.const 43))
    (i32.store8 (i32.const 6) (i32.const 44))
    ;; 8 + -4 = 4
    (call $check (i32.const 1) (i32.load8_u (i32.add (call $v (i32.const 0)) (call $v (i32.const 1)))) (i32.const 42))
    ;; with a static offset: (16 + -16) + offset 8 = 8
    (call $check (i32.const 2)
      (i32.load8_u offset=8 (i32.add (call $v (i32.const 3)) (call $v (i32.const 4)))) (i32.const 43))
    ;; three terms: (0xffffffff + 0xffffffff) + 8 = 6
    (call $check (i32.const 3)
      (i32.load8_u (i32.add (i32.add (call $v (i32.const 2)) (call $v (i32.const 2))) (call $v (i32.const 0))))
      (i32.const 44))
    ;; a store through a wrapped address is seen at the plain one
    (i32.store8 (i32.add (call $v (i32.const 2)) (i32.const 101)) (i32.const 77))
    (call $check (i32.const 4) (i32.load8_u (i32.const 100)) (i32.const 77))
    ;; a loop whose addresses wrap: p = -8, bytes p + i for i in 8..16
    (i32.store (i32.const 0) (i32.const 0x04030201))
    (i32.store (i32.const 4) (i32.const 0x08070605))
    (local.set $i (i32.const 8))
    (loop $l
      (local.set $sum (i32.add (local.get $sum)
        (i32.load8_u (i32.add (i32.sub (i32.const 0) (call $v (i32.const 0))) (local.get $i)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 16))))
    (call $check (i32.const 5) (local.get $sum) (i32.const 36))
    (call $exit (i32.const 0))))
