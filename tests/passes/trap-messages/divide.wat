;; pass: trap-messages
;; flags: -O2 --bounds-checks explicit --target thumbv7em-none-eabi --board mps2-an386 --emit exe
;; keep: @trap_messages
;; Firmware whose only traps are an integer division's (divide by zero,
;; overflow) and a memory access's: every other message in the runtime's
;; `trap_messages` string becomes empty, its NUL kept.
(module
  (memory 1 1)
  (func (export "_start")
    (i32.store (i32.const 0)
      (i32.div_s (i32.load (i32.const 4)) (i32.load (i32.const 8))))))
