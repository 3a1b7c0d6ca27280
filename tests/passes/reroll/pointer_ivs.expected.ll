target datalayout = "e-m:e-i8:8:32-i16:16:32-i64:64-i128:128-n32:64-S128-Fn32"
target triple = "aarch64-unknown-linux-gnu"

@str = private unnamed_addr constant [6 x i8] c"iiii:\00"
@wasm_types = private constant [1 x { ptr, ptr, ptr }] [{ ptr, ptr, ptr } { ptr @str, ptr @wasm_call0, ptr @wasm_host0 }]
@wasm_func_types = private constant [1 x i32] zeroinitializer
@wasm_func_ptrs = private constant [1 x ptr] [ptr @wasm_f0]
@str.1 = private unnamed_addr constant [13 x i8] c"two_pointers\00"
@wasm_exports = private constant [1 x { ptr, i32, i32, i32 }] [{ ptr, i32, i32, i32 } { ptr @str.1, i32 0, i32 0, i32 12 }]
@str.2 = private unnamed_addr constant [12 x i8] c"pointer_ivs\00"
@__start_awsm_guest_text = extern_weak hidden global i8
@__stop_awsm_guest_text = extern_weak hidden global i8
@pointer_ivs_module = constant { i32, ptr, i32, ptr, i32, i32, ptr, ptr, i32, ptr, i32, ptr, i32, i32, ptr, i32, i32, ptr, i32, i32, { i32, i32, i32 }, i32, i32, ptr, i32, i32, ptr, ptr } { i32 4, ptr @str.2, i32 1, ptr @wasm_types, i32 1, i32 0, ptr @wasm_func_types, ptr @wasm_func_ptrs, i32 0, ptr null, i32 1, ptr @wasm_exports, i32 0, i32 0, ptr null, i32 0, i32 0, ptr null, i32 1, i32 0, { i32, i32, i32 } { i32 1, i32 0, i32 0 }, i32 0, i32 0, ptr @wasm_init, i32 -1, i32 1, ptr @__start_awsm_guest_text, ptr @__stop_awsm_guest_text }
@awsm_mask_bits = constant i32 32

; Function Attrs: nounwind
define internal void @wasm_f0(ptr %0, i32 %1, i32 %2, i32 %3, i32 %4) #0 section "awsm_guest_text" {
entry:
  %5 = getelementptr i8, ptr %0, i32 64
  %6 = load ptr, ptr %5, align 8, !tbaa !0
  %7 = getelementptr i8, ptr %0, i32 72
  %8 = load i64, ptr %7, align 4, !tbaa !0
  %9 = icmp ult i32 0, %4
  %10 = icmp sge i32 %4, 0
  %11 = and i1 %9, %10
  %12 = sub i32 %4, 0
  %13 = urem i32 %12, 2
  %14 = icmp eq i32 %13, 0
  %counted = and i1 %11, %14
  %15 = udiv i32 %12, 2
  %trips = zext i32 %15 to i64
  %16 = sext i32 %1 to i64
  %17 = mul i64 %trips, 8
  %18 = add i64 %16, %17
  %19 = trunc i64 %18 to i32
  %20 = sext i32 %19 to i64
  %21 = icmp eq i64 %20, %18
  %counted1 = and i1 %counted, %21
  %22 = sext i32 %2 to i64
  %23 = mul i64 %trips, 64
  %24 = add i64 %22, %23
  %25 = trunc i64 %24 to i32
  %26 = sext i32 %25 to i64
  %27 = icmp eq i64 %26, %24
  %counted2 = and i1 %counted1, %27, !awsm.counted !3
  br i1 %counted2, label %counted3, label %general

return:                                           ; preds = %versions
  ret void

counted3:                                         ; preds = %entry
  br label %loop

general:                                          ; preds = %entry
  br label %loop22

versions:                                         ; preds = %next21, %next
  br label %return

next:                                             ; preds = %41
  br label %versions

loop:                                             ; preds = %loop, %counted3
  %.043 = phi i32 [ %2, %counted3 ], [ %36, %loop ]
  %.041 = phi i32 [ %1, %counted3 ], [ %35, %loop ]
  %.0 = phi i32 [ 0, %counted3 ], [ %37, %loop ]
  %idx = zext i32 %.041 to i64
  %28 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %6, i64 %8, i64 %idx, i64 0, i32 4)
  %29 = load i32, ptr %28, align 1, !tbaa !4
  %idx8 = zext i32 %.043 to i64
  %30 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %6, i64 %8, i64 %idx8, i64 0, i32 4)
  %31 = load i32, ptr %30, align 1, !tbaa !4
  %32 = mul i32 %3, %31
  %33 = add i32 %29, %32
  %idx11 = zext i32 %.041 to i64
  %34 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %6, i64 %8, i64 %idx11, i64 0, i32 4)
  store i32 %33, ptr %34, align 1, !tbaa !4
  %35 = add nsw i32 %.041, 4
  %36 = add nsw i32 %.043, 32
  %37 = add nuw nsw i32 %.0, 1
  %38 = icmp ne i32 %4, %37
  %39 = zext i1 %38 to i32
  %40 = icmp ne i32 %39, 0
  br i1 %40, label %loop, label %41

41:                                               ; preds = %loop
  br label %next

next21:                                           ; preds = %65
  br label %versions

loop22:                                           ; preds = %loop22, %general
  %.144 = phi i32 [ %2, %general ], [ %60, %loop22 ]
  %.142 = phi i32 [ %1, %general ], [ %59, %loop22 ]
  %.1 = phi i32 [ 0, %general ], [ %61, %loop22 ]
  %idx25 = zext i32 %.142 to i64
  %42 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %6, i64 %8, i64 %idx25, i64 0, i32 4)
  %43 = load i32, ptr %42, align 1, !tbaa !4
  %idx28 = zext i32 %.144 to i64
  %44 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %6, i64 %8, i64 %idx28, i64 0, i32 4)
  %45 = load i32, ptr %44, align 1, !tbaa !4
  %46 = mul i32 %3, %45
  %47 = add i32 %43, %46
  %idx31 = zext i32 %.142 to i64
  %48 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %6, i64 %8, i64 %idx31, i64 0, i32 4)
  store i32 %47, ptr %48, align 1, !tbaa !4
  %49 = add i32 %.142, 4
  %50 = add i32 %.142, 4
  %idx34 = zext i32 %50 to i64
  %51 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %6, i64 %8, i64 %idx34, i64 0, i32 4)
  %52 = load i32, ptr %51, align 1, !tbaa !4
  %53 = add i32 %.144, 32
  %idx37 = zext i32 %53 to i64
  %54 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %6, i64 %8, i64 %idx37, i64 0, i32 4)
  %55 = load i32, ptr %54, align 1, !tbaa !4
  %56 = mul i32 %3, %55
  %57 = add i32 %52, %56
  %idx40 = zext i32 %49 to i64
  %58 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %6, i64 %8, i64 %idx40, i64 0, i32 4)
  store i32 %57, ptr %58, align 1, !tbaa !4
  %59 = add i32 %.142, 8
  %60 = add i32 %.144, 64
  %61 = add i32 %.1, 2
  %62 = icmp ne i32 %4, %61
  %63 = zext i1 %62 to i32
  %64 = icmp ne i32 %63, 0
  br i1 %64, label %loop22, label %65

65:                                               ; preds = %loop22
  br label %next21
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
  %10 = getelementptr i8, ptr %2, i32 48
  %11 = load i32, ptr %10, align 4
  call void %0(ptr %1, i32 %5, i32 %7, i32 %9, i32 %11)
  ret void
}

define internal void @wasm_host0(ptr %0, i32 %1, i32 %2, i32 %3, i32 %4) section "awsm_guest_text" {
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

define void @pointer_ivs_two__pointers(ptr %0, i32 %1, i32 %2, i32 %3, i32 %4) section "awsm_guest_text" {
entry:
  notail call void @wasm_f0(ptr %0, i32 %1, i32 %2, i32 %3, i32 %4)
  ret void
}

attributes #0 = { nounwind }

!0 = !{!1, !1, i64 0}
!1 = !{!"awsm vmctx", !2, i64 0}
!2 = !{!"awsm TBAA"}
!3 = !{}
!4 = !{!5, !5, i64 0}
!5 = !{!"wasm linear memory", !2, i64 0}
