target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@str = private unnamed_addr constant [5 x i8] c"iii:\00"
@wasm_types = private constant [1 x { ptr, ptr, ptr }] [{ ptr, ptr, ptr } { ptr @str, ptr @wasm_call0, ptr @wasm_host0 }]
@wasm_func_types = private constant [1 x i32] zeroinitializer
@wasm_func_ptrs = private constant [1 x ptr] [ptr @wasm_f0]
@str.1 = private unnamed_addr constant [5 x i8] c"fill\00"
@wasm_exports = private constant [1 x { ptr, i32, i32, i32 }] [{ ptr, i32, i32, i32 } { ptr @str.1, i32 0, i32 0, i32 4 }]
@str.2 = private unnamed_addr constant [5 x i8] c"fill\00"
@__start_awsm_guest_text = extern_weak hidden global i8
@__stop_awsm_guest_text = extern_weak hidden global i8
@fill_module = constant { i32, ptr, i32, ptr, i32, i32, ptr, ptr, i32, ptr, i32, ptr, i32, i32, ptr, i32, i32, ptr, i32, i32, { i32, i32, i32 }, i32, i32, ptr, i32, i32, ptr, ptr } { i32 4, ptr @str.2, i32 1, ptr @wasm_types, i32 1, i32 0, ptr @wasm_func_types, ptr @wasm_func_ptrs, i32 0, ptr null, i32 1, ptr @wasm_exports, i32 0, i32 0, ptr null, i32 0, i32 0, ptr null, i32 1, i32 0, { i32, i32, i32 } { i32 1, i32 0, i32 0 }, i32 0, i32 0, ptr @wasm_init, i32 -1, i32 1, ptr @__start_awsm_guest_text, ptr @__stop_awsm_guest_text }
@awsm_mask_bits = constant i32 32

; Function Attrs: nounwind
define internal void @wasm_f0(ptr %0, i32 %1, i32 %2, i32 %3) #0 section "awsm_guest_text" {
entry:
  %4 = getelementptr i8, ptr %0, i32 64
  %5 = load ptr, ptr %4, align 8, !tbaa !0
  %6 = getelementptr i8, ptr %0, i32 72
  %7 = load i64, ptr %6, align 4, !tbaa !0
  %8 = icmp ult i32 %2, %3
  %9 = icmp sge i32 %3, 0
  %10 = and i1 %8, %9
  %11 = sub i32 %3, %2
  %12 = urem i32 %11, 4
  %13 = icmp eq i32 %12, 0
  %counted = and i1 %10, %13, !awsm.counted !3
  %14 = sub i32 %3, 4
  %15 = sub i32 %14, %2
  %16 = zext i32 %15 to i64
  %17 = add i32 %2, %1
  %18 = add i32 %17, 8
  %19 = zext i32 %18 to i64
  %20 = add i64 %19, %16
  %21 = add i64 %20, 4
  %limit = call i64 @awsm_mem_limit_explicit(i64 %7)
  %fits = icmp ule i64 %21, %limit
  %22 = zext i32 %17 to i64
  %23 = add i64 %22, 8
  %nowrap = icmp eq i64 %23, %19
  %24 = and i1 %fits, %nowrap
  %counted9 = and i1 %counted, %24
  %25 = zext i32 %2 to i64
  %26 = sub i64 %22, %25
  %array = getelementptr i8, ptr %5, i64 %26
  %array10 = call ptr asm "", "=r,0"(ptr %array) #1
  br i1 %counted9, label %counted1, label %general

return:                                           ; preds = %versions
  ret void

counted1:                                         ; preds = %entry
  br label %loop

general:                                          ; preds = %entry
  br label %loop5

versions:                                         ; preds = %next4, %next
  br label %return

next:                                             ; preds = %36
  br label %versions

loop:                                             ; preds = %loop, %counted1
  %.0 = phi i32 [ %2, %counted1 ], [ %32, %loop ]
  %27 = add i32 %1, %.0
  %28 = add i32 %27, 8
  %idx = zext i32 %28 to i64
  %29 = zext i32 %.0 to i64
  %30 = add i64 %29, 8
  %31 = getelementptr i8, ptr %array10, i64 %30
  store i32 %.0, ptr %31, align 1, !tbaa !4
  %32 = add nuw nsw i32 %.0, 4
  %33 = icmp ne i32 %32, %3
  %34 = zext i1 %33 to i32
  %35 = icmp ne i32 %34, 0
  br i1 %35, label %loop, label %36

36:                                               ; preds = %loop
  br label %next

next4:                                            ; preds = %44
  br label %versions

loop5:                                            ; preds = %loop5, %general
  %.1 = phi i32 [ %2, %general ], [ %40, %loop5 ]
  %37 = add i32 %1, %.1
  %38 = add i32 %37, 8
  %idx8 = zext i32 %38 to i64
  %39 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %5, i64 %7, i64 %idx8, i64 0, i32 4)
  store i32 %.1, ptr %39, align 1, !tbaa !4
  %40 = add i32 %.1, 4
  %41 = icmp ne i32 %40, %3
  %42 = zext i1 %41 to i32
  %43 = icmp ne i32 %42, 0
  br i1 %43, label %loop5, label %44

44:                                               ; preds = %loop5
  br label %next4
}

declare ptr @awsm_mem_addr_explicit(ptr, ptr, i64, i64, i64, i32)

define internal void @wasm_init(ptr %0) section "awsm_guest_text" {
entry:
  ret void
}

define internal void @wasm_call0(ptr %0, ptr %1, ptr %2, ptr %3) section "awsm_guest_text" {
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

define internal void @wasm_host0(ptr %0, i32 %1, i32 %2, i32 %3) section "awsm_guest_text" {
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

define void @fill_fill(ptr %0, i32 %1, i32 %2, i32 %3) section "awsm_guest_text" {
entry:
  notail call void @wasm_f0(ptr %0, i32 %1, i32 %2, i32 %3)
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
