target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@str = private unnamed_addr constant [6 x i8] c"iiii:\00"
@wasm_types = private constant [1 x { ptr, ptr, ptr }] [{ ptr, ptr, ptr } { ptr @str, ptr @wasm_call0, ptr @wasm_host0 }]
@wasm_func_types = private constant [1 x i32] zeroinitializer
@wasm_func_ptrs = private constant [1 x ptr] [ptr @wasm_f0]
@str.1 = private unnamed_addr constant [6 x i8] c"axpy3\00"
@wasm_exports = private constant [1 x { ptr, i32, i32, i32 }] [{ ptr, i32, i32, i32 } { ptr @str.1, i32 0, i32 0, i32 5 }]
@str.2 = private unnamed_addr constant [6 x i8] c"axpy3\00"
@__start_awsm_guest_text = extern_weak hidden global i8
@__stop_awsm_guest_text = extern_weak hidden global i8
@axpy3_module = constant { i32, ptr, i32, ptr, i32, i32, ptr, ptr, i32, ptr, i32, ptr, i32, i32, ptr, i32, i32, ptr, i32, i32, { i32, i32, i32 }, i32, i32, ptr, i32, i32, ptr, ptr } { i32 4, ptr @str.2, i32 1, ptr @wasm_types, i32 1, i32 0, ptr @wasm_func_types, ptr @wasm_func_ptrs, i32 0, ptr null, i32 1, ptr @wasm_exports, i32 0, i32 0, ptr null, i32 0, i32 0, ptr null, i32 1, i32 0, { i32, i32, i32 } { i32 1, i32 0, i32 0 }, i32 0, i32 0, ptr @wasm_init, i32 -1, i32 0, ptr @__start_awsm_guest_text, ptr @__stop_awsm_guest_text }
@awsm_mask_bits = constant i32 32

; Function Attrs: nounwind
define internal void @wasm_f0(ptr %0, i32 %1, i32 %2, i32 %3, i32 %4) #0 section "awsm_guest_text" {
entry:
  %5 = getelementptr i8, ptr %0, i32 64
  %6 = load ptr, ptr %5, align 8, !tbaa !0, !invariant.load !3
  %7 = getelementptr i8, ptr %0, i32 72
  %8 = load i64, ptr %7, align 4, !tbaa !0
  %9 = icmp ult i32 0, %4
  %10 = icmp sge i32 %4, 0
  %11 = and i1 %9, %10
  %12 = sub i32 %4, 0
  %13 = urem i32 %12, 12
  %14 = icmp eq i32 %13, 0
  %counted = and i1 %11, %14, !awsm.counted !3
  br i1 %counted, label %counted1, label %general

return:                                           ; preds = %versions
  ret void

counted1:                                         ; preds = %entry
  br label %loop

general:                                          ; preds = %entry
  br label %loop29

versions:                                         ; preds = %next28, %next
  br label %return

next:                                             ; preds = %32
  br label %versions

loop:                                             ; preds = %loop, %counted1
  %.0 = phi i32 [ 0, %counted1 ], [ %28, %loop ]
  %15 = add i32 %1, %.0
  %16 = add i32 %15, 0
  %17 = add i32 %1, %.0
  %18 = add i32 %17, 0
  %idx = zext i32 %18 to i64
  %19 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %6, i64 %8, i64 %idx, i64 0, i32 4)
  %20 = load i32, ptr %19, align 1, !tbaa !4
  %21 = add i32 %2, %.0
  %22 = add i32 %21, 0
  %idx6 = zext i32 %22 to i64
  %23 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %6, i64 %8, i64 %idx6, i64 0, i32 4)
  %24 = load i32, ptr %23, align 1, !tbaa !4
  %25 = mul i32 %3, %24
  %26 = add i32 %20, %25
  %idx9 = zext i32 %16 to i64
  %27 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %6, i64 %8, i64 %idx9, i64 0, i32 4)
  store i32 %26, ptr %27, align 1, !tbaa !4
  %28 = add nuw nsw i32 %.0, 4
  %29 = icmp ne i32 %28, %4
  %30 = zext i1 %29 to i32
  %31 = icmp ne i32 %30, 0
  br i1 %31, label %loop, label %32

32:                                               ; preds = %loop
  br label %next

next28:                                           ; preds = %76
  br label %versions

loop29:                                           ; preds = %loop29, %general
  %.1 = phi i32 [ 0, %general ], [ %72, %loop29 ]
  %33 = add i32 %1, %.1
  %34 = add i32 %33, 0
  %35 = add i32 %1, %.1
  %36 = add i32 %35, 0
  %idx32 = zext i32 %36 to i64
  %37 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %6, i64 %8, i64 %idx32, i64 0, i32 4)
  %38 = load i32, ptr %37, align 1, !tbaa !4
  %39 = add i32 %2, %.1
  %40 = add i32 %39, 0
  %idx35 = zext i32 %40 to i64
  %41 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %6, i64 %8, i64 %idx35, i64 0, i32 4)
  %42 = load i32, ptr %41, align 1, !tbaa !4
  %43 = mul i32 %3, %42
  %44 = add i32 %38, %43
  %idx38 = zext i32 %34 to i64
  %45 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %6, i64 %8, i64 %idx38, i64 0, i32 4)
  store i32 %44, ptr %45, align 1, !tbaa !4
  %46 = add i32 %1, %.1
  %47 = add i32 %46, 4
  %48 = add i32 %1, %.1
  %49 = add i32 %48, 4
  %idx41 = zext i32 %49 to i64
  %50 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %6, i64 %8, i64 %idx41, i64 0, i32 4)
  %51 = load i32, ptr %50, align 1, !tbaa !4
  %52 = add i32 %2, %.1
  %53 = add i32 %52, 4
  %idx44 = zext i32 %53 to i64
  %54 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %6, i64 %8, i64 %idx44, i64 0, i32 4)
  %55 = load i32, ptr %54, align 1, !tbaa !4
  %56 = mul i32 %3, %55
  %57 = add i32 %51, %56
  %idx47 = zext i32 %47 to i64
  %58 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %6, i64 %8, i64 %idx47, i64 0, i32 4)
  store i32 %57, ptr %58, align 1, !tbaa !4
  %59 = add i32 %1, %.1
  %60 = add i32 %59, 8
  %61 = add i32 %1, %.1
  %62 = add i32 %61, 8
  %idx50 = zext i32 %62 to i64
  %63 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %6, i64 %8, i64 %idx50, i64 0, i32 4)
  %64 = load i32, ptr %63, align 1, !tbaa !4
  %65 = add i32 %2, %.1
  %66 = add i32 %65, 8
  %idx53 = zext i32 %66 to i64
  %67 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %6, i64 %8, i64 %idx53, i64 0, i32 4)
  %68 = load i32, ptr %67, align 1, !tbaa !4
  %69 = mul i32 %3, %68
  %70 = add i32 %64, %69
  %idx56 = zext i32 %60 to i64
  %71 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %6, i64 %8, i64 %idx56, i64 0, i32 4)
  store i32 %70, ptr %71, align 1, !tbaa !4
  %72 = add i32 %.1, 12
  %73 = icmp ne i32 %72, %4
  %74 = zext i1 %73 to i32
  %75 = icmp ne i32 %74, 0
  br i1 %75, label %loop29, label %76

76:                                               ; preds = %loop29
  br label %next28
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
  call void %0(ptr %1, i32 %5, i32 %7, i32 %9, i32 %11)
  ret void
}

define internal void @wasm_host0(ptr %0, i32 %1, i32 %2, i32 %3, i32 %4) #1 section "awsm_guest_text" {
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

define void @axpy3_axpy3(ptr %0, i32 %1, i32 %2, i32 %3, i32 %4) #1 section "awsm_guest_text" {
entry:
  notail call void @wasm_f0(ptr %0, i32 %1, i32 %2, i32 %3, i32 %4)
  ret void
}

attributes #0 = { nounwind "no-builtin-memcpy" "no-builtin-memmove" "no-builtin-memset" }
attributes #1 = { "no-builtin-memcpy" "no-builtin-memmove" "no-builtin-memset" }

!0 = !{!1, !1, i64 0}
!1 = !{!"awsm vmctx", !2, i64 0}
!2 = !{!"awsm TBAA"}
!3 = !{}
!4 = !{!5, !5, i64 0}
!5 = !{!"wasm linear memory", !2, i64 0}
