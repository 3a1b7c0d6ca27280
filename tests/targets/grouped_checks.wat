;; Loops that exit on data (src/translate/unroll.rs) with their checks
;; shared (grouped.rs), under Cortex-M's explicit strategy: one test of a
;; span per two iterations, each access checked on its own when the span
;; test fails. The scans and the shift are written as clang emits
;; quicksort's (`add` of a negative constant, the store at q + 4).
;;
;; Mode 0: every access is in bounds, but near both ends of memory, where
;; the span test fails and the exact checks must not trap: exit 0 (1 when
;; a result is wrong). Modes 1-4 must trap (out of bounds memory access):
;; 1 a scan up off the end, 2 a scan down below 0 (wrapping), 3 a shift
;; whose load is in bounds and whose store is not, 4 a shift running below
;; 0. The test substitutes the mode for MODE.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1 1)
  (global $mode i32 (i32.const MODE))
  ;; while (*(p += 4) < pivot); return p
  (func $up (param $p i32) (param $pivot i32) (result i32)
    (loop $l
      (br_if $l (i32.lt_s (i32.load (local.tee $p (i32.add (local.get $p) (i32.const 4))))
                          (local.get $pivot))))
    (local.get $p))
  ;; while (*(p -= 4) > pivot); return p
  (func $down (param $p i32) (param $pivot i32) (result i32)
    (loop $l
      (br_if $l (i32.gt_s (i32.load (local.tee $p (i32.add (local.get $p) (i32.const -4))))
                          (local.get $pivot))))
    (local.get $p))
  ;; for (; n > 0 && *q > x; n--, q -= 4) q[1] = *q; return q
  (func $shift (param $q i32) (param $n i32) (param $x i32) (result i32) (local $v i32)
    (block $done
      (loop $l
        (br_if $done (i32.le_s (local.tee $v (i32.load (local.get $q))) (local.get $x)))
        (i32.store (i32.add (local.get $q) (i32.const 4)) (local.get $v))
        (local.set $q (i32.add (local.get $q) (i32.const -4)))
        (br_if $l (i32.gt_s (local.tee $n (i32.add (local.get $n) (i32.const -1))) (i32.const 0)))))
    (local.get $q))
  (func $check (param $ok i32)
    (if (i32.eqz (local.get $ok)) (then (call $exit (i32.const 1)))))
  (func (export "_start")
    ;; The last four words 1 2 3 100, the first four -100 5 6 7.
    (i32.store (i32.const 65520) (i32.const 1))
    (i32.store (i32.const 65524) (i32.const 2))
    (i32.store (i32.const 65528) (i32.const 3))
    (i32.store (i32.const 65532) (i32.const 100))
    (i32.store (i32.const 0) (i32.const -100))
    (i32.store (i32.const 4) (i32.const 5))
    (i32.store (i32.const 8) (i32.const 6))
    (i32.store (i32.const 12) (i32.const 7))
    (if (i32.eqz (global.get $mode))
      (then
        ;; Scans stopping on the last and on the first word.
        (call $check (i32.eq (call $up (i32.const 65516) (i32.const 50)) (i32.const 65532)))
        (call $check (i32.eq (call $up (i32.const 60000) (i32.const 50)) (i32.const 65532)))
        (call $check (i32.eq (call $down (i32.const 16) (i32.const 0)) (i32.const 0)))
        ;; A shift storing into the last word: 3 > 2 moves up, 2 stops.
        (call $check (i32.eq (call $shift (i32.const 65528) (i32.const 5) (i32.const 2)) (i32.const 65524)))
        (call $check (i32.eq (i32.load (i32.const 65532)) (i32.const 3)))
        ;; A shift down to the first word, stopped by its count.
        (call $check (i32.eq (call $shift (i32.const 4) (i32.const 2) (i32.const -200)) (i32.const -4)))
        (call $check (i32.eq (i32.load (i32.const 8)) (i32.const 5)))
        (call $check (i32.eq (i32.load (i32.const 4)) (i32.const -100)))
        (return)))
    (if (i32.eq (global.get $mode) (i32.const 1))
      (then (i32.store (i32.const 65532) (i32.const 4))
            (drop (call $up (i32.const 65516) (i32.const 50)))))
    (if (i32.eq (global.get $mode) (i32.const 2))
      (then (i32.store (i32.const 0) (i32.const 4))
            (drop (call $down (i32.const 16) (i32.const 0)))))
    (if (i32.eq (global.get $mode) (i32.const 3))
      (then (drop (call $shift (i32.const 65532) (i32.const 5) (i32.const 2)))))
    (if (i32.eq (global.get $mode) (i32.const 4))
      (then (drop (call $shift (i32.const 12) (i32.const 9) (i32.const -200)))))
    (call $exit (i32.const 2))))
