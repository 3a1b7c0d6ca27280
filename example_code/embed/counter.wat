;; counter: owns the memory and the table that user modules link against.
(module
  (memory (export "memory") 1 4)
  (table (export "table") 1 funcref)
  (global $calls (export "calls") (mut i32) (i32.const 0))
  (type $to_i32 (func (param i32) (result i32)))
  (elem (i32.const 0) $double)

  ;; Add n to the shared counter at address 0 and return the new value.
  (func (export "bump") (param $n i32) (result i32)
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (i32.store (i32.const 0) (i32.add (i32.load (i32.const 0)) (local.get $n)))
    (i32.load (i32.const 0)))

  (func $double (param i32) (result i32)
    (i32.mul (local.get 0) (i32.const 2)))

  ;; Call table slot $slot with x: slot 0 is $double, later slots are what
  ;; other modules installed.
  (func (export "apply") (param $slot i32) (param $x i32) (result i32)
    (call_indirect (type $to_i32) (local.get $x) (local.get $slot)))

  (func (export "div") (param i32 i32) (result i32)
    (i32.div_s (local.get 0) (local.get 1))))
