target datalayout = "e-m:e-p:32:32-Fi8-i64:64-v128:64:128-a:0:32-n32-S64"
target triple = "thumbv7em-unknown-none-eabi"

@str = private unnamed_addr constant [6 x i8] c"iii:i\00"
@wasm_types = private constant [1 x { ptr, ptr, ptr }] [{ ptr, ptr, ptr } { ptr @str, ptr @wasm_call0, ptr @wasm_host0 }]
@wasm_func_types = private constant [1 x i32] zeroinitializer
@wasm_func_ptrs = private constant [1 x ptr] [ptr @wasm_f0]
@str.1 = private unnamed_addr constant [6 x i8] c"shift\00"
@wasm_exports = private constant [1 x { ptr, i32, i32, i32 }] [{ ptr, i32, i32, i32 } { ptr @str.1, i32 0, i32 0, i32 5 }]
@str.2 = private unnamed_addr constant [6 x i8] c"shift\00"
@shift_module = constant { i32, ptr, i32, ptr, i32, i32, ptr, ptr, i32, ptr, i32, ptr, i32, i32, ptr, i32, i32, ptr, i32, i32, { i32, i32, i32 }, i32, i32, ptr, i32, i32, ptr, ptr } { i32 4, ptr @str.2, i32 1, ptr @wasm_types, i32 1, i32 0, ptr @wasm_func_types, ptr @wasm_func_ptrs, i32 0, ptr null, i32 1, ptr @wasm_exports, i32 0, i32 0, ptr null, i32 0, i32 0, ptr null, i32 1, i32 0, { i32, i32, i32 } { i32 1, i32 0, i32 0 }, i32 0, i32 0, ptr @wasm_init, i32 -1, i32 1, ptr null, ptr null }
@awsm_cm_page_shift = constant i32 16
@awsm_cm_mask_bits = constant i32 0
@awsm_cm_static_memory_bytes = constant i32 0
@awsm_cm_funcrefs = constant i32 0
@awsm_cm_unbound_imports = constant i32 0
@awsm_cm_static_memory = global [0 x i8] zeroinitializer, align 8

; Function Attrs: nounwind
define internal i32 @wasm_f0(ptr %0, i32 %1, i32 %2, i32 %3) #0 {
entry:
  %4 = getelementptr i8, ptr %0, i32 32
  %5 = load ptr, ptr %4, align 8, !tbaa !0
  %6 = getelementptr i8, ptr %0, i32 40
  %7 = load i64, ptr %6, align 4, !tbaa !0
  br label %loop

return:                                           ; preds = %next
  ret i32 %.0

next:                                             ; preds = %11, %loop
  br label %return

next1:                                            ; No predecessors!
  unreachable

loop:                                             ; preds = %23, %entry
  %.07 = phi i32 [ %2, %entry ], [ %30, %23 ]
  %.0 = phi i32 [ %1, %entry ], [ %29, %23 ]
  %8 = icmp sle i32 %.07, 0
  %9 = zext i1 %8 to i32
  %10 = icmp ne i32 %9, 0
  br i1 %10, label %next, label %11

11:                                               ; preds = %loop
  %idx = zext i32 %.0 to i64
  %12 = add i32 %.0, 0
  %limit = call i64 @awsm_mem_limit_explicit(i64 %7)
  %13 = zext i32 %12 to i64
  %14 = add i64 %13, 8
  %fast = icmp ule i64 %14, %limit
  %15 = call ptr @awsm_grouped_addr(i1 %fast, ptr %0, ptr %5, i64 %7, i64 %idx, i64 0, i32 4)
  %16 = sub i64 %limit, 4
  %17 = trunc i64 %16 to i32
  %18 = icmp ule i32 %.0, %17
  call void @llvm.assume(i1 %18)
  %19 = load i32, ptr %15, align 1, !tbaa !3
  %20 = icmp sle i32 %19, %3
  %21 = zext i1 %20 to i32
  %22 = icmp ne i32 %21, 0
  br i1 %22, label %next, label %23

23:                                               ; preds = %11
  %24 = add i32 %.0, 4
  %idx6 = zext i32 %24 to i64
  %25 = call ptr @awsm_grouped_addr(i1 %fast, ptr %0, ptr %5, i64 %7, i64 %idx6, i64 0, i32 4)
  %26 = sub i64 %limit, 4
  %27 = trunc i64 %26 to i32
  %28 = icmp ule i32 %24, %27
  call void @llvm.assume(i1 %28)
  store i32 %19, ptr %25, align 1, !tbaa !3
  %29 = add i32 %.0, -4
  %30 = add i32 %.07, -1
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
  %10 = call i32 %0(ptr %1, i32 %5, i32 %7, i32 %9)
  %11 = getelementptr i8, ptr %3, i32 0
  store i32 %10, ptr %11, align 4
  ret void
}

define internal i32 @wasm_host0(ptr %0, i32 %1, i32 %2, i32 %3) {
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
  %9 = getelementptr i8, ptr %4, i32 0
  %10 = load i32, ptr %9, align 4
  ret i32 %10
}

declare void @awsm_rt_call_host(ptr, ptr, ptr)

define i32 @shift_shift(ptr %0, i32 %1, i32 %2, i32 %3) {
entry:
  %4 = notail call i32 @wasm_f0(ptr %0, i32 %1, i32 %2, i32 %3)
  ret i32 %4
}

declare i64 @awsm_mem_limit_explicit(i64)

; Function Attrs: nocallback nofree nosync nounwind willreturn memory(inaccessiblemem: write)
declare void @llvm.assume(i1 noundef) #1

; Function Attrs: alwaysinline
define internal ptr @awsm_grouped_addr(i1 %0, ptr %1, ptr %2, i64 %3, i64 %4, i64 %5, i32 %6) #2 {
  br i1 %0, label %8, label %11, !prof !5

8:                                                ; preds = %7
  %9 = add i64 %4, %5
  %10 = getelementptr i8, ptr %2, i64 %9
  ret ptr %10

11:                                               ; preds = %7
  %12 = call ptr @awsm_mem_addr_explicit(ptr %1, ptr %2, i64 %3, i64 %4, i64 %5, i32 %6)
  ret ptr %12
}

attributes #0 = { nounwind }
attributes #1 = { nocallback nofree nosync nounwind willreturn memory(inaccessiblemem: write) }
attributes #2 = { alwaysinline }

!0 = !{!1, !1, i64 0}
!1 = !{!"awsm vmctx", !2, i64 0}
!2 = !{!"awsm TBAA"}
!3 = !{!4, !4, i64 0}
!4 = !{!"wasm linear memory", !2, i64 0}
!5 = !{!"branch_weights", i32 1048576, i32 1}
