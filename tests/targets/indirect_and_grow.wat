;; Cortex-M firmware runs a command without the embedding API
;; (runtime/cortex_m/command.c), which makes its own type ids and memory:
;; they must agree with what generated code expects. The table holds a
;; WASI import, so it is not static and call_indirect compares type ids:
;; fixed ones for short signatures, module-local ones for $long (11
;; signature letters). memory.grow must refresh the instance's copies of
;; the memory base and size (explicit checks; the memory may move).
;; Exit status 0 = all good; 1-5 = which step went wrong; a trap = 134.
(module
  (import "wasi_snapshot_preview1" "sched_yield" (func $yield (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (type $ii (func (param i32) (result i32)))
  (type $v_i (func (result i32)))
  (type $long (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (memory 1)
  (table 3 funcref)
  (elem (i32.const 0) $inc $yield $ninth)
  (func $inc (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
  (func $ninth (param i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32) (local.get 8))
  (func $check (param i32 i32) (if (local.get 0) (then) (else (call $exit (local.get 1)))))
  (func (export "_start")
    (call $check (i32.eq (call_indirect (type $ii) (i32.const 41) (i32.const 0)) (i32.const 42)) (i32.const 1))
    (call $check (i32.eqz (call_indirect (type $v_i) (i32.const 1))) (i32.const 2))
    (call $check (i32.eq (call_indirect (type $long) (i32.const 0) (i32.const 0) (i32.const 0)
      (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 9)
      (i32.const 2)) (i32.const 9)) (i32.const 3))
    (i32.store (i32.const 100) (i32.const 7))
    (call $check (i32.eq (memory.grow (i32.const 1)) (i32.const 1)) (i32.const 4))
    (i32.store (i32.const 131068) (i32.const 5))
    (call $check (i32.eq (i32.add (i32.load (i32.const 100)) (i32.load (i32.const 131068)))
      (i32.const 12)) (i32.const 5))
    (call $exit (i32.const 0))))
