;; A loop over 0x80000000 + (0x80000000 + 65532 + i), i = 0..7: the
;; wrapped addresses 65532..65539 cross the end of the one-page memory at
;; i = 4. mirror.rs widens the sum (an induction variable term) to a
;; signed sum 4 GiB below the base, in the mirror, whose pages past the
;; memory's size are inaccessible too: the access must trap, not read
;; whatever lies past the mirror's size.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
  (data (i32.const 64) "\00\00\00\80\fc\ff\00\80")
  (func $sum (param $a i32) (param $i i32) (param $n i32) (result i32) (local $s i32) (local $end i32)
    (local.set $end (i32.add (local.get $i) (local.get $n)))
    (loop $l
      (local.set $s (i32.add (local.get $s) (i32.load8_u (i32.add (local.get $a) (local.get $i)))))
      (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $end))))
    (local.get $s))
  (func (export "_start")
    (call $exit (call $sum (i32.load (i32.const 64)) (i32.load (i32.const 68)) (i32.const 8)))))
