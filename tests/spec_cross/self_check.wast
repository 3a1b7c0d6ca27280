;; The runner's own check (tests/spec_cross.rs runs it first on every
;; configuration): each directive must end as its comment says, so a
;; driver that passed everything, or compared results loosely, fails.
(module $M  ;; pass
  (memory 1)
  (global (export "g") f64 (f64.const -0.5))
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "snan") (result f32) (f32.reinterpret_i32 (i32.const 0x7fa00001)))
  (func (export "nan") (result f64) (f64.div (f64.const 0) (f64.const 0)))
  (func (export "wide") (param i64) (result i64) (i64.rotl (local.get 0) (i64.const 32)))
  (func (export "div") (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
  (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "pair") (result i32 f64) (i32.const 7) (f64.const 2.5))
  (func $loop (export "loop") (call $loop))
)
(assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))  ;; pass
(assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 4))  ;; fail
(assert_return (invoke "add" (i32.const 1)) (i32.const 1))  ;; fail
(assert_return (invoke "absent"))  ;; fail
(assert_return (invoke "snan") (f32.const nan:0x200001))  ;; pass
(assert_return (invoke "snan") (f32.const nan:arithmetic))  ;; fail
(assert_return (invoke "snan") (f32.const nan:0x200002))  ;; fail
(assert_return (invoke "nan") (f64.const nan:canonical))  ;; pass
(assert_return (invoke "nan") (f64.const nan:arithmetic))  ;; pass
(assert_return (invoke "nan") (f64.const 0))  ;; fail
(assert_return (invoke "wide" (i64.const 0x1_0000_0002)) (i64.const 0x2_0000_0001))  ;; pass
(assert_return (invoke "wide" (i64.const 0x1_0000_0002)) (i64.const 0x2_0000_0000))  ;; fail
(assert_return (invoke "pair") (i32.const 7) (f64.const 2.5))  ;; pass
(assert_return (invoke "pair") (i32.const 7) (f64.const 2.25))  ;; fail
(assert_return (invoke "pair") (i32.const 7))  ;; fail
(assert_return (get "g") (f64.const -0.5))  ;; pass
(assert_return (get "g") (f64.const 0.5))  ;; fail
(assert_trap (invoke "div" (i32.const 0)) "integer divide by zero")  ;; pass
(assert_trap (invoke "div" (i32.const 0)) "integer overflow")  ;; fail
(assert_trap (invoke "div" (i32.const 1)) "integer divide by zero")  ;; fail
(assert_trap (invoke "load" (i32.const 65533)) "out of bounds memory access")  ;; pass
(assert_return (invoke "load" (i32.const 65532)) (i32.const 0))  ;; pass
(assert_return (invoke "load" (i32.const 65536)) (i32.const 0))  ;; fail
(assert_exhaustion (invoke "loop") "call stack exhausted")  ;; pass
(invoke "div" (i32.const 0))  ;; fail
(register "M" $M)  ;; pass
(module (import "M" "add" (func (param i32 i32) (result i32))))  ;; pass
(assert_unlinkable (module (import "M" "absent" (func))) "unknown import")  ;; pass
(assert_unlinkable (module (func unreachable) (start 0)) "unknown import")  ;; fail
(assert_trap (module (func unreachable) (start 0)) "unreachable")  ;; pass
(assert_invalid (module (func (result i32))) "type mismatch")  ;; skip
