;; fuzz regression: seed 1004, O0/guard-pages, dead-load
;; wasmi: trap 2 ;
;; awsm:  trap 1 ;
;; fresh x 0000000000000016
(module
  (type (;0;) (func))
  (type (;1;) (func))
  (type (;2;) (func (result i64)))
  (type (;3;) (func (param f64)))
  (table (;0;) 85 91 externref)
  (memory (;0;) 0 2)
  (global (;0;) (mut externref) ref.null extern)
  (global (;1;) f64 f64.const -0x1.445ba3a80f26bp-287 (;=-0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000005095371427395386;))
  (global (;2;) i64 i64.const 3218996059433293884)
  (global (;3;) funcref ref.func 0)
  (global (;4;) (mut i32) i32.const 0)
  (global (;5;) (mut i32) i32.const 0)
  (global (;6;) (mut i64) i64.const 0)
  (global (;7;) (mut i64) i64.const 0)
  (export "" (func 1))
  (elem (;0;) declare func)
  (elem (;1;) (table 0) (i32.const 0) externref)
  (func (;0;) (type 0)
    unreachable
  )
  (func (;1;) (type 3) (param f64)
    (local f64 f64 f32 f32 f32 f64 f64 f64 f64 f32 f32 f32 f32 f32)
    call 2
    unreachable
  )
  (func (;2;) (type 2) (result i64)
    (local funcref i64 f64 f64 f64 f32 f32 f64 f32 f32 f64)
    i64.const -1099511627777
    local.set 1
    i32.const -2
    i32.extend8_s
    f32.load offset=37555 align=2
    unreachable
  )
)

