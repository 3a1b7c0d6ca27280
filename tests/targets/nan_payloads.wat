;; NaN payloads across calls: exits with a bit mask of failed checks (0 = all
;; kept). Run on every target by tests/targets.rs.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  (type $ff (func (param f32) (result f32)))
  (type $dd (func (param f64) (result f64)))
  (table 2 funcref)
  (elem (i32.const 0) $id32 $id64)
  (func $id32 (type $ff) (local.get 0))
  (func $id64 (type $dd) (local.get 0))
  (func $neg32 (param f32) (result f32) (f32.neg (local.get 0)))
  (func (export "_start")
    (local $r i32)
    ;; 1: direct call of f32 sNaN 0x7fa00001 through an identity
    (if (i32.ne (i32.reinterpret_f32 (call $id32 (f32.reinterpret_i32 (i32.const 0x7fa00001)))) (i32.const 0x7fa00001))
      (then (local.set $r (i32.or (local.get $r) (i32.const 1)))))
    ;; 2: indirect call f32
    (if (i32.ne (i32.reinterpret_f32 (call_indirect (type $ff) (f32.reinterpret_i32 (i32.const 0x7fa00001)) (i32.const 0))) (i32.const 0x7fa00001))
      (then (local.set $r (i32.or (local.get $r) (i32.const 2)))))
    ;; 4: indirect call f64 sNaN
    (if (i64.ne (i64.reinterpret_f64 (call_indirect (type $dd) (f64.reinterpret_i64 (i64.const 0x7ff4000000000001)) (i32.const 1))) (i64.const 0x7ff4000000000001))
      (then (local.set $r (i32.or (local.get $r) (i32.const 4)))))
    ;; 8: f32.neg of sNaN must only flip the sign
    (if (i32.ne (i32.reinterpret_f32 (call $neg32 (f32.reinterpret_i32 (i32.const 0x7fa00001)))) (i32.const 0xffa00001))
      (then (local.set $r (i32.or (local.get $r) (i32.const 8)))))
    (call $exit (local.get $r)))
)
