;; A grow past the maximum fails and changes nothing: an access past the
;; old end still traps (guard-pages/explicit). mask: the store lands in
;; the arena beyond the size (arena 128 KiB for max 2 pages); a later
;; successful grow zeroes those bytes: exit 0.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 2)
  (func (export "_start")
    (if (i32.ne (memory.grow (i32.const 2)) (i32.const -1)) (then (call $exit (i32.const 101))))
    (if (i32.ne (memory.size) (i32.const 1)) (then (call $exit (i32.const 102))))
    (i32.store8 (i32.const 70000) (i32.const 5))
    (if (i32.ne (memory.grow (i32.const 1)) (i32.const 1)) (then (call $exit (i32.const 103))))
    (call $exit (i32.load8_u (i32.const 70000)))))
