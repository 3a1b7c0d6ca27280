;; A module importing the same host function, global and table twice, and
;; the same WASI function twice, as an object for a C host
;; (tests/wasi/dup_host.c, tests/wasi_conformance.rs): each pair must be
;; one entity.
(module
  (import "env" "f" (func $f1 (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $w1 (param i32 i32 i32 i32) (result i32)))
  (import "env" "g" (global $g1 (mut i32)))
  (import "env" "t" (table $t1 2 externref))
  (import "env" "f" (func $f2 (param i32) (result i32)))
  (import "env" "g" (global $g2 (mut i32)))
  (import "env" "t" (table $t2 2 externref))
  (import "wasi_snapshot_preview1" "fd_write" (func $w2 (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "\10\00\00\00\03\00\00\00")
  (data (i32.const 16) "ok\n")
  ;; f through both imports; a global set through one and read through
  ;; the other; a table grown through one and measured through the other.
  (func (export "run") (result i32)
    (global.set $g1 (i32.const 5))
    (drop (table.grow $t1 (ref.null extern) (i32.const 1)))
    (drop (call $w1 (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 32)))
    (drop (call $w2 (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 32)))
    (i32.add
      (i32.add (call $f1 (i32.const 100)) (call $f2 (i32.const 1000)))
      (i32.add (i32.mul (global.get $g2) (i32.const 10000)) (i32.mul (table.size $t2) (i32.const 100000))))))
