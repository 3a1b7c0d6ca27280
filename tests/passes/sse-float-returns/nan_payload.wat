;; pass: sse-float-returns
;; flags: -O2 --target i686-unknown-linux-gnu
;; A function returning a signalling NaN, called through the table: on
;; i686 its return (and the calls to it) get `inreg`, so the value
;; comes back in XMM0 instead of x87's st(0), which would quiet it.
(module
  (type $f (func (result f32)))
  (table funcref (elem $nan))
  (func $nan (result f32) (f32.reinterpret_i32 (i32.const 0x7fa00001)))
  (func (export "bits") (param $i i32) (result i32)
    (i32.reinterpret_f32 (call_indirect (type $f) (local.get $i))))
  (func (export "direct") (result f32) (call $nan)))
