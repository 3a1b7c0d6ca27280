target datalayout = "e-m:e-p:32:32-Fi8-i64:64-v128:64:128-a:0:32-n32-S64"
target triple = "thumbv7em-unknown-none-eabi"

@str = private unnamed_addr constant [5 x i8] c"ii:i\00"
@wasm_types = private constant [1 x { ptr, ptr, ptr }] [{ ptr, ptr, ptr } { ptr @str, ptr @wasm_call0, ptr @wasm_host0 }]
@wasm_func_types = private constant [1 x i32] zeroinitializer
@wasm_func_ptrs = private constant [1 x ptr] [ptr @wasm_f0]
@str.1 = private unnamed_addr constant [3 x i8] c"up\00"
@wasm_exports = private constant [1 x { ptr, i32, i32, i32 }] [{ ptr, i32, i32, i32 } { ptr @str.1, i32 0, i32 0, i32 2 }]
@str.2 = private unnamed_addr constant [5 x i8] c"scan\00"
@scan_module = constant { i32, ptr, i32, ptr, i32, i32, ptr, ptr, i32, ptr, i32, ptr, i32, i32, ptr, i32, i32, ptr, i32, i32, { i32, i32, i32 }, i32, i32, ptr, i32, i32, ptr, ptr } { i32 4, ptr @str.2, i32 1, ptr @wasm_types, i32 1, i32 0, ptr @wasm_func_types, ptr @wasm_func_ptrs, i32 0, ptr null, i32 1, ptr @wasm_exports, i32 0, i32 0, ptr null, i32 0, i32 0, ptr null, i32 1, i32 0, { i32, i32, i32 } { i32 1, i32 0, i32 0 }, i32 0, i32 0, ptr @wasm_init, i32 -1, i32 1, ptr null, ptr null }
@awsm_cm_page_shift = constant i32 16
@awsm_cm_mask_bits = constant i32 0
@awsm_cm_static_memory_bytes = constant i32 0
@awsm_cm_funcrefs = constant i32 0
@awsm_cm_unbound_imports = constant i32 0
@awsm_cm_static_memory = global [0 x i8] zeroinitializer, align 8

; Function Attrs: nounwind
define internal i32 @wasm_f0(ptr %0, i32 %1, i32 %2) #0 {
entry:
  %3 = getelementptr i8, ptr %0, i32 32
  %4 = load ptr, ptr %3, align 8, !tbaa !0
  %5 = getelementptr i8, ptr %0, i32 40
  %6 = load i64, ptr %5, align 4, !tbaa !0
  br label %loop

return:                                           ; preds = %next
  ret i32 %.1

next:                                             ; preds = %exit
  br label %return

loop:                                             ; preds = %again, %entry
  %.0 = phi i32 [ %1, %entry ], [ %19, %again ]
  %7 = add i32 %.0, 4
  %idx = zext i32 %7 to i64
  %8 = add i32 %7, 0
  %limit = call i64 @awsm_mem_limit_explicit(i64 %6)
  %9 = zext i32 %8 to i64
  %10 = add i64 %9, 8
  %fast = icmp ule i64 %10, %limit
  %11 = call ptr @awsm_grouped_addr(i1 %fast, ptr %0, ptr %4, i64 %6, i64 %idx, i64 0, i32 4)
  %12 = sub i64 %limit, 4
  %13 = trunc i64 %12 to i32
  %14 = icmp ule i32 %7, %13
  call void @llvm.assume(i1 %14)
  %15 = load i32, ptr %11, align 1, !tbaa !3
  %16 = icmp slt i32 %15, %2
  %17 = zext i1 %16 to i32
  %18 = icmp ne i32 %17, 0
  br i1 %18, label %again, label %exit

exit:                                             ; preds = %28, %loop
  %.1 = phi i32 [ %19, %28 ], [ %7, %loop ]
  br label %next

again:                                            ; preds = %loop
  %19 = add i32 %7, 4
  %idx5 = zext i32 %19 to i64
  %20 = call ptr @awsm_grouped_addr(i1 %fast, ptr %0, ptr %4, i64 %6, i64 %idx5, i64 0, i32 4)
  %21 = sub i64 %limit, 4
  %22 = trunc i64 %21 to i32
  %23 = icmp ule i32 %19, %22
  call void @llvm.assume(i1 %23)
  %24 = load i32, ptr %20, align 1, !tbaa !3
  %25 = icmp slt i32 %24, %2
  %26 = zext i1 %25 to i32
  %27 = icmp ne i32 %26, 0
  br i1 %27, label %loop, label %28

28:                                               ; preds = %again
  br label %exit
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
  %8 = call i32 %0(ptr %1, i32 %5, i32 %7)
  %9 = getelementptr i8, ptr %3, i32 0
  store i32 %8, ptr %9, align 4
  ret void
}

define internal i32 @wasm_host0(ptr %0, i32 %1, i32 %2) {
entry:
  %3 = alloca [16 x i8], align 1
  %4 = alloca [32 x i8], align 1
  %5 = getelementptr i8, ptr %4, i32 0
  store i32 %1, ptr %5, align 4
  %6 = getelementptr i8, ptr %4, i32 16
  store i32 %2, ptr %6, align 4
  call void @awsm_rt_call_host(ptr %0, ptr %4, ptr %3)
  %7 = getelementptr i8, ptr %3, i32 0
  %8 = load i32, ptr %7, align 4
  ret i32 %8
}

declare void @awsm_rt_call_host(ptr, ptr, ptr)

define i32 @scan_up(ptr %0, i32 %1, i32 %2) {
entry:
  %3 = notail call i32 @wasm_f0(ptr %0, i32 %1, i32 %2)
  ret i32 %3
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
