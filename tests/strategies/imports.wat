;; For host.c: a module importing its memory (a 1-page maximum).
(module
  (import "env" "mem" (memory 1 1))
  (func (export "load") (param i32) (result i32) (i32.load8_u (local.get 0))))
