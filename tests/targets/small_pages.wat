;; Small wasm pages on Cortex-M. The module declares 1 page (max 4); built
;; with awsm --page-size 4096 it gets 4 KiB per page. It exits with a bit
;; mask of failed checks, else stores at byte 8190 of its two pages, which
;; must trap ("out of bounds memory access") with 4 KiB pages and is in
;; bounds with 64 KiB ones (then _start returns: status 0).
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 4)
  (func (export "_start")
    (local $r i32)
    ;; 1: memory.size reports pages, not bytes
    (if (i32.ne (memory.size) (i32.const 1)) (then (local.set $r (i32.or (local.get $r) (i32.const 1)))))
    ;; 2: the last byte of the page is accessible and keeps its value
    (i32.store8 (i32.const 4095) (i32.const 0x5a))
    (if (i32.ne (i32.load8_u (i32.const 4095)) (i32.const 0x5a)) (then (local.set $r (i32.or (local.get $r) (i32.const 2)))))
    ;; 4: memory.grow counts small pages; the new page is zeroed and usable
    (if (i32.ne (memory.grow (i32.const 1)) (i32.const 1)) (then (local.set $r (i32.or (local.get $r) (i32.const 4)))))
    (if (i32.ne (i32.load (i32.const 8188)) (i32.const 0)) (then (local.set $r (i32.or (local.get $r) (i32.const 4)))))
    (i32.store (i32.const 8188) (i32.const 7))
    ;; 8: growing past the declared maximum fails
    (if (i32.ne (memory.grow (i32.const 3)) (i32.const -1)) (then (local.set $r (i32.or (local.get $r) (i32.const 8)))))
    (if (local.get $r) (then (call $exit (local.get $r))))
    ;; past the end of the two 4 KiB pages: must trap
    (i32.store (i32.const 8190) (i32.const 1)))
)
