;; Loops that count `p` by a constant step until it equals a limit, the
;; shape src/translate/versioning.rs translates twice (a counted copy
;; behind a guard, the general copy otherwise). Each call is checked
;; against a scalar model: exit 0 if all match, else the failing case.
;; Cases: aligned start (counted), start above the limit (p wraps around
;; 2^32), a start the step never brings to the limit (left through the
;; other exit), a limit >= 2^31, start == limit (a full wrap), and a
;; summing loop over memory that LLVM vectorizes; under the explicit
;; strategy stores whose index sum wraps around 2^32 before its constant
;; is added, or whose counter wraps (src/translate/hoist.rs). Cases 10-14
;; count down (a negative step, as clang's loops from 0 to minus the trip
;; count): landing on the limit, passing it by wrapping around 2^32 (the
;; general copy), never landing, a full wrap, and from INT32_MAX's
;; neighbourhood down to INT32_MIN's (counted, no signed wrap).
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
  (func $run (param $p i32) (param $lim i32) (result i32) (local $n i32) (local $acc i32)
    (block $out
      (loop $l
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (local.set $acc (i32.add (i32.mul (local.get $acc) (i32.const 31))
                                 (i32.shr_u (local.get $p) (i32.const 20))))
        (br_if $out (i32.eq (local.get $n) (i32.const 1000)))
        (br_if $l (i32.ne (local.tee $p (i32.add (local.get $p) (i32.const 0x1000000))) (local.get $lim)))))
    (i32.add (i32.mul (local.get $n) (i32.const 7)) (local.get $acc)))
  (func $run_down (param $p i32) (param $lim i32) (result i32) (local $n i32) (local $acc i64)
    (block $out
      (loop $l
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 31)) (i64.extend_i32_s (local.get $p))))
        (br_if $out (i32.eq (local.get $n) (i32.const 1000)))
        (br_if $l (i32.ne (local.tee $p (i32.add (local.get $p) (i32.const -0x1000000))) (local.get $lim)))))
    (i32.add (i32.mul (local.get $n) (i32.const 7))
             (i32.wrap_i64 (i64.xor (local.get $acc) (i64.shr_u (local.get $acc) (i64.const 32))))))
  (func $sum (param $p i32) (param $lim i32) (result i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (i32.load (local.get $p))))
      (br_if $l (i32.ne (local.tee $p (i32.add (local.get $p) (i32.const 4))) (local.get $lim))))
    (local.get $s))
  (func $fill (param $q i32) (param $p i32) (param $lim i32)
    (loop $l
      (i32.store (i32.add (i32.add (local.get $q) (local.get $p)) (i32.const 8)) (local.get $p))
      (br_if $l (i32.ne (local.tee $p (i32.add (local.get $p) (i32.const 4))) (local.get $lim)))))
  (func $check (param $case i32) (param $got i32) (param $want i32)
    (if (i32.ne (local.get $got) (local.get $want)) (then (call $exit (local.get $case)))))
  (func (export "_start") (local $a i32)
    (local.set $a (i32.const 64))
    (loop $init
      (i32.store (local.get $a) (i32.add (i32.mul (local.get $a) (i32.const 3)) (i32.const 1)))
      (br_if $init (i32.lt_u (local.tee $a (i32.add (local.get $a) (i32.const 4))) (i32.const 4160))))
    (call $check (i32.const 1) (call $run (i32.const 0) (i32.const 0x10000000)) (i32.const 1283916016))
    (call $check (i32.const 2) (call $run (i32.const 0x10) (i32.const 0x10000010)) (i32.const 1283916016))
    (call $check (i32.const 3) (call $run (i32.const 0xf0000000) (i32.const 0x10000000)) (i32.const -1762917920))
    (call $check (i32.const 4) (call $run (i32.const 0x10) (i32.const 0x10000000)) (i32.const -136594792))
    (call $check (i32.const 5) (call $run (i32.const 0) (i32.const 0x90000000)) (i32.const 1124010096))
    (call $check (i32.const 6) (call $run (i32.const 0x10000000) (i32.const 0x10000000)) (i32.const -1074786560))
    (call $check (i32.const 7) (call $sum (i32.const 64) (i32.const 4160)) (i32.const 6482944))
    (call $fill (i32.const -8) (i32.const 0) (i32.const 64))
    (call $check (i32.const 8) (call $sum (i32.const 0) (i32.const 64)) (i32.const 480))
    (call $fill (i32.const 0x10) (i32.const -16) (i32.const 16))
    (call $check (i32.const 9) (call $sum (i32.const 8) (i32.const 40)) (i32.const -16))
    (call $check (i32.const 10) (call $run_down (i32.const 0) (i32.const -0x10000000)) (i32.const -1541720065))
    (call $check (i32.const 11) (call $run_down (i32.const 0) (i32.const 0x10000000)) (i32.const 1163090976))
    (call $check (i32.const 12) (call $run_down (i32.const 0x10) (i32.const -0x10000000)) (i32.const 1034023872))
    (call $check (i32.const 13) (call $run_down (i32.const 0x20000000) (i32.const 0x20000000)) (i32.const -1898952672))
    (call $check (i32.const 14) (call $run_down (i32.const 0x7f000000) (i32.const -0x7f000000)) (i32.const 1050867797))
    (call $exit (i32.const 0))))
