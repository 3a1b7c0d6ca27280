;; pass: hoist
;; flags: -O2 --bounds-checks explicit --target thumbv7em-none-eabi
;; A counted copy loop `dst[p] = src[p]` on Cortex-M, where versioning
;; runs only for the explicit strategy so that its checks can be hoisted:
;; both the load's and the store's checks move into the guard.
(module
  (memory 1)
  (func (export "copy") (param $dst i32) (param $src i32) (param $p i32) (param $lim i32)
    (loop $l
      (i32.store (i32.add (local.get $dst) (local.get $p))
                 (i32.load (i32.add (local.get $src) (local.get $p))))
      (br_if $l (i32.ne (local.tee $p (i32.add (local.get $p) (i32.const 4))) (local.get $lim))))))
