;; A loop of byte stores running from inside memory past its end. LLVM
;; would turn it into a call to the C library's memset, whose fault is
;; not guest code (a crash, not a trap) and which cannot address memory
;; through %gs (segment): guest code never calls memset. guard-pages,
;; explicit, segment: trap once the loop reaches 65536. mask (64 KiB
;; arena): the stores wrap to the start, exit 0.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
  (func $fill (param $p i32) (param $n i32) (local $i i32)
    (block (loop
      (br_if 1 (i32.ge_u (local.get $i) (local.get $n)))
      (i32.store8 (i32.add (local.get $p) (local.get $i)) (i32.const 0))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br 0))))
  (func (export "_start")
    (call $fill (i32.const 65000) (i32.const 1000))
    (call $exit (i32.const 0))))
