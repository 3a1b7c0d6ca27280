;; A loop copying bytes, its destination running past the end of memory:
;; as fill_loop.wat, but LLVM's idiom would be memcpy. guard-pages,
;; explicit, segment: trap. mask (64 KiB arena): wraps, exit 0.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
  (func $copy (param $d i32) (param $s i32) (param $n i32) (local $i i32)
    (block (loop
      (br_if 1 (i32.ge_u (local.get $i) (local.get $n)))
      (i32.store8 (i32.add (local.get $d) (local.get $i))
                  (i32.load8_u (i32.add (local.get $s) (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br 0))))
  (func (export "_start")
    (call $copy (i32.const 65000) (i32.const 0) (i32.const 1000))
    (call $exit (i32.const 0))))
