;; (0xffffffff + 0xffffffff) + 0xffffffff wraps to 0xfffffffd, then the
;; static offset 0xffffffff (which never wraps) takes it past 2^32: trap.
;; With a static offset the index stays zext(wrapped sum) + offset, which
;; lands in the PROT_NONE tail of the reservation.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
  (data (i32.const 64) "\ff\ff\ff\ff")
  (func (export "_start") (local $m i32)
    (local.set $m (i32.load (i32.const 64)))
    (call $exit (i32.load offset=4294967295
      (i32.add (i32.add (local.get $m) (local.get $m)) (local.get $m))))))
