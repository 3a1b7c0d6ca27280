target datalayout = "e-m:e-p:32:32-Fi8-i64:64-v128:64:128-a:0:32-n32-S64"
target triple = "thumbv7em-unknown-none-eabi"

@str = private unnamed_addr constant [6 x i8] c"iiii:\00"
@wasm_types = private constant [1 x { ptr, ptr, ptr }] [{ ptr, ptr, ptr } { ptr @str, ptr @wasm_call0, ptr @wasm_host0 }]
@wasm_func_types = private constant [1 x i32] zeroinitializer
@wasm_func_ptrs = private constant [1 x ptr] [ptr @wasm_f0]
@str.1 = private unnamed_addr constant [5 x i8] c"copy\00"
@wasm_exports = private constant [1 x { ptr, i32, i32, i32 }] [{ ptr, i32, i32, i32 } { ptr @str.1, i32 0, i32 0, i32 4 }]
@str.2 = private unnamed_addr constant [14 x i8] c"copy_cortex_m\00"
@copy_cortex_m_module = constant { i32, ptr, i32, ptr, i32, i32, ptr, ptr, i32, ptr, i32, ptr, i32, i32, ptr, i32, i32, ptr, i32, i32, { i32, i32, i32 }, i32, i32, ptr, i32, i32, ptr, ptr } { i32 4, ptr @str.2, i32 1, ptr @wasm_types, i32 1, i32 0, ptr @wasm_func_types, ptr @wasm_func_ptrs, i32 0, ptr null, i32 1, ptr @wasm_exports, i32 0, i32 0, ptr null, i32 0, i32 0, ptr null, i32 1, i32 0, { i32, i32, i32 } { i32 1, i32 0, i32 0 }, i32 0, i32 0, ptr @wasm_init, i32 -1, i32 1, ptr null, ptr null }
@awsm_cm_page_shift = constant i32 16
@awsm_cm_mask_bits = constant i32 0
@awsm_cm_static_memory_bytes = constant i32 0
@awsm_cm_funcrefs = constant i32 0
@awsm_cm_unbound_imports = constant i32 0
@awsm_cm_static_memory = global [0 x i8] zeroinitializer, align 8

; Function Attrs: nounwind
define internal void @wasm_f0(ptr %0, i32 %1, i32 %2, i32 %3, i32 %4) #0 {
entry:
  %5 = getelementptr i8, ptr %0, i32 32
  %6 = load ptr, ptr %5, align 8, !tbaa !0
  %7 = getelementptr i8, ptr %0, i32 40
  %8 = load i64, ptr %7, align 4, !tbaa !0
  %9 = icmp ult i32 %3, %4
  %10 = icmp sge i32 %4, 0
  %11 = and i1 %9, %10
  %12 = sub i32 %4, %3
  %13 = urem i32 %12, 4
  %14 = icmp eq i32 %13, 0
  %counted = and i1 %11, %14, !awsm.counted !3
  %15 = sub i32 %4, 4
  %16 = sub i32 %15, %3
  %17 = zext i32 %16 to i64
  %18 = add i32 %3, %2
  %19 = add i32 %18, 0
  %20 = zext i32 %19 to i64
  %21 = add i64 %20, %17
  %22 = add i64 %21, 4
  %limit = call i64 @awsm_mem_limit_explicit(i64 %8)
  %fits = icmp ule i64 %22, %limit
  %23 = zext i32 %18 to i64
  %24 = add i64 %23, 0
  %nowrap = icmp eq i64 %24, %20
  %25 = and i1 %fits, %nowrap
  %counted15 = and i1 %counted, %25
  %26 = zext i32 %3 to i64
  %27 = sub i64 %23, %26
  %array = getelementptr i8, ptr %6, i64 %27
  %array16 = call ptr asm "", "=r,0"(ptr %array) #1
  %28 = add i32 %3, %1
  %29 = add i32 %28, 0
  %30 = zext i32 %29 to i64
  %31 = add i64 %30, %17
  %32 = add i64 %31, 4
  %fits17 = icmp ule i64 %32, %limit
  %33 = zext i32 %28 to i64
  %34 = add i64 %33, 0
  %nowrap18 = icmp eq i64 %34, %30
  %35 = and i1 %fits17, %nowrap18
  %counted19 = and i1 %counted15, %35
  %36 = zext i32 %3 to i64
  %37 = sub i64 %33, %36
  %array20 = getelementptr i8, ptr %6, i64 %37
  %array21 = call ptr asm "", "=r,0"(ptr %array20) #1
  br i1 %counted19, label %counted1, label %general

return:                                           ; preds = %versions
  ret void

counted1:                                         ; preds = %entry
  br label %loop

general:                                          ; preds = %entry
  br label %loop8

versions:                                         ; preds = %next7, %next
  br label %return

next:                                             ; preds = %51
  br label %versions

loop:                                             ; preds = %loop, %counted1
  %.0 = phi i32 [ %3, %counted1 ], [ %47, %loop ]
  %38 = add i32 %1, %.0
  %39 = add i32 %2, %.0
  %idx = zext i32 %39 to i64
  %40 = zext i32 %.0 to i64
  %41 = add i64 %40, 0
  %42 = getelementptr i8, ptr %array16, i64 %41
  %43 = load i32, ptr %42, align 1, !tbaa !4
  %idx6 = zext i32 %38 to i64
  %44 = zext i32 %.0 to i64
  %45 = add i64 %44, 0
  %46 = getelementptr i8, ptr %array21, i64 %45
  store i32 %43, ptr %46, align 1, !tbaa !4
  %47 = add nuw nsw i32 %.0, 4
  %48 = icmp ne i32 %47, %4
  %49 = zext i1 %48 to i32
  %50 = icmp ne i32 %49, 0
  br i1 %50, label %loop, label %51

51:                                               ; preds = %loop
  br label %next

next7:                                            ; preds = %61
  br label %versions

loop8:                                            ; preds = %loop8, %general
  %.1 = phi i32 [ %3, %general ], [ %57, %loop8 ]
  %52 = add i32 %1, %.1
  %53 = add i32 %2, %.1
  %idx11 = zext i32 %53 to i64
  %54 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %6, i64 %8, i64 %idx11, i64 0, i32 4)
  %55 = load i32, ptr %54, align 1, !tbaa !4
  %idx14 = zext i32 %52 to i64
  %56 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %6, i64 %8, i64 %idx14, i64 0, i32 4)
  store i32 %55, ptr %56, align 1, !tbaa !4
  %57 = add i32 %.1, 4
  %58 = icmp ne i32 %57, %4
  %59 = zext i1 %58 to i32
  %60 = icmp ne i32 %59, 0
  br i1 %60, label %loop8, label %61

61:                                               ; preds = %loop8
  br label %next7
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
  %10 = getelementptr i8, ptr %2, i32 48
  %11 = load i32, ptr %10, align 4
  call void %0(ptr %1, i32 %5, i32 %7, i32 %9, i32 %11)
  ret void
}

define internal void @wasm_host0(ptr %0, i32 %1, i32 %2, i32 %3, i32 %4) {
entry:
  %5 = alloca [16 x i8], align 1
  %6 = alloca [64 x i8], align 1
  %7 = getelementptr i8, ptr %6, i32 0
  store i32 %1, ptr %7, align 4
  %8 = getelementptr i8, ptr %6, i32 16
  store i32 %2, ptr %8, align 4
  %9 = getelementptr i8, ptr %6, i32 32
  store i32 %3, ptr %9, align 4
  %10 = getelementptr i8, ptr %6, i32 48
  store i32 %4, ptr %10, align 4
  call void @awsm_rt_call_host(ptr %0, ptr %6, ptr %5)
  ret void
}

declare void @awsm_rt_call_host(ptr, ptr, ptr)

define void @copy_cortex_m_copy(ptr %0, i32 %1, i32 %2, i32 %3, i32 %4) {
entry:
  notail call void @wasm_f0(ptr %0, i32 %1, i32 %2, i32 %3, i32 %4)
  ret void
}

declare i64 @awsm_mem_limit_explicit(i64)

attributes #0 = { nounwind }
attributes #1 = { nounwind willreturn memory(none) }

!0 = !{!1, !1, i64 0}
!1 = !{!"awsm vmctx", !2, i64 0}
!2 = !{!"awsm TBAA"}
!3 = !{}
!4 = !{!5, !5, i64 0}
!5 = !{!"wasm linear memory", !2, i64 0}
