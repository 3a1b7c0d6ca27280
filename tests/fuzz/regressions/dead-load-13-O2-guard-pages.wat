;; fuzz regression: seed 13, O2/guard-pages, dead-load
;; wasmi: trap 2 ;
;; awsm:  trap 1 ;
;; fresh x33 3ff0000000000000 43ff23f3f66eff3c ffffffff
(module
  (type (;0;) (func (param f64 f64 i32)))
  (type (;1;) (func (param i32) (result f32 i64)))
  (type (;2;) (func))
  (type (;3;) (func (result f32)))
  (memory (;0;) 0 4)
  (global (;0;) (mut i32) i32.const -1755745328)
  (global (;1;) (mut i32) i32.const 0)
  (global (;2;) (mut i64) i64.const 0)
  (global (;3;) (mut i32) i32.const 0)
  (global (;4;) (mut i64) i64.const 0)
  (export "3" (func 3))
  (func (;0;) (type 0) (param f64 f64 i32)
    unreachable
  )
  (func (;1;) (type 3) (result f32)
    unreachable
  )
  (func (;2;) (type 2)
    unreachable
  )
  (func (;3;) (type 0) (param f64 f64 i32)
    (local f32 i64 funcref i32 f64 f32 f32 f32 f32 f64 f32 f32 f32 f64 f64)
    loop ;; label = @1
      global.get 0
      i64.load align=2
      unreachable
    end
    unreachable
  )
  (func (;4;) (type 2)
    unreachable
  )
  (func (;5;) (type 3) (result f32)
    unreachable
  )
  (data (;0;) "")
)

