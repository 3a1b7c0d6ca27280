;; fuzz regression: seed 1160, O0/guard-pages, rejected
;; wasmi: init ok ;
;; awsm:  awsm ended with killed by signal 11:
;; (inkwell's FloatValue::get_constant read a folded poison operand of f32.sub as a ConstantFP:
;; translate/numeric.rs is_identity_constant now asks LLVMIsAConstantFP first)
(module
  (type (;0;) (func (result i32 f32)))
  (type (;1;) (func (param i32)))
  (type (;2;) (func (param f32) (result externref)))
  (type (;3;) (func (param f32 i64 f64) (result i32 f32)))
  (table (;0;) 70 77 funcref)
  (global (;0;) externref ref.null extern)
  (global (;1;) i64 i64.const -2208703881345102777)
  (global (;2;) (mut f64) f64.const -0x1.5a1fd32243435p+1004 (;=-231796989440018800000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000;))
  (global (;3;) (mut i32) i32.const 0)
  (global (;4;) (mut i64) i64.const 0)
  (global (;5;) (mut i64) i64.const 0)
  (global (;6;) (mut i32) i32.const 0)
  (elem (;0;) (i32.const 2) func)
  (func (;0;) (type 0) (result i32 f32)
    unreachable
  )
  (func (;1;) (type 1) (param i32)
    (local i32 f32 f32 f32 f32 f64 f64 f32 f32 f32 f32 f32 f32 f32 f32 f32 f64 f64)
    loop ;; label = @1
      ref.null extern
      ref.is_null
      if (type 0) (result i32 f32) ;; label = @2
        ref.null extern
        i32.const -1912131390
        f64.convert_i32_s
        i32.trunc_f64_u
        f32.convert_i32_u
        f32.const -0x1.7f1f6ep+126 (;=-127314380000000000000000000000000000000;)
        f32.sub
        local.tee 2
        f32.const nan (;=NaN;)
        local.get 2
        local.get 2
        f32.eq
        select
        i64.const -3672884548915061858
        f32.const -0x1.010164p-42 (;=-0.00000000000022826668;)
        br 1 (;@1;)
        i64.trunc_sat_f32_s
        f32.convert_i64_s
        i32.trunc_f32_u
        call 0
        i32.trunc_f32_s
        i32.mul
        f64.convert_i32_u
        f32.const 0x1.1cp-143 (;=0.0000000000000000000000000000000000000000001;)
        f32.ceil
        local.tee 3
        f32.const nan (;=NaN;)
        local.get 3
        local.get 3
        f32.eq
        select
        f32.trunc
        local.tee 4
        f32.const nan (;=NaN;)
        local.get 4
        local.get 4
        f32.eq
        select
        i64.trunc_f32_u
        f32.const 0x1.p-144 (;=0.000000000000000000000000000000000000000000045;)
        i64.trunc_sat_f32_s
        call 0
        block (type 2) (param f32) (result externref) ;; label = @3
          f32.trunc
          local.tee 5
          f32.const nan (;=NaN;)
          local.get 5
          local.get 5
          f32.eq
          select
          ref.null func
          call 0
          block (type 0) (result i32 f32) ;; label = @4
            unreachable
          end
          unreachable
        end
        unreachable
      else
        unreachable
      end
      unreachable
    end
    unreachable
  )
  (func (;2;) (type 2) (param f32) (result externref)
    unreachable
  )
  (func (;3;) (type 3) (param f32 i64 f64) (result i32 f32)
    unreachable
  )
  (func (;4;) (type 1) (param i32)
    unreachable
  )
  (data (;0;) "W")
)

