;; A 4-byte load whose last byte is past the end. guard-pages/explicit:
;; trap. mask: the masked address is in bounds and the last byte comes
;; from the zeroed slack past the arena: 0x00110000 >> 16 = 17.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
  (func (export "_start")
    (i32.store8 (i32.const 65535) (i32.const 0x11))
    (call $exit (i32.shr_u (i32.load (i32.const 65533)) (i32.const 16)))))
