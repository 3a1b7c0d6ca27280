;; What the AssemblyScript compiler emits when both its runtime and the
;; user's code use WASI's fd_write: the same function imported twice,
;; under two names inside the module (tests/wasi_conformance.rs).
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $runtime_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $user_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  ;; iovecs at 0 and 8, the texts at 16 and 48, bytes written at 100
  (data (i32.const 0) "\10\00\00\00\11\00\00\00\30\00\00\00\0e\00\00\00")
  (data (i32.const 16) "from the runtime\n")
  (data (i32.const 48) "from the user\n")
  (func (export "_start")
    (drop (call $runtime_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 100)))
    (drop (call $user_write (i32.const 1) (i32.const 8) (i32.const 1) (i32.const 100)))
    (call $exit (i32.const 0))))
