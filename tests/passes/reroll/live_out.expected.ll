target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@str = private unnamed_addr constant [7 x i8] c"iiii:i\00"
@wasm_types = private constant [1 x { ptr, ptr, ptr }] [{ ptr, ptr, ptr } { ptr @str, ptr @wasm_call0, ptr @wasm_host0 }]
@wasm_func_types = private constant [1 x i32] zeroinitializer
@wasm_func_ptrs = private constant [1 x ptr] [ptr @wasm_f0]
@str.1 = private unnamed_addr constant [9 x i8] c"live_out\00"
@wasm_exports = private constant [1 x { ptr, i32, i32, i32 }] [{ ptr, i32, i32, i32 } { ptr @str.1, i32 0, i32 0, i32 8 }]
@str.2 = private unnamed_addr constant [9 x i8] c"live_out\00"
@__start_awsm_guest_text = extern_weak hidden global i8
@__stop_awsm_guest_text = extern_weak hidden global i8
@live_out_module = constant { i32, ptr, i32, ptr, i32, i32, ptr, ptr, i32, ptr, i32, ptr, i32, i32, ptr, i32, i32, ptr, i32, i32, { i32, i32, i32 }, i32, i32, ptr, i32, i32, ptr, ptr } { i32 4, ptr @str.2, i32 1, ptr @wasm_types, i32 1, i32 0, ptr @wasm_func_types, ptr @wasm_func_ptrs, i32 0, ptr null, i32 1, ptr @wasm_exports, i32 0, i32 0, ptr null, i32 0, i32 0, ptr null, i32 1, i32 0, { i32, i32, i32 } { i32 1, i32 0, i32 0 }, i32 0, i32 0, ptr @wasm_init, i32 -1, i32 0, ptr @__start_awsm_guest_text, ptr @__stop_awsm_guest_text }
@awsm_mask_bits = constant i32 32

; Function Attrs: nounwind
define internal i32 @wasm_f0(ptr %0, i32 %1, i32 %2, i32 %3, i32 %4) #0 section "awsm_guest_text" {
entry:
  %5 = getelementptr i8, ptr %0, i32 64
  %6 = load ptr, ptr %5, align 8, !tbaa !0, !invariant.load !3
  %7 = getelementptr i8, ptr %0, i32 72
  %8 = load i64, ptr %7, align 4, !tbaa !0
  %9 = icmp ult i32 0, %4
  %10 = icmp sge i32 %4, 0
  %11 = and i1 %9, %10
  %12 = sub i32 %4, 0
  %13 = urem i32 %12, 8
  %14 = icmp eq i32 %13, 0
  %counted = and i1 %11, %14, !awsm.counted !3
  br i1 %counted, label %counted1, label %general

return:                                           ; preds = %versions
  ret i32 %.027

counted1:                                         ; preds = %entry
  br label %loop

general:                                          ; preds = %entry
  br label %loop14

versions:                                         ; preds = %next13, %next
  %.027 = phi i32 [ %26, %next ], [ %47, %next13 ]
  br label %return

next:                                             ; preds = %35
  br label %versions

loop:                                             ; preds = %loop, %counted1
  %.0 = phi i32 [ 0, %counted1 ], [ %31, %loop ]
  %15 = add i32 %1, %.0
  %16 = add i32 %15, 0
  %17 = add i32 %2, %.0
  %18 = add i32 %17, 0
  %idx = zext i32 %18 to i64
  %19 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %6, i64 %8, i64 %idx, i64 0, i32 4)
  %20 = load i32, ptr %19, align 1, !tbaa !4
  %21 = add i32 %20, %3
  %idx6 = zext i32 %16 to i64
  %22 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %6, i64 %8, i64 %idx6, i64 0, i32 4)
  store i32 %21, ptr %22, align 1, !tbaa !4
  %23 = add i32 %2, %.0
  %24 = add i32 %23, 4
  %idx9 = zext i32 %24 to i64
  %25 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %6, i64 %8, i64 %idx9, i64 0, i32 4)
  %26 = load i32, ptr %25, align 1, !tbaa !4
  %27 = add i32 %1, %.0
  %28 = add i32 %27, 4
  %29 = add i32 %26, %3
  %idx12 = zext i32 %28 to i64
  %30 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %6, i64 %8, i64 %idx12, i64 0, i32 4)
  store i32 %29, ptr %30, align 1, !tbaa !4
  %31 = add nuw nsw i32 %.0, 8
  %32 = icmp ne i32 %31, %4
  %33 = zext i1 %32 to i32
  %34 = icmp ne i32 %33, 0
  br i1 %34, label %loop, label %35

35:                                               ; preds = %loop
  br label %next

next13:                                           ; preds = %56
  br label %versions

loop14:                                           ; preds = %loop14, %general
  %.1 = phi i32 [ 0, %general ], [ %52, %loop14 ]
  %36 = add i32 %1, %.1
  %37 = add i32 %36, 0
  %38 = add i32 %2, %.1
  %39 = add i32 %38, 0
  %idx17 = zext i32 %39 to i64
  %40 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %6, i64 %8, i64 %idx17, i64 0, i32 4)
  %41 = load i32, ptr %40, align 1, !tbaa !4
  %42 = add i32 %41, %3
  %idx20 = zext i32 %37 to i64
  %43 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %6, i64 %8, i64 %idx20, i64 0, i32 4)
  store i32 %42, ptr %43, align 1, !tbaa !4
  %44 = add i32 %2, %.1
  %45 = add i32 %44, 4
  %idx23 = zext i32 %45 to i64
  %46 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %6, i64 %8, i64 %idx23, i64 0, i32 4)
  %47 = load i32, ptr %46, align 1, !tbaa !4
  %48 = add i32 %1, %.1
  %49 = add i32 %48, 4
  %50 = add i32 %47, %3
  %idx26 = zext i32 %49 to i64
  %51 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %6, i64 %8, i64 %idx26, i64 0, i32 4)
  store i32 %50, ptr %51, align 1, !tbaa !4
  %52 = add i32 %.1, 8
  %53 = icmp ne i32 %52, %4
  %54 = zext i1 %53 to i32
  %55 = icmp ne i32 %54, 0
  br i1 %55, label %loop14, label %56

56:                                               ; preds = %loop14
  br label %next13
}

declare ptr @awsm_mem_addr_guard_pages(ptr, ptr, i64, i64, i64, i32)

define internal void @wasm_init(ptr %0) #1 section "awsm_guest_text" {
entry:
  ret void
}

define internal void @wasm_call0(ptr %0, ptr %1, ptr %2, ptr %3) #1 section "awsm_guest_text" {
entry:
  %4 = getelementptr i8, ptr %2, i32 0
  %5 = load i32, ptr %4, align 4
  %6 = getelementptr i8, ptr %2, i32 16
  %7 = load i32, ptr %6, align 4
  %8 = getelementptr i8, ptr %2, i32 32
  %9 = load i32, ptr %8, align 4
  %10 = getelementptr i8, ptr %2, i32 48
  %11 = load i32, ptr %10, align 4
  %12 = call i32 %0(ptr %1, i32 %5, i32 %7, i32 %9, i32 %11)
  %13 = getelementptr i8, ptr %3, i32 0
  store i32 %12, ptr %13, align 4
  ret void
}

define internal i32 @wasm_host0(ptr %0, i32 %1, i32 %2, i32 %3, i32 %4) #1 section "awsm_guest_text" {
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
  %11 = getelementptr i8, ptr %5, i32 0
  %12 = load i32, ptr %11, align 4
  ret i32 %12
}

declare void @awsm_rt_call_host(ptr, ptr, ptr)

define i32 @live_out_live__out(ptr %0, i32 %1, i32 %2, i32 %3, i32 %4) #1 section "awsm_guest_text" {
entry:
  %5 = notail call i32 @wasm_f0(ptr %0, i32 %1, i32 %2, i32 %3, i32 %4)
  ret i32 %5
}

attributes #0 = { nounwind "no-builtin-memcpy" "no-builtin-memmove" "no-builtin-memset" }
attributes #1 = { "no-builtin-memcpy" "no-builtin-memmove" "no-builtin-memset" }

!0 = !{!1, !1, i64 0}
!1 = !{!"awsm vmctx", !2, i64 0}
!2 = !{!"awsm TBAA"}
!3 = !{}
!4 = !{!5, !5, i64 0}
!5 = !{!"wasm linear memory", !2, i64 0}
