target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@str = private unnamed_addr constant [4 x i8] c"ii:\00"
@wasm_types = private constant [1 x { ptr, ptr, ptr }] [{ ptr, ptr, ptr } { ptr @str, ptr @wasm_call0, ptr @wasm_host0 }]
@wasm_func_types = private constant [1 x i32] zeroinitializer
@wasm_func_ptrs = private constant [1 x ptr] [ptr @wasm_e0]
@str.1 = private unnamed_addr constant [6 x i8] c"clear\00"
@wasm_exports = private constant [1 x { ptr, i32, i32, i32 }] [{ ptr, i32, i32, i32 } { ptr @str.1, i32 0, i32 0, i32 5 }]
@str.2 = private unnamed_addr constant [19 x i8] c"segment_pointer_iv\00"
@__start_awsm_guest_text = extern_weak hidden global i8
@__stop_awsm_guest_text = extern_weak hidden global i8
@segment_pointer_iv_module = constant { i32, ptr, i32, ptr, i32, i32, ptr, ptr, i32, ptr, i32, ptr, i32, i32, ptr, i32, i32, ptr, i32, i32, { i32, i32, i32 }, i32, i32, ptr, i32, i32, ptr, ptr } { i32 4, ptr @str.2, i32 1, ptr @wasm_types, i32 1, i32 0, ptr @wasm_func_types, ptr @wasm_func_ptrs, i32 0, ptr null, i32 1, ptr @wasm_exports, i32 0, i32 0, ptr null, i32 0, i32 0, ptr null, i32 1, i32 0, { i32, i32, i32 } { i32 1, i32 0, i32 0 }, i32 0, i32 0, ptr @wasm_init, i32 -1, i32 4, ptr @__start_awsm_guest_text, ptr @__stop_awsm_guest_text }
@awsm_mask_bits = constant i32 32

; Function Attrs: nounwind
define internal void @wasm_f0(ptr %0, i32 %1, i32 %2) #0 section "awsm_guest_text" {
entry:
  %3 = getelementptr i8, ptr %0, i32 64
  %4 = load ptr, ptr %3, align 8, !tbaa !0, !invariant.load !3
  %5 = getelementptr i8, ptr %0, i32 72
  %6 = load i64, ptr %5, align 4, !tbaa !0
  %7 = icmp ult i32 0, %2
  %8 = icmp sge i32 %2, 0
  %9 = and i1 %7, %8
  %10 = sub i32 %2, 0
  %11 = urem i32 %10, 1
  %12 = icmp eq i32 %11, 0
  %counted = and i1 %9, %12
  %13 = udiv i32 %10, 1
  %trips = zext i32 %13 to i64
  %14 = sext i32 %1 to i64
  %15 = mul i64 %trips, 8
  %16 = add i64 %14, %15
  %17 = trunc i64 %16 to i32
  %18 = sext i32 %17 to i64
  %19 = icmp eq i64 %18, %16
  %counted1 = and i1 %counted, %19, !awsm.counted !3
  br i1 %counted1, label %counted2, label %general

return:                                           ; preds = %versions
  ret void

counted2:                                         ; preds = %entry
  br label %loop

general:                                          ; preds = %entry
  br label %loop4

versions:                                         ; preds = %next3, %next
  br label %return

next:                                             ; preds = %26
  br label %versions

loop:                                             ; preds = %loop, %counted2
  %.06 = phi i32 [ 0, %counted2 ], [ %22, %loop ]
  %.0 = phi i32 [ %1, %counted2 ], [ %21, %loop ]
  %idx = zext i32 %.0 to i64
  %idx8 = sext i32 %.0 to i64
  %20 = call ptr addrspace(256) @awsm_mem_addr_segment(ptr %0, ptr null, i64 0, i64 %idx8, i64 0, i32 8)
  store i64 0, ptr addrspace(256) %20, align 1, !tbaa !4
  %21 = add nsw i32 %.0, 8
  %22 = add nuw nsw i32 %.06, 1
  %23 = icmp ne i32 %22, %2
  %24 = zext i1 %23 to i32
  %25 = icmp ne i32 %24, 0
  br i1 %25, label %loop, label %26

26:                                               ; preds = %loop
  br label %next

next3:                                            ; preds = %33
  br label %versions

loop4:                                            ; preds = %loop4, %general
  %.17 = phi i32 [ 0, %general ], [ %29, %loop4 ]
  %.1 = phi i32 [ %1, %general ], [ %28, %loop4 ]
  %idx5 = zext i32 %.1 to i64
  %27 = call ptr addrspace(256) @awsm_mem_addr_segment(ptr %0, ptr null, i64 0, i64 %idx5, i64 0, i32 8)
  store i64 0, ptr addrspace(256) %27, align 1, !tbaa !4
  %28 = add i32 %.1, 8
  %29 = add i32 %.17, 1
  %30 = icmp ne i32 %29, %2
  %31 = zext i1 %30 to i32
  %32 = icmp ne i32 %31, 0
  br i1 %32, label %loop4, label %33

33:                                               ; preds = %loop4
  br label %next3
}

; Function Attrs: alwaysinline
define internal ptr addrspace(256) @awsm_mem_addr_segment(ptr %0, ptr %1, i64 %2, i64 %3, i64 %4, i32 %5) #1 section "awsm_guest_text" {
entry:
  %6 = getelementptr i8, ptr addrspace(256) null, i64 %3
  %ea = getelementptr i8, ptr addrspace(256) %6, i64 %4
  ret ptr addrspace(256) %ea
}

define internal void @wasm_init(ptr %0) #2 section "awsm_guest_text" {
entry:
  ret void
}

define internal void @wasm_call0(ptr %0, ptr %1, ptr %2, ptr %3) #2 section "awsm_guest_text" {
entry:
  %4 = getelementptr i8, ptr %2, i32 0
  %5 = load i32, ptr %4, align 4
  %6 = getelementptr i8, ptr %2, i32 16
  %7 = load i32, ptr %6, align 4
  call void %0(ptr %1, i32 %5, i32 %7)
  ret void
}

define internal void @wasm_host0(ptr %0, i32 %1, i32 %2) #2 section "awsm_guest_text" {
entry:
  %3 = alloca [16 x i8], align 1
  %4 = alloca [32 x i8], align 1
  %5 = getelementptr i8, ptr %4, i32 0
  store i32 %1, ptr %5, align 4
  %6 = getelementptr i8, ptr %4, i32 16
  store i32 %2, ptr %6, align 4
  call void @awsm_rt_call_host(ptr %0, ptr %4, ptr %3)
  ret void
}

declare void @awsm_rt_call_host(ptr, ptr, ptr)

define void @segment_pointer_iv_clear(ptr %0, i32 %1, i32 %2) #2 section "awsm_guest_text" {
entry:
  %3 = call i64 @awsm_segment_enter(ptr %0)
  notail call void @wasm_f0(ptr %0, i32 %1, i32 %2)
  call void @awsm_segment_leave(i64 %3)
  ret void
}

declare i64 @awsm_segment_enter(ptr)

declare void @awsm_segment_leave(i64)

define internal void @wasm_e0(ptr %0, i32 %1, i32 %2) #2 section "awsm_guest_text" {
entry:
  %3 = call i64 @awsm_segment_enter(ptr %0)
  notail call void @wasm_f0(ptr %0, i32 %1, i32 %2)
  call void @awsm_segment_leave(i64 %3)
  ret void
}

attributes #0 = { nounwind "no-builtin-memcpy" "no-builtin-memmove" "no-builtin-memset" }
attributes #1 = { alwaysinline "no-builtin-memcpy" "no-builtin-memmove" "no-builtin-memset" }
attributes #2 = { "no-builtin-memcpy" "no-builtin-memmove" "no-builtin-memset" }

!0 = !{!1, !1, i64 0}
!1 = !{!"awsm vmctx", !2, i64 0}
!2 = !{!"awsm TBAA"}
!3 = !{}
!4 = !{!5, !5, i64 0}
!5 = !{!"wasm linear memory", !2, i64 0}
