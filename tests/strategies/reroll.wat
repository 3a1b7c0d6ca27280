;; Loops clang unrolled, the shape src/translate/reroll.rs rolls back up
;; (in the counted copy of src/translate/versioning.rs). Each case runs
;; twice on the same data: as written (a loop ending `p += C; br_if (p !=
;; n)`, versioned and possibly rolled up) and as a model with the same
;; body ending `br_if (p <u n)` (not versioned, so never rolled up). The
;; two memory regions and results must agree; on a mismatch the program
;; exits with the case's number, else 0. Some cases must be rolled up,
;; others must not be (the comments say which), but only behaviour is
;; checked: rolling up must never change it. Cases 8 and 9 push the
;; limit first, and use induction variables versioning.rs gives nsw when
;; the guard proves they cannot wrap (case 9's first run wraps).
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
;; Words from p to p + n (bytes): a fixed pseudo-random pattern.
  (func $init (param $p i32) (param $n i32) (local $i i32) (local $s i32)
    (local.set $s (i32.const 12345))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 1103515245)) (i32.const 12345)))
        (i32.store (i32.add (local.get $p) (local.get $i)) (i32.shr_u (local.get $s) (i32.const 8)))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $l))))
  ;; Order-sensitive hash of the words from p to p + n.
  (func $hash (param $p i32) (param $n i32) (result i32) (local $i i32) (local $h i32)
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $h (i32.add (i32.mul (local.get $h) (i32.const 31))
                               (i32.load (i32.add (local.get $p) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $l)))
    (local.get $h))
  ;; a[j] += x * b[j] unrolled by 3, b = a + 4 (rolled up)
  (func $axpy3 (param $a i32) (param $b i32) (param $x i32) (param $n i32) (result i32) (local $j i32)
    (loop $l
      (i32.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 0)) (i32.add (i32.load (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 0))) (i32.mul (local.get $x) (i32.load (i32.add (i32.add (local.get $b) (local.get $j)) (i32.const 0))))))
      (i32.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 4)) (i32.add (i32.load (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 4))) (i32.mul (local.get $x) (i32.load (i32.add (i32.add (local.get $b) (local.get $j)) (i32.const 4))))))
      (i32.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 8)) (i32.add (i32.load (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 8))) (i32.mul (local.get $x) (i32.load (i32.add (i32.add (local.get $b) (local.get $j)) (i32.const 8))))))
      (br_if $l (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 12))) (local.get $n))))
    (i32.const 0))
  ;; the model of $axpy3
  (func $axpy3_model (param $a i32) (param $b i32) (param $x i32) (param $n i32) (result i32) (local $j i32)
    (loop $l
      (i32.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 0)) (i32.add (i32.load (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 0))) (i32.mul (local.get $x) (i32.load (i32.add (i32.add (local.get $b) (local.get $j)) (i32.const 0))))))
      (i32.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 4)) (i32.add (i32.load (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 4))) (i32.mul (local.get $x) (i32.load (i32.add (i32.add (local.get $b) (local.get $j)) (i32.const 4))))))
      (i32.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 8)) (i32.add (i32.load (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 8))) (i32.mul (local.get $x) (i32.load (i32.add (i32.add (local.get $b) (local.get $j)) (i32.const 8))))))
      (br_if $l (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 12))) (local.get $n))))
    (i32.const 0))
  ;; both groups load before either stores, a[j+1] = 2a[j]+1 (kept)
  (func $early_loads (param $a i32) (param $b i32) (param $x i32) (param $n i32) (result i32) (local $j i32) (local $v i32) (local $w i32)
    (loop $l
      (local.set $v (i32.load (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 0))))
      (local.set $w (i32.load (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 4))))
      (i32.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 4)) (i32.add (i32.mul (local.get $v) (i32.const 2)) (i32.const 1)))
      (i32.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 8)) (i32.add (i32.mul (local.get $w) (i32.const 2)) (i32.const 1)))
      (br_if $l (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 8))) (local.get $n))))
    (i32.const 0))
  ;; the model of $early_loads
  (func $early_loads_model (param $a i32) (param $b i32) (param $x i32) (param $n i32) (result i32) (local $j i32) (local $v i32) (local $w i32)
    (loop $l
      (local.set $v (i32.load (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 0))))
      (local.set $w (i32.load (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 4))))
      (i32.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 4)) (i32.add (i32.mul (local.get $v) (i32.const 2)) (i32.const 1)))
      (i32.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 8)) (i32.add (i32.mul (local.get $w) (i32.const 2)) (i32.const 1)))
      (br_if $l (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 8))) (local.get $n))))
    (i32.const 0))
  ;; groups add 2 and 3 (kept)
  (func $different (param $a i32) (param $b i32) (param $x i32) (param $n i32) (result i32) (local $j i32)
    (loop $l
      (i32.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 0)) (i32.add (i32.load (i32.add (i32.add (local.get $b) (local.get $j)) (i32.const 0))) (i32.const 2)))
      (i32.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 4)) (i32.add (i32.load (i32.add (i32.add (local.get $b) (local.get $j)) (i32.const 4))) (i32.const 3)))
      (br_if $l (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 8))) (local.get $n))))
    (i32.const 0))
  ;; the model of $different
  (func $different_model (param $a i32) (param $b i32) (param $x i32) (param $n i32) (result i32) (local $j i32)
    (loop $l
      (i32.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 0)) (i32.add (i32.load (i32.add (i32.add (local.get $b) (local.get $j)) (i32.const 0))) (i32.const 2)))
      (i32.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 4)) (i32.add (i32.load (i32.add (i32.add (local.get $b) (local.get $j)) (i32.const 4))) (i32.const 3)))
      (br_if $l (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 8))) (local.get $n))))
    (i32.const 0))
  ;; a[j] = b[2j] + x, b read through a pointer q += 16 (rolled up)
  (func $pointer_iv (param $a i32) (param $b i32) (param $x i32) (param $n i32) (result i32) (local $j i32) (local $q i32)
    (local.set $q (local.get $b))
    (loop $l
      (i32.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 0)) (i32.add (i32.load (local.get $q)) (local.get $x)))
      (i32.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 4)) (i32.add (i32.load (i32.add (local.get $q) (i32.const 8))) (local.get $x)))
      (local.set $q (i32.add (local.get $q) (i32.const 16)))
      (br_if $l (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 8))) (local.get $n))))
    (i32.const 0))
  ;; the model of $pointer_iv
  (func $pointer_iv_model (param $a i32) (param $b i32) (param $x i32) (param $n i32) (result i32) (local $j i32) (local $q i32)
    (local.set $q (local.get $b))
    (loop $l
      (i32.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 0)) (i32.add (i32.load (local.get $q)) (local.get $x)))
      (i32.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 4)) (i32.add (i32.load (i32.add (local.get $q) (i32.const 8))) (local.get $x)))
      (local.set $q (i32.add (local.get $q) (i32.const 16)))
      (br_if $l (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 8))) (local.get $n))))
    (i32.const 0))
  ;; group 1's load is returned after the loop (kept)
  (func $live_out (param $a i32) (param $b i32) (param $x i32) (param $n i32) (result i32) (local $j i32) (local $t i32)
    (loop $l
      (i32.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 0)) (i32.add (i32.load (i32.add (i32.add (local.get $b) (local.get $j)) (i32.const 0))) (local.get $x)))
      (local.set $t (i32.load (i32.add (i32.add (local.get $b) (local.get $j)) (i32.const 4))))
      (i32.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 4)) (i32.add (local.get $t) (local.get $x)))
      (br_if $l (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 8))) (local.get $n))))
    (local.get $t))
  ;; the model of $live_out
  (func $live_out_model (param $a i32) (param $b i32) (param $x i32) (param $n i32) (result i32) (local $j i32) (local $t i32)
    (loop $l
      (i32.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 0)) (i32.add (i32.load (i32.add (i32.add (local.get $b) (local.get $j)) (i32.const 0))) (local.get $x)))
      (local.set $t (i32.load (i32.add (i32.add (local.get $b) (local.get $j)) (i32.const 4))))
      (i32.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 4)) (i32.add (local.get $t) (local.get $x)))
      (br_if $l (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 8))) (local.get $n))))
    (local.get $t))
  ;; f64 a[j] += x * b[j] unrolled by 3 (rolled up; LLVM then vectorizes)
  (func $f64_axpy3 (param $a i32) (param $b i32) (param $x i32) (param $n i32) (result i32) (local $j i32)
    (loop $l
      (f64.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 0)) (f64.add (f64.mul (f64.convert_i32_s (local.get $x)) (f64.load (i32.add (i32.add (local.get $b) (local.get $j)) (i32.const 0)))) (f64.load (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 0)))))
      (f64.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 8)) (f64.add (f64.mul (f64.convert_i32_s (local.get $x)) (f64.load (i32.add (i32.add (local.get $b) (local.get $j)) (i32.const 8)))) (f64.load (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 8)))))
      (f64.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 16)) (f64.add (f64.mul (f64.convert_i32_s (local.get $x)) (f64.load (i32.add (i32.add (local.get $b) (local.get $j)) (i32.const 16)))) (f64.load (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 16)))))
      (br_if $l (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 24))) (local.get $n))))
    (i32.const 0))
  ;; the model of $f64_axpy3
  (func $f64_axpy3_model (param $a i32) (param $b i32) (param $x i32) (param $n i32) (result i32) (local $j i32)
    (loop $l
      (f64.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 0)) (f64.add (f64.mul (f64.convert_i32_s (local.get $x)) (f64.load (i32.add (i32.add (local.get $b) (local.get $j)) (i32.const 0)))) (f64.load (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 0)))))
      (f64.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 8)) (f64.add (f64.mul (f64.convert_i32_s (local.get $x)) (f64.load (i32.add (i32.add (local.get $b) (local.get $j)) (i32.const 8)))) (f64.load (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 8)))))
      (f64.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 16)) (f64.add (f64.mul (f64.convert_i32_s (local.get $x)) (f64.load (i32.add (i32.add (local.get $b) (local.get $j)) (i32.const 16)))) (f64.load (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 16)))))
      (br_if $l (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 24))) (local.get $n))))
    (i32.const 0))
  ;; a[j] ^= b[j] with element indices (j + k) << 2, unrolled by 4 (rolled up)
  (func $shl_index4 (param $a i32) (param $b i32) (param $x i32) (param $n i32) (result i32) (local $j i32)
    (loop $l
      (i32.store (i32.add (local.get $a) (i32.shl (i32.add (local.get $j) (i32.const 0)) (i32.const 2))) (i32.xor (i32.load (i32.add (local.get $b) (i32.shl (i32.add (local.get $j) (i32.const 0)) (i32.const 2)))) (i32.load (i32.add (local.get $a) (i32.shl (i32.add (local.get $j) (i32.const 0)) (i32.const 2))))))
      (i32.store (i32.add (local.get $a) (i32.shl (i32.add (local.get $j) (i32.const 1)) (i32.const 2))) (i32.xor (i32.load (i32.add (local.get $b) (i32.shl (i32.add (local.get $j) (i32.const 1)) (i32.const 2)))) (i32.load (i32.add (local.get $a) (i32.shl (i32.add (local.get $j) (i32.const 1)) (i32.const 2))))))
      (i32.store (i32.add (local.get $a) (i32.shl (i32.add (local.get $j) (i32.const 2)) (i32.const 2))) (i32.xor (i32.load (i32.add (local.get $b) (i32.shl (i32.add (local.get $j) (i32.const 2)) (i32.const 2)))) (i32.load (i32.add (local.get $a) (i32.shl (i32.add (local.get $j) (i32.const 2)) (i32.const 2))))))
      (i32.store (i32.add (local.get $a) (i32.shl (i32.add (local.get $j) (i32.const 3)) (i32.const 2))) (i32.xor (i32.load (i32.add (local.get $b) (i32.shl (i32.add (local.get $j) (i32.const 3)) (i32.const 2)))) (i32.load (i32.add (local.get $a) (i32.shl (i32.add (local.get $j) (i32.const 3)) (i32.const 2))))))
      (br_if $l (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 4))) (local.get $n))))
    (i32.const 0))
  ;; the model of $shl_index4
  (func $shl_index4_model (param $a i32) (param $b i32) (param $x i32) (param $n i32) (result i32) (local $j i32)
    (loop $l
      (i32.store (i32.add (local.get $a) (i32.shl (i32.add (local.get $j) (i32.const 0)) (i32.const 2))) (i32.xor (i32.load (i32.add (local.get $b) (i32.shl (i32.add (local.get $j) (i32.const 0)) (i32.const 2)))) (i32.load (i32.add (local.get $a) (i32.shl (i32.add (local.get $j) (i32.const 0)) (i32.const 2))))))
      (i32.store (i32.add (local.get $a) (i32.shl (i32.add (local.get $j) (i32.const 1)) (i32.const 2))) (i32.xor (i32.load (i32.add (local.get $b) (i32.shl (i32.add (local.get $j) (i32.const 1)) (i32.const 2)))) (i32.load (i32.add (local.get $a) (i32.shl (i32.add (local.get $j) (i32.const 1)) (i32.const 2))))))
      (i32.store (i32.add (local.get $a) (i32.shl (i32.add (local.get $j) (i32.const 2)) (i32.const 2))) (i32.xor (i32.load (i32.add (local.get $b) (i32.shl (i32.add (local.get $j) (i32.const 2)) (i32.const 2)))) (i32.load (i32.add (local.get $a) (i32.shl (i32.add (local.get $j) (i32.const 2)) (i32.const 2))))))
      (i32.store (i32.add (local.get $a) (i32.shl (i32.add (local.get $j) (i32.const 3)) (i32.const 2))) (i32.xor (i32.load (i32.add (local.get $b) (i32.shl (i32.add (local.get $j) (i32.const 3)) (i32.const 2)))) (i32.load (i32.add (local.get $a) (i32.shl (i32.add (local.get $j) (i32.const 3)) (i32.const 2))))))
      (br_if $l (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 4))) (local.get $n))))
    (i32.const 0))
  ;; p[j] += x * r[16j] through pointers p += 8, r += 64, limit pushed first (rolled up)
  (func $two_pointers (param $a i32) (param $b i32) (param $x i32) (param $n i32) (result i32) (local $j i32) (local $p i32) (local $r i32)
    (local.set $p (local.get $a))
    (local.set $r (local.get $b))
    (loop $l
      (i32.store (local.get $p) (i32.add (i32.load (local.get $p)) (i32.mul (local.get $x) (i32.load (local.get $r)))))
      (i32.store (i32.add (local.get $p) (i32.const 4))
        (i32.add (i32.load (i32.add (local.get $p) (i32.const 4))) (i32.mul (local.get $x) (i32.load (i32.add (local.get $r) (i32.const 32))))))
      (local.set $p (i32.add (local.get $p) (i32.const 8)))
      (local.set $r (i32.add (local.get $r) (i32.const 64)))
      (br_if $l (i32.ne (local.get $n) (local.tee $j (i32.add (local.get $j) (i32.const 2))))))
    (i32.const 0))
  ;; the model of $two_pointers
  (func $two_pointers_model (param $a i32) (param $b i32) (param $x i32) (param $n i32) (result i32) (local $j i32) (local $p i32) (local $r i32)
    (local.set $p (local.get $a))
    (local.set $r (local.get $b))
    (loop $l
      (i32.store (local.get $p) (i32.add (i32.load (local.get $p)) (i32.mul (local.get $x) (i32.load (local.get $r)))))
      (i32.store (i32.add (local.get $p) (i32.const 4))
        (i32.add (i32.load (i32.add (local.get $p) (i32.const 4))) (i32.mul (local.get $x) (i32.load (i32.add (local.get $r) (i32.const 32))))))
      (local.set $p (i32.add (local.get $p) (i32.const 8)))
      (local.set $r (i32.add (local.get $r) (i32.const 64)))
      (br_if $l (i32.gt_u (local.get $n) (local.tee $j (i32.add (local.get $j) (i32.const 2))))))
    (i32.const 0))
  ;; q += 2^24 from x, stored sign-extended (near INT32_MAX q wraps: no nsw), limit first
  (func $wrapping_iv (param $a i32) (param $b i32) (param $x i32) (param $n i32) (result i32) (local $j i32) (local $q i32)
    (local.set $q (local.get $x))
    (loop $l
      (i64.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 0)) (i64.extend_i32_s (local.get $q)))
      (local.set $q (i32.add (local.get $q) (i32.const 0x1000000)))
      (br_if $l (i32.ne (local.get $n) (local.tee $j (i32.add (local.get $j) (i32.const 8))))))
    (i32.const 0))
  ;; the model of $wrapping_iv
  (func $wrapping_iv_model (param $a i32) (param $b i32) (param $x i32) (param $n i32) (result i32) (local $j i32) (local $q i32)
    (local.set $q (local.get $x))
    (loop $l
      (i64.store (i32.add (i32.add (local.get $a) (local.get $j)) (i32.const 0)) (i64.extend_i32_s (local.get $q)))
      (local.set $q (i32.add (local.get $q) (i32.const 0x1000000)))
      (br_if $l (i32.gt_u (local.get $n) (local.tee $j (i32.add (local.get $j) (i32.const 8))))))
    (i32.const 0))
;; Case c: init both regions (4 KiB each at 0x1000 and 0x3000), run f on the
  ;; first and its model on the second, compare hashes and results.
  (type $case (func (param i32 i32 i32 i32) (result i32)))
  (table funcref (elem $axpy3 $axpy3_model $early_loads $early_loads_model $different $different_model $pointer_iv $pointer_iv_model $live_out $live_out_model $f64_axpy3 $f64_axpy3_model $shl_index4 $shl_index4_model $two_pointers $two_pointers_model $wrapping_iv $wrapping_iv_model))
  (func $check (param $c i32) (param $boff i32) (param $x i32) (param $n i32) (local $r i32) (local $m i32)
    (call $init (i32.const 0x1000) (i32.const 0x2000))
    (call $init (i32.const 0x3000) (i32.const 0x2000))
    (local.set $r (call_indirect (type $case) (i32.const 0x1000) (i32.add (i32.const 0x1000) (local.get $boff))
      (local.get $x) (local.get $n) (i32.mul (i32.sub (local.get $c) (i32.const 1)) (i32.const 2))))
    (local.set $m (call_indirect (type $case) (i32.const 0x3000) (i32.add (i32.const 0x3000) (local.get $boff))
      (local.get $x) (local.get $n) (i32.add (i32.mul (i32.sub (local.get $c) (i32.const 1)) (i32.const 2)) (i32.const 1))))
    (if (i32.or (i32.ne (local.get $r) (local.get $m))
                (i32.ne (call $hash (i32.const 0x1000) (i32.const 0x2000)) (call $hash (i32.const 0x3000) (i32.const 0x2000))))
      (then (call $exit (local.get $c)))))
  (func (export "_start")
    (call $check (i32.const 1) (i32.const 4) (i32.const 3) (i32.const 1200))
    (call $check (i32.const 1) (i32.const 2048) (i32.const 7) (i32.const 1500))
    (call $check (i32.const 2) (i32.const 0) (i32.const 0) (i32.const 800))
    (call $check (i32.const 3) (i32.const 1024) (i32.const 0) (i32.const 960))
    (call $check (i32.const 4) (i32.const 2048) (i32.const 5) (i32.const 512))
    (call $check (i32.const 5) (i32.const 1024) (i32.const 9) (i32.const 1000))
    (call $check (i32.const 6) (i32.const 8) (i32.const 3) (i32.const 1200))
    (call $check (i32.const 6) (i32.const 2048) (i32.const 2) (i32.const 2400))
    (call $check (i32.const 7) (i32.const 2048) (i32.const 0) (i32.const 256))
    (call $check (i32.const 7) (i32.const 4) (i32.const 0) (i32.const 256))
    (call $check (i32.const 8) (i32.const 2048) (i32.const 3) (i32.const 100))
    (call $check (i32.const 8) (i32.const 4) (i32.const 5) (i32.const 60))
    (call $check (i32.const 9) (i32.const 0) (i32.const 2146435072) (i32.const 256))
    (call $check (i32.const 9) (i32.const 0) (i32.const 16) (i32.const 256))
    (call $exit (i32.const 0))))
