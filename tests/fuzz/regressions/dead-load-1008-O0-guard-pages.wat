;; fuzz regression: seed 1008, O0/guard-pages, dead-load
;; wasmi: trap 2 ;
;; awsm:  trap 1 ;
;; fresh x33 d76bceffdee1ced1
(module
  (type (;0;) (func (result f32)))
  (type (;1;) (func (result f32)))
  (type (;2;) (func (param i64) (result f32)))
  (type (;3;) (func (result f64)))
  (memory (;0;) 0 4)
  (global (;0;) (mut i32) i32.const 0)
  (global (;1;) (mut i32) i32.const 0)
  (global (;2;) (mut i64) i64.const 0)
  (global (;3;) (mut i64) i64.const 0)
  (export "3" (func 3))
  (elem (;0;) func)
  (elem (;1;) func)
  (elem (;2;) declare externref)
  (func (;0;) (type 3) (result f64)
    unreachable
  )
  (func (;1;) (type 3) (result f64)
    unreachable
  )
  (func (;2;) (type 1) (result f32)
    unreachable
  )
  (func (;3;) (type 2) (param i64) (result f32)
    (local i64 i64 i32 f32)
    i32.const -2097152
    i64.load16_s align=1
    unreachable
  )
  (func (;4;) (type 1) (result f32)
    unreachable
  )
  (func (;5;) (type 0) (result f32)
    unreachable
  )
  (func (;6;) (type 2) (param i64) (result f32)
    unreachable
  )
  (func (;7;) (type 0) (result f32)
    unreachable
  )
  (data (;0;) "%\a7\9b")
)

