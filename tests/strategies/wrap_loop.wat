;; Address sums that wrap around 2^32 inside loops, where one term is an
;; induction variable, so mirror.rs widens them to signed 64-bit sums
;; (outside loops they stay 32-bit and zero-extended). Both terms are
;; "negative" i32 values: 0x80000000 + (0x80000004 + i) wraps to the
;; in-bounds address 4 + i, whose signed sum lies 4 GiB below the base,
;; in the memory's mirror (runtime/memory/guard_pages.c). Exit 0 when
;; every check holds, else its number:
;; 1. the loop reads bytes 4..7 (10, 11, 12, 13: sum 46) through the mirror;
;; 2. a loop stores 7 at 4..7 through the mirror, and the plain reads of
;;    those bytes in the same function see it (7 * 4 = 28);
;; 3. a store through the plain address inside the loop is seen by the
;;    mirror read that follows it (each byte incremented: 8 * 4 = 32).
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
  ;; at 64: a = 0x80000000, i0 = 0x80000004
  (data (i32.const 64) "\00\00\00\80\04\00\00\80")
  (data (i32.const 4) "\0a\0b\0c\0d")
  (func $check (param $n i32) (param $got i32) (param $want i32)
    (if (i32.ne (local.get $got) (local.get $want)) (then (call $exit (local.get $n)))))
  (func $sum (param $a i32) (param $i i32) (param $n i32) (result i32) (local $s i32) (local $end i32)
    (local.set $end (i32.add (local.get $i) (local.get $n)))
    (loop $l
      (local.set $s (i32.add (local.get $s) (i32.load8_u (i32.add (local.get $a) (local.get $i)))))
      (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $end))))
    (local.get $s))
  (func $fill_then_read (param $a i32) (param $i i32) (param $n i32) (result i32) (local $end i32)
    (local.set $end (i32.add (local.get $i) (local.get $n)))
    (loop $l
      (i32.store8 (i32.add (local.get $a) (local.get $i)) (i32.const 7))
      (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $end))))
    (i32.add (i32.add (i32.load8_u (i32.const 4)) (i32.load8_u (i32.const 5)))
             (i32.add (i32.load8_u (i32.const 6)) (i32.load8_u (i32.const 7)))))
  (func $bump_then_read (param $a i32) (param $i i32) (param $n i32) (result i32) (local $s i32) (local $k i32)
    (loop $l
      ;; plain address k + 4, then the same byte through the mirror
      (i32.store8 offset=4 (local.get $k) (i32.add (i32.load8_u offset=4 (local.get $k)) (i32.const 1)))
      (local.set $s (i32.add (local.get $s) (i32.load8_u (i32.add (local.get $a) (local.get $i)))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.add (i32.load (i32.const 68)) (local.get $n)))))
    (local.get $s))
  (func (export "_start")
    (call $check (i32.const 1) (call $sum (i32.load (i32.const 64)) (i32.load (i32.const 68)) (i32.const 4)) (i32.const 46))
    (call $check (i32.const 2) (call $fill_then_read (i32.load (i32.const 64)) (i32.load (i32.const 68)) (i32.const 4)) (i32.const 28))
    (call $check (i32.const 3) (call $bump_then_read (i32.load (i32.const 64)) (i32.load (i32.const 68)) (i32.const 4)) (i32.const 32))
    (call $exit (i32.const 0))))
