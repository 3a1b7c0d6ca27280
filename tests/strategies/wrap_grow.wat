;; The mirror below a guard-pages memory is mapped at its first in-bounds
;; access (runtime/memory/guard_pages.c); until then the memory is plain
;; private memory. This checks that mapping it later keeps what was
;; written before, and that memory.grow before and after it opens the
;; new pages in both views. Loops over 0x80000000 + (0x80000000 + x + i)
;; reach wrapped address x + i through the mirror (mirror.rs widens the
;; sum: one term is an induction variable). Exit 0 when every check
;; holds, else its number:
;; 1. memory.grow 1 (before the mirror exists) returns 1;
;; 2. bytes stored plainly in the grown page (65540..65543 = 1, 2, 3, 4)
;;    read back through the mirror: its first access maps it (sum 10);
;; 3. memory.grow 1 (the mirror exists now) returns 2;
;; 4. a loop stores 9 at 131076..131079 through the mirror and the plain
;;    reads see it (9 * 4 = 36);
;; 5. bytes stored plainly in the new page are seen through the mirror
;;    (131080..131083 = 5, 6, 7, 8: sum 26).
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 3)
  ;; at 64: a = 0x80000000; at 68, 72, 76: i0 = 0x80010004, 0x80020004,
  ;; 0x80020008 (loaded, so that inlining cannot fold the sums)
  (data (i32.const 64) "\00\00\00\80\04\00\01\80\04\00\02\80\08\00\02\80")
  (func $check (param $n i32) (param $got i32) (param $want i32)
    (if (i32.ne (local.get $got) (local.get $want)) (then (call $exit (local.get $n)))))
  (func $sum (param $a i32) (param $i i32) (param $n i32) (result i32) (local $s i32) (local $end i32)
    (local.set $end (i32.add (local.get $i) (local.get $n)))
    (loop $l
      (local.set $s (i32.add (local.get $s) (i32.load8_u (i32.add (local.get $a) (local.get $i)))))
      (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $end))))
    (local.get $s))
  (func $fill (param $a i32) (param $i i32) (param $n i32) (param $v i32) (local $end i32)
    (local.set $end (i32.add (local.get $i) (local.get $n)))
    (loop $l
      (i32.store8 (i32.add (local.get $a) (local.get $i)) (local.get $v))
      (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $end)))))
  (func $plain_sum (param $x i32) (result i32)
    (i32.add (i32.add (i32.load8_u (local.get $x)) (i32.load8_u offset=1 (local.get $x)))
             (i32.add (i32.load8_u offset=2 (local.get $x)) (i32.load8_u offset=3 (local.get $x)))))
  (func (export "_start")
    (call $check (i32.const 1) (memory.grow (i32.const 1)) (i32.const 1))
    (i32.store (i32.const 65540) (i32.const 0x04030201))
    (call $check (i32.const 2)
      (call $sum (i32.load (i32.const 64)) (i32.load (i32.const 68)) (i32.const 4)) (i32.const 10))
    (call $check (i32.const 3) (memory.grow (i32.const 1)) (i32.const 2))
    (call $fill (i32.load (i32.const 64)) (i32.load (i32.const 72)) (i32.const 4) (i32.const 9))
    (call $check (i32.const 4) (call $plain_sum (i32.const 131076)) (i32.const 36))
    (i32.store (i32.const 131080) (i32.const 0x08070605))
    (call $check (i32.const 5)
      (call $sum (i32.load (i32.const 64)) (i32.load (i32.const 76)) (i32.const 4)) (i32.const 26))
    (call $exit (i32.const 0))))
