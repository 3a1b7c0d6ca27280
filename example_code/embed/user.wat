;; user: links against counter's memory, table and bump function, and a
;; host function; installs its own function into counter's table.
(module
  (import "counter" "memory" (memory 1))
  (import "counter" "table" (table 1 funcref))
  (import "counter" "bump" (func $bump (param i32) (result i32)))
  (import "host" "log" (func $log (param i32)))

  (func $square (param i32) (result i32)
    (i32.mul (local.get 0) (local.get 0)))
  (elem declare func $square)

  ;; Append $square to the shared table and return its slot.
  (func (export "install") (result i32)
    (table.grow (ref.func $square) (i32.const 1)))

  ;; Bump the shared counter by n, log the result, and return what the
  ;; shared memory holds.
  (func (export "work") (param $n i32) (result i32)
    (call $log (call $bump (local.get $n)))
    (i32.load (i32.const 0)))

  ;; Store a byte at addr: traps past the end of memory.
  (func (export "poke") (param $addr i32)
    (i32.store8 (local.get $addr) (i32.const 1))))
