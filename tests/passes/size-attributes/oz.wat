;; pass: size-attributes
;; flags: -Oz --bounds-checks explicit --target thumbv7em-none-eabi
;; At -Oz every function is marked `optsize` and `minsize`, so LLVM's
;; size pipeline and the backend choose the smaller code.
(module
  (memory 1)
  (func (export "sum") (param $p i32) (param $n i32) (result i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (i32.load (local.get $p))))
      (local.set $p (i32.add (local.get $p) (i32.const 4)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $s)))
