;; pass: widen-narrow-logic
;; flags: -O2 --bounds-checks guard-pages --target x86_64-unknown-linux-gnu
;; Table-driven CRC-32's `table[(crc ^ p[i]) & 0xff]`: after LLVM's
;; pipeline the index is `zext(xor i8 (load p[i]), (trunc crc))`, which
;; the pass computes wide, `xor i32 (and crc, 255), (zext p[i])`, so the
;; byte never sits in an 8-bit register on the loop-carried chain.
(module
  (memory 1)
  (func (export "crc32") (param $p i32) (param $n i32) (result i32) (local $c i32)
    (local.set $c (i32.const -1))
    (loop $l
      (local.set $c (i32.xor
        (i32.load offset=1024 (i32.shl
          (i32.and (i32.xor (local.get $c) (i32.load8_u (local.get $p))) (i32.const 0xff))
          (i32.const 2)))
        (i32.shr_u (local.get $c) (i32.const 8))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (i32.xor (local.get $c) (i32.const -1))))
