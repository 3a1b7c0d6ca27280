;; A memory whose maximum is declared is static storage in board firmware
;; (awsm_cm_static_memory in .bss; runtime/cortex_m/memory.c): it must
;; behave as the heap one did. The data segment is copied in, the bytes
;; past it read zero, memory.grow extends it up to the maximum and no
;; further, and an access past the current end traps, before growing
;; and after. PAGE is the page size in bytes (--page-size), MODE which
;; run: 0 = all good (exit 0; 1-6 = which step went wrong), 1 = read
;; just past the first page before growing, 2 = an i32 straddling the
;; end of the grown memory (both trap, 134).
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 3)
  (data (i32.const 16) "\2a\00\00\00")
  (func $check (param i32 i32) (if (local.get 0) (then) (else (call $exit (local.get 1)))))
  (func (export "_start")
    (call $check (i32.eq (i32.load (i32.const 16)) (i32.const 42)) (i32.const 1))
    (call $check (i32.eqz (i32.load (i32.const 20))) (i32.const 2))
    (i32.store (i32.const PAGE_MINUS_4) (i32.const 7))
    (if (i32.eq (i32.const MODE) (i32.const 1)) (then (drop (i32.load (i32.const PAGE)))))
    (call $check (i32.eq (memory.grow (i32.const 2)) (i32.const 1)) (i32.const 3))
    (call $check (i32.eqz (i32.load (i32.const THREE_PAGES_MINUS_4))) (i32.const 4))
    (i32.store (i32.const THREE_PAGES_MINUS_4) (i32.const 9))
    (call $check (i32.eq (i32.add (i32.load (i32.const PAGE_MINUS_4))
      (i32.load (i32.const THREE_PAGES_MINUS_4))) (i32.const 16)) (i32.const 5))
    (call $check (i32.eq (memory.grow (i32.const 1)) (i32.const -1)) (i32.const 6))
    (if (i32.eq (i32.const MODE) (i32.const 2)) (then (drop (i32.load (i32.const THREE_PAGES_MINUS_2)))))))
