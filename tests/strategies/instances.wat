;; For host.c: an instance stores and loads bytes of its own memory.
(module
  (memory (export "mem") 1 1)
  (func (export "store") (param i32 i32) (i32.store8 (local.get 0) (local.get 1)))
  (func (export "load") (param i32) (result i32) (i32.load8_u (local.get 0))))
