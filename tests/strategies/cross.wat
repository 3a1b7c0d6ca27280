;; For cross.c: two instances of this module call each other's code —
;; through an import bound to the other's export, a shared table, and a
;; host function that calls back into the other — and each must still
;; read its own memory before and after the call. (Under segment the
;; memory base is in %gs, which every such call must switch and restore.)
;; mix(before, other, after) = before * 10000 + other * 100 + after.
(module
  (type $get_t (func (param i32) (result i32)))
  (import "env" "peer_get" (func $peer_get (type $get_t)))
  (import "env" "host_get" (func $host_get (type $get_t)))
  (import "env" "table" (table 4 funcref))
  (memory (export "mem") 1 1)
  (elem declare func $get)
  (func $get (export "get") (type $get_t) (i32.load (local.get 0)))
  (func (export "set") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
  (func (export "install") (param i32) (table.set 0 (local.get 0) (ref.func $get)))
  (func $mix (param $before i32) (param $other i32) (param $after i32) (result i32)
    (i32.add
      (i32.add (i32.mul (local.get $before) (i32.const 10000))
               (i32.mul (local.get $other) (i32.const 100)))
      (local.get $after)))
  (func (export "via_import") (param $a i32) (result i32) (local $before i32)
    (local.set $before (i32.load (local.get $a)))
    (call $mix (local.get $before) (call $peer_get (local.get $a)) (i32.load (local.get $a))))
  ;; The callee reads at a + delta.
  (func (export "via_table") (param $slot i32) (param $a i32) (param $delta i32) (result i32)
    (local $before i32)
    (local.set $before (i32.load (local.get $a)))
    (call $mix (local.get $before)
               (call_indirect (type $get_t) (i32.add (local.get $a) (local.get $delta)) (local.get $slot))
               (i32.load (local.get $a))))
  (func (export "via_host") (param $a i32) (result i32) (local $before i32)
    (local.set $before (i32.load (local.get $a)))
    (call $mix (local.get $before) (call $host_get (local.get $a)) (i32.load (local.get $a)))))
