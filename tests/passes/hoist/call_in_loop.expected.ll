target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@str = private unnamed_addr constant [3 x i8] c":i\00"
@str.1 = private unnamed_addr constant [5 x i8] c"iii:\00"
@wasm_types = private constant [2 x { ptr, ptr, ptr }] [{ ptr, ptr, ptr } { ptr @str, ptr @wasm_call0, ptr @wasm_host0 }, { ptr, ptr, ptr } { ptr @str.1, ptr @wasm_call1, ptr @wasm_host1 }]
@wasm_func_types = private constant [2 x i32] [i32 0, i32 1]
@wasm_func_ptrs = private constant [2 x ptr] [ptr null, ptr @wasm_f1]
@str.2 = private unnamed_addr constant [5 x i8] c"fill\00"
@wasm_exports = private constant [1 x { ptr, i32, i32, i32 }] [{ ptr, i32, i32, i32 } { ptr @str.2, i32 0, i32 1, i32 4 }]
@str.3 = private unnamed_addr constant [13 x i8] c"call_in_loop\00"
@__start_awsm_guest_text = extern_weak hidden global i8
@__stop_awsm_guest_text = extern_weak hidden global i8
@call_in_loop_module = constant { i32, ptr, i32, ptr, i32, i32, ptr, ptr, i32, ptr, i32, ptr, i32, i32, ptr, i32, i32, ptr, i32, i32, { i32, i32, i32 }, i32, i32, ptr, i32, i32, ptr, ptr } { i32 4, ptr @str.3, i32 2, ptr @wasm_types, i32 2, i32 0, ptr @wasm_func_types, ptr @wasm_func_ptrs, i32 0, ptr null, i32 1, ptr @wasm_exports, i32 0, i32 0, ptr null, i32 0, i32 0, ptr null, i32 1, i32 0, { i32, i32, i32 } { i32 1, i32 0, i32 0 }, i32 0, i32 0, ptr @wasm_init, i32 -1, i32 1, ptr @__start_awsm_guest_text, ptr @__stop_awsm_guest_text }
@awsm_mask_bits = constant i32 32

; Function Attrs: nounwind
define internal i32 @wasm_f0(ptr %0) #0 section "awsm_guest_text" {
entry:
  %1 = call i32 @awsm_rt_memory_grow(ptr %0, i32 1)
  br label %return

return:                                           ; preds = %entry
  ret i32 %1
}

; Function Attrs: nounwind
define internal void @wasm_f1(ptr %0, i32 %1, i32 %2, i32 %3) #0 section "awsm_guest_text" {
entry:
  %4 = call ptr @llvm.stacksave.p0()
  %5 = ptrtoint ptr %4 to i64
  %6 = getelementptr i8, ptr %0, i32 40
  %7 = load i64, ptr %6, align 4, !tbaa !0, !invariant.load !3
  %8 = icmp ult i64 %5, %7
  %9 = getelementptr i8, ptr %0, i32 64
  %10 = load ptr, ptr %9, align 8, !tbaa !0
  %11 = getelementptr i8, ptr %0, i32 72
  %12 = load i64, ptr %11, align 4, !tbaa !0
  br i1 %8, label %trap_StackExhausted, label %13, !prof !4

return:                                           ; preds = %versions
  ret void

trap_StackExhausted:                              ; preds = %entry
  call void @awsm_trap(ptr %0, i32 9)
  unreachable

13:                                               ; preds = %entry
  %14 = icmp ult i32 %2, %3
  %15 = icmp sge i32 %3, 0
  %16 = and i1 %14, %15
  %17 = sub i32 %3, %2
  %18 = urem i32 %17, 4
  %19 = icmp eq i32 %18, 0
  %counted = and i1 %16, %19, !awsm.counted !3
  br i1 %counted, label %counted1, label %general

counted1:                                         ; preds = %13
  br label %loop

general:                                          ; preds = %13
  br label %loop5

versions:                                         ; preds = %next4, %next
  br label %return

next:                                             ; preds = %31
  br label %versions

loop:                                             ; preds = %loop, %counted1
  %.0 = phi i32 [ %2, %counted1 ], [ %27, %loop ]
  %20 = add i32 %1, %.0
  %21 = notail call i32 @wasm_f0(ptr %0)
  %22 = getelementptr i8, ptr %0, i32 64
  %23 = load ptr, ptr %22, align 8, !tbaa !0
  %24 = getelementptr i8, ptr %0, i32 72
  %25 = load i64, ptr %24, align 4, !tbaa !0
  %idx = zext i32 %20 to i64
  %26 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %23, i64 %25, i64 %idx, i64 0, i32 4)
  store i32 %21, ptr %26, align 1, !tbaa !5
  %27 = add nuw nsw i32 %.0, 4
  %28 = icmp ne i32 %27, %3
  %29 = zext i1 %28 to i32
  %30 = icmp ne i32 %29, 0
  br i1 %30, label %loop, label %31

31:                                               ; preds = %loop
  br label %next

next4:                                            ; preds = %43
  br label %versions

loop5:                                            ; preds = %loop5, %general
  %.1 = phi i32 [ %2, %general ], [ %39, %loop5 ]
  %32 = add i32 %1, %.1
  %33 = notail call i32 @wasm_f0(ptr %0)
  %34 = getelementptr i8, ptr %0, i32 64
  %35 = load ptr, ptr %34, align 8, !tbaa !0
  %36 = getelementptr i8, ptr %0, i32 72
  %37 = load i64, ptr %36, align 4, !tbaa !0
  %idx8 = zext i32 %32 to i64
  %38 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %35, i64 %37, i64 %idx8, i64 0, i32 4)
  store i32 %33, ptr %38, align 1, !tbaa !5
  %39 = add i32 %.1, 4
  %40 = icmp ne i32 %39, %3
  %41 = zext i1 %40 to i32
  %42 = icmp ne i32 %41, 0
  br i1 %42, label %loop5, label %43

43:                                               ; preds = %loop5
  br label %next4
}

declare i32 @awsm_rt_memory_grow(ptr, i32)

; Function Attrs: nocallback nofree nosync nounwind willreturn
declare ptr @llvm.stacksave.p0() #1

; Function Attrs: cold noreturn nounwind
declare void @awsm_trap(ptr, i32) #2

declare ptr @awsm_mem_addr_explicit(ptr, ptr, i64, i64, i64, i32)

define internal void @wasm_init(ptr %0) section "awsm_guest_text" {
entry:
  ret void
}

define internal void @wasm_call0(ptr %0, ptr %1, ptr %2, ptr %3) section "awsm_guest_text" {
entry:
  %4 = call i32 %0(ptr %1)
  %5 = getelementptr i8, ptr %3, i32 0
  store i32 %4, ptr %5, align 4
  ret void
}

define internal i32 @wasm_host0(ptr %0) section "awsm_guest_text" {
entry:
  %1 = alloca [16 x i8], align 1
  %2 = alloca [16 x i8], align 1
  call void @awsm_rt_call_host(ptr %0, ptr %2, ptr %1)
  %3 = getelementptr i8, ptr %1, i32 0
  %4 = load i32, ptr %3, align 4
  ret i32 %4
}

declare void @awsm_rt_call_host(ptr, ptr, ptr)

define internal void @wasm_call1(ptr %0, ptr %1, ptr %2, ptr %3) section "awsm_guest_text" {
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

define internal void @wasm_host1(ptr %0, i32 %1, i32 %2, i32 %3) section "awsm_guest_text" {
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

define void @call_in_loop_fill(ptr %0, i32 %1, i32 %2, i32 %3) section "awsm_guest_text" {
entry:
  notail call void @wasm_f1(ptr %0, i32 %1, i32 %2, i32 %3)
  ret void
}

declare i64 @awsm_mem_limit_explicit(i64)

attributes #0 = { nounwind }
attributes #1 = { nocallback nofree nosync nounwind willreturn }
attributes #2 = { cold noreturn nounwind }

!0 = !{!1, !1, i64 0}
!1 = !{!"awsm vmctx", !2, i64 0}
!2 = !{!"awsm TBAA"}
!3 = !{}
!4 = !{!"branch_weights", i32 1, i32 1048576}
!5 = !{!6, !6, i64 0}
!6 = !{!"wasm linear memory", !2, i64 0}
