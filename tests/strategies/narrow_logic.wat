;; Byte- and halfword-wide logic that src/target/x86.rs computes wide:
;; `(x ^ load8_u) & 0xff` and `(x | load16_u) & 0xffff`, with x an i32 or
;; an i64. Exit 0 if all match, else the failing case. Expected values:
;; 1. CRC-32 (reflected 0xEDB88320, table-driven, i32) of "123456789",
;;    the standard check value 0xcbf43926;
;; 2. an i64 table walk over the 64 bytes at 16: x = 0x123456789abcdef0,
;;    then x = (x >> 8) ^ T[(x ^ b) & 0xff] with T[i] = i * 0x0101010101010101;
;; 3. y = 0x1357, then y = ((y | h) & 0xffff) + (y >> 3) over those bytes'
;;    little-endian halfwords h.
;; (Computed with Python's zlib.crc32 and the same recurrences.)
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
  (data (i32.const 0) "123456789")
  (data (i32.const 16) "\0b\30\55\7a\9f\c4\e9\0e\33\58\7d\a2\c7\ec\11\36\5b\80\a5\ca\ef\14\39\5e\83\a8\cd\f2\17\3c\61\86\ab\d0\f5\1a\3f\64\89\ae\d3\f8\1d\42\67\8c\b1\d6\fb\20\45\6a\8f\b4\d9\fe\23\48\6d\92\b7\dc\01\26")
  ;; T32 at 1024, T64 at 2048.
  (func $tables (local $i i32) (local $c i32) (local $k i32)
    (loop $l
      (local.set $c (local.get $i))
      (local.set $k (i32.const 8))
      (loop $bit
        (local.set $c (select (i32.xor (i32.shr_u (local.get $c) (i32.const 1)) (i32.const 0xEDB88320))
                              (i32.shr_u (local.get $c) (i32.const 1))
                              (i32.and (local.get $c) (i32.const 1))))
        (br_if $bit (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))
      (i32.store offset=1024 (i32.shl (local.get $i) (i32.const 2)) (local.get $c))
      (i64.store offset=2048 (i32.shl (local.get $i) (i32.const 3))
                 (i64.mul (i64.extend_i32_u (local.get $i)) (i64.const 0x0101010101010101)))
      (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 256)))))
  (func $crc32 (param $p i32) (param $n i32) (result i32) (local $c i32)
    (local.set $c (i32.const -1))
    (loop $l
      (local.set $c (i32.xor
        (i32.load offset=1024 (i32.shl
          (i32.and (i32.xor (local.get $c) (i32.load8_u (local.get $p))) (i32.const 0xff))
          (i32.const 2)))
        (i32.shr_u (local.get $c) (i32.const 8))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (i32.xor (local.get $c) (i32.const -1)))
  (func $walk64 (param $p i32) (param $n i32) (result i64) (local $x i64)
    (local.set $x (i64.const 0x123456789abcdef0))
    (loop $l
      (local.set $x (i64.xor
        (i64.load offset=2048 (i32.wrap_i64 (i64.shl
          (i64.and (i64.xor (local.get $x) (i64.load8_u (local.get $p))) (i64.const 0xff))
          (i64.const 3))))
        (i64.shr_u (local.get $x) (i64.const 8))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $x))
  (func $or16 (param $p i32) (param $n i32) (result i32) (local $y i32)
    (local.set $y (i32.const 0x1357))
    (loop $l
      (local.set $y (i32.add
        (i32.and (i32.or (local.get $y) (i32.load16_u (local.get $p))) (i32.const 0xffff))
        (i32.shr_u (local.get $y) (i32.const 3))))
      (local.set $p (i32.add (local.get $p) (i32.const 2)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $y))
  (func (export "_start")
    (call $tables)
    (if (i32.ne (call $crc32 (i32.const 0) (i32.const 9)) (i32.const 0xcbf43926)) (then (call $exit (i32.const 1))))
    (if (i64.ne (call $walk64 (i32.const 16) (i32.const 64)) (i64.const 0xeb3c0e192f75cdd)) (then (call $exit (i32.const 2))))
    (if (i32.ne (call $or16 (i32.const 16) (i32.const 32)) (i32.const 0x59be)) (then (call $exit (i32.const 3))))
    (call $exit (i32.const 0))))
