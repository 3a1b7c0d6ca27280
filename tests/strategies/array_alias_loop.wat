;; `C[j] += 3 * B[j]` over 100 i32s, unrolled by two the way clang emits
;; wasm loops, with B and C disjoint, overlapping either way, and equal.
;; Inside the loop each array gets a base of its own (src/translate/
;; mirror.rs) and LLVM vectorizes behind a run-time overlap check; the
;; overlapping calls must still see every earlier store. Exit 70 is the
;; checksum of the words at [1024, 8192) mod 256, from a scalar model.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
  (func $axpy (param $c i32) (param $b i32) (param $n i32) (local $p i32) (local $cp i32) (local $bp i32)
    (loop $l
      (local.set $cp (i32.add (local.get $c) (local.get $p)))
      (local.set $bp (i32.add (local.get $b) (local.get $p)))
      (i32.store (local.get $cp)
        (i32.add (i32.load (local.get $cp)) (i32.mul (i32.load (local.get $bp)) (i32.const 3))))
      (i32.store (i32.add (local.get $cp) (i32.const 4))
        (i32.add (i32.load (i32.add (local.get $cp) (i32.const 4)))
                 (i32.mul (i32.load (i32.add (local.get $bp) (i32.const 4))) (i32.const 3))))
      (br_if $l (i32.lt_u (local.tee $p (i32.add (local.get $p) (i32.const 8))) (local.get $n)))))
  (func (export "_start") (local $a i32) (local $sum i32)
    ;; word at address a = (a / 4) mod 256
    (local.set $a (i32.const 1024))
    (loop $init
      (i32.store (local.get $a) (i32.and (i32.shr_u (local.get $a) (i32.const 2)) (i32.const 255)))
      (br_if $init (i32.lt_u (local.tee $a (i32.add (local.get $a) (i32.const 4))) (i32.const 8192))))
    (call $axpy (i32.const 4096) (i32.const 1024) (i32.const 400))
    (call $axpy (i32.const 1028) (i32.const 1024) (i32.const 400))
    (call $axpy (i32.const 1536) (i32.const 1540) (i32.const 400))
    (call $axpy (i32.const 6000) (i32.const 6000) (i32.const 400))
    ;; sum of word * (index mod 7 + 1)
    (local.set $a (i32.const 1024))
    (loop $sum
      (local.set $sum (i32.add (local.get $sum)
        (i32.mul (i32.load (local.get $a))
                 (i32.add (i32.rem_u (i32.shr_u (local.get $a) (i32.const 2)) (i32.const 7)) (i32.const 1)))))
      (br_if $sum (i32.lt_u (local.tee $a (i32.add (local.get $a) (i32.const 4))) (i32.const 8192))))
    (call $exit (i32.and (local.get $sum) (i32.const 255)))))
