target datalayout = "e-m:e-p:32:32-Fi8-i64:64-v128:64:128-a:0:32-n32-S64"
target triple = "thumbv7em-unknown-none-eabi"

@str = private unnamed_addr constant [5 x i8] c"iii:\00"
@wasm_types = private constant [1 x { ptr, ptr, ptr }] [{ ptr, ptr, ptr } { ptr @str, ptr @wasm_call0, ptr @wasm_host0 }]
@wasm_func_types = private constant [1 x i32] zeroinitializer
@wasm_func_ptrs = private constant [1 x ptr] [ptr @wasm_f0]
@str.1 = private unnamed_addr constant [5 x i8] c"copy\00"
@wasm_exports = private constant [1 x { ptr, i32, i32, i32 }] [{ ptr, i32, i32, i32 } { ptr @str.1, i32 0, i32 0, i32 4 }]
@str.2 = private unnamed_addr constant [6 x i8] c"apart\00"
@apart_module = constant { i32, ptr, i32, ptr, i32, i32, ptr, ptr, i32, ptr, i32, ptr, i32, i32, ptr, i32, i32, ptr, i32, i32, { i32, i32, i32 }, i32, i32, ptr, i32, i32, ptr, ptr } { i32 4, ptr @str.2, i32 1, ptr @wasm_types, i32 1, i32 0, ptr @wasm_func_types, ptr @wasm_func_ptrs, i32 0, ptr null, i32 1, ptr @wasm_exports, i32 0, i32 0, ptr null, i32 0, i32 0, ptr null, i32 1, i32 0, { i32, i32, i32 } { i32 1, i32 0, i32 0 }, i32 0, i32 0, ptr @wasm_init, i32 -1, i32 1, ptr null, ptr null }
@awsm_cm_page_shift = constant i32 16
@awsm_cm_mask_bits = constant i32 0
@awsm_cm_static_memory_bytes = constant i32 0
@awsm_cm_funcrefs = constant i32 0
@awsm_cm_unbound_imports = constant i32 0
@awsm_cm_static_memory = global [0 x i8] zeroinitializer, align 8

; Function Attrs: nounwind
define internal void @wasm_f0(ptr %0, i32 %1, i32 %2, i32 %3) #0 {
entry:
  %4 = getelementptr i8, ptr %0, i32 32
  %5 = load ptr, ptr %4, align 8, !tbaa !0
  %6 = getelementptr i8, ptr %0, i32 40
  %7 = load i64, ptr %6, align 4, !tbaa !0
  br label %loop

return:                                           ; preds = %next
  ret void

next:                                             ; preds = %loop
  br label %return

next1:                                            ; No predecessors!
  unreachable

loop:                                             ; preds = %11, %entry
  %.08 = phi i32 [ %3, %entry ], [ %17, %11 ]
  %.07 = phi i32 [ %2, %entry ], [ %16, %11 ]
  %.0 = phi i32 [ %1, %entry ], [ %15, %11 ]
  %8 = icmp eq i32 %.08, 0
  %9 = zext i1 %8 to i32
  %10 = icmp ne i32 %9, 0
  br i1 %10, label %next, label %11

11:                                               ; preds = %loop
  %idx = zext i32 %.0 to i64
  %12 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %5, i64 %7, i64 %idx, i64 0, i32 4)
  %13 = load i32, ptr %12, align 1, !tbaa !3
  %idx6 = zext i32 %.07 to i64
  %14 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %5, i64 %7, i64 %idx6, i64 0, i32 4)
  store i32 %13, ptr %14, align 1, !tbaa !3
  %15 = add i32 %.0, 4
  %16 = add i32 %.07, 8
  %17 = add i32 %.08, -1
  br label %loop
}

declare ptr @awsm_mem_addr_explicit(ptr, ptr, i64, i64, i64, i32)

define internal void @wasm_init(ptr %0) {
entry:
  ret void
}

define internal void @wasm_call0(ptr %0, ptr %1, ptr %2, ptr %3) {
entry:
  %4 = getelementptr i8, ptr %2, i32 0
  %5 = load i32, ptr %4, align 4
  %6 = getelementptr i8, ptr %2, i32 16
  %7 = load i32, ptr %6, align 4
  %8 = getelementptr i8, ptr %2, i32 32
  %9 = load i32, ptr %8, align 4
  call void %0(ptr %1, i32 %5, i32 %7, i32 %9)
  ret void
}

define internal void @wasm_host0(ptr %0, i32 %1, i32 %2, i32 %3) {
entry:
  %4 = alloca [16 x i8], align 1
  %5 = alloca [48 x i8], align 1
  %6 = getelementptr i8, ptr %5, i32 0
  store i32 %1, ptr %6, align 4
  %7 = getelementptr i8, ptr %5, i32 16
  store i32 %2, ptr %7, align 4
  %8 = getelementptr i8, ptr %5, i32 32
  store i32 %3, ptr %8, align 4
  call void @awsm_rt_call_host(ptr %0, ptr %5, ptr %4)
  ret void
}

declare void @awsm_rt_call_host(ptr, ptr, ptr)

define void @apart_copy(ptr %0, i32 %1, i32 %2, i32 %3) {
entry:
  notail call void @wasm_f0(ptr %0, i32 %1, i32 %2, i32 %3)
  ret void
}

declare i64 @awsm_mem_limit_explicit(i64)

attributes #0 = { nounwind }

!0 = !{!1, !1, i64 0}
!1 = !{!"awsm vmctx", !2, i64 0}
!2 = !{!"awsm TBAA"}
!3 = !{!4, !4, i64 0}
!4 = !{!"wasm linear memory", !2, i64 0}
