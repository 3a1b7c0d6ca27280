;; pass: release-loads
;; flags: -O2 --bounds-checks guard-pages --target x86_64-unknown-linux-gnu
;; Dead loads (masked to zero, selected between equal values, merged into
;; an unused phi) become volatile; a used load stays plain; a load used
;; only through its low byte is frozen.
(module
  (memory 1 1)
  (func (export "load_and_zero") (result i32)
    (i32.and (i32.load8_u (i32.const 70000)) (i32.const 0)))
  (func (export "select_same") (param i32) (result i32)
    i32.const 1 i32.const 1 (i32.load (local.get 0)) select)
  (func (export "dead_phi") (param i32) (result i32) (local i32)
    (if (local.get 0)
      (then (local.set 1 (i32.load (i32.const 65536))))
      (else (local.set 1 (i32.load offset=4 (i32.const 65536)))))
    (drop (i32.eqz (local.get 1)))
    i32.const 6)
  (func (export "used") (param i32) (result i32)
    (i32.add (i32.load (local.get 0)) (i32.const 1)))
  (func (export "low_byte") (param i32) (result i32)
    (i32.and (i32.load (local.get 0)) (i32.const 255))))
