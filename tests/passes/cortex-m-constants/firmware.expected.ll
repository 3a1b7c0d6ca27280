target datalayout = "e-m:e-p:32:32-Fi8-i64:64-v128:64:128-a:0:32-n32-S64"
target triple = "thumbv7em-unknown-none-eabi"

@str = private unnamed_addr constant [2 x i8] c":\00"
@wasm_types = private constant [1 x { ptr, ptr, ptr }] [{ ptr, ptr, ptr } { ptr @str, ptr null, ptr null }]
@wasm_func_types = private constant [1 x i32] zeroinitializer
@wasm_func_ptrs = private constant [1 x ptr] [ptr @wasm_f0]
@str.1 = private unnamed_addr constant [7 x i8] c"_start\00"
@wasm_exports = private constant [1 x { ptr, i32, i32, i32 }] [{ ptr, i32, i32, i32 } { ptr @str.1, i32 0, i32 0, i32 6 }]
@str.2 = private unnamed_addr constant [9 x i8] c"firmware\00"
@firmware_module = constant { i32, ptr, i32, ptr, i32, i32, ptr, ptr, i32, ptr, i32, ptr, i32, i32, ptr, i32, i32, ptr, i32, i32, { i32, i32, i32 }, i32, i32, ptr, i32, i32, ptr, ptr } { i32 4, ptr @str.2, i32 1, ptr @wasm_types, i32 1, i32 0, ptr @wasm_func_types, ptr @wasm_func_ptrs, i32 0, ptr null, i32 1, ptr @wasm_exports, i32 0, i32 0, ptr null, i32 0, i32 0, ptr null, i32 1, i32 0, { i32, i32, i32 } { i32 2, i32 2, i32 1 }, i32 0, i32 0, ptr @wasm_init, i32 -1, i32 1, ptr null, ptr null }
@awsm_entry_module = constant { i32, ptr, i32, ptr, i32, i32, ptr, ptr, i32, ptr, i32, ptr, i32, i32, ptr, i32, i32, ptr, i32, i32, { i32, i32, i32 }, i32, i32, ptr, i32, i32, ptr, ptr } { i32 4, ptr @str.2, i32 1, ptr @wasm_types, i32 1, i32 0, ptr @wasm_func_types, ptr @wasm_func_ptrs, i32 0, ptr null, i32 1, ptr @wasm_exports, i32 0, i32 0, ptr null, i32 0, i32 0, ptr null, i32 1, i32 0, { i32, i32, i32 } { i32 2, i32 2, i32 1 }, i32 0, i32 0, ptr @wasm_init, i32 -1, i32 1, ptr null, ptr null }
@awsm_entry_start = constant ptr @wasm_f0
@awsm_cm_page_shift = constant i32 12
@awsm_cm_mask_bits = constant i32 0
@awsm_cm_static_memory_bytes = constant i32 8192
@awsm_cm_funcrefs = constant i32 0
@awsm_cm_unbound_imports = constant i32 0
@awsm_cm_static_memory = global [8192 x i8] zeroinitializer, align 8

; Function Attrs: nounwind
define internal void @wasm_f0(ptr %0) #0 {
entry:
  %1 = alloca i64, align 8
  %2 = alloca ptr, align 8
  %3 = getelementptr i8, ptr %0, i32 32
  %4 = load ptr, ptr %3, align 8, !tbaa !0
  store ptr %4, ptr %2, align 8
  store i64 131072, ptr %1, align 4
  %membase = load ptr, ptr %2, align 8
  %memsize = load i64, ptr %1, align 4
  %membase1 = load ptr, ptr %2, align 8
  %memsize2 = load i64, ptr %1, align 4
  %5 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %membase1, i64 %memsize2, i64 8, i64 0, i32 4)
  %6 = load i32, ptr %5, align 1, !tbaa !3
  %membase3 = load ptr, ptr %2, align 8
  %memsize4 = load i64, ptr %1, align 4
  %7 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %membase3, i64 %memsize4, i64 16, i64 0, i32 4)
  store i32 %6, ptr %7, align 1, !tbaa !3
  br label %return

return:                                           ; preds = %entry
  ret void
}

declare ptr @awsm_mem_addr_explicit(ptr, ptr, i64, i64, i64, i32)

define internal void @wasm_init(ptr %0) {
entry:
  ret void
}

define void @firmware___start(ptr %0) {
entry:
  notail call void @wasm_f0(ptr %0)
  ret void
}

attributes #0 = { nounwind }

!0 = !{!1, !1, i64 0}
!1 = !{!"awsm vmctx", !2, i64 0}
!2 = !{!"awsm TBAA"}
!3 = !{!4, !4, i64 0}
!4 = !{!"wasm linear memory", !2, i64 0}
