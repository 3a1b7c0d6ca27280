target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@str = private unnamed_addr constant [4 x i8] c"ii:\00"
@wasm_types = private constant [1 x { ptr, ptr, ptr }] [{ ptr, ptr, ptr } { ptr @str, ptr @wasm_call0, ptr @wasm_host0 }]
@wasm_func_types = private constant [1 x i32] zeroinitializer
@wasm_func_ptrs = private constant [1 x ptr] [ptr @wasm_f0]
@str.1 = private unnamed_addr constant [6 x i8] c"clear\00"
@wasm_exports = private constant [1 x { ptr, i32, i32, i32 }] [{ ptr, i32, i32, i32 } { ptr @str.1, i32 0, i32 0, i32 5 }]
@str.2 = private unnamed_addr constant [11 x i8] c"pointer_iv\00"
@__start_awsm_guest_text = extern_weak hidden global i8
@__stop_awsm_guest_text = extern_weak hidden global i8
@pointer_iv_module = constant { i32, ptr, i32, ptr, i32, i32, ptr, ptr, i32, ptr, i32, ptr, i32, i32, ptr, i32, i32, ptr, i32, i32, { i32, i32, i32 }, i32, i32, ptr, i32, i32, ptr, ptr } { i32 4, ptr @str.2, i32 1, ptr @wasm_types, i32 1, i32 0, ptr @wasm_func_types, ptr @wasm_func_ptrs, i32 0, ptr null, i32 1, ptr @wasm_exports, i32 0, i32 0, ptr null, i32 0, i32 0, ptr null, i32 1, i32 0, { i32, i32, i32 } { i32 1, i32 0, i32 0 }, i32 0, i32 0, ptr @wasm_init, i32 -1, i32 0, ptr @__start_awsm_guest_text, ptr @__stop_awsm_guest_text }
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
  %20 = sext i32 %1 to i64
  %array = getelementptr i8, ptr %4, i64 %20
  %array12 = call ptr asm "", "=r,0"(ptr %array) #2
  br label %loop

general:                                          ; preds = %entry
  br label %loop6

versions:                                         ; preds = %next5, %next
  br label %return

next:                                             ; preds = %30
  br label %versions

loop:                                             ; preds = %loop, %counted2
  %.010 = phi i32 [ 0, %counted2 ], [ %26, %loop ]
  %.0 = phi i32 [ %1, %counted2 ], [ %25, %loop ]
  %idx = zext i32 %.0 to i64
  %21 = sext i32 %1 to i64
  %22 = sext i32 %.0 to i64
  %23 = sub nsw i64 %22, %21
  %24 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %array12, i64 %6, i64 %23, i64 0, i32 8)
  store i64 0, ptr %24, align 1, !tbaa !4
  %25 = add nsw i32 %.0, 8
  %26 = add nuw nsw i32 %.010, 1
  %27 = icmp ne i32 %26, %2
  %28 = zext i1 %27 to i32
  %29 = icmp ne i32 %28, 0
  br i1 %29, label %loop, label %30

30:                                               ; preds = %loop
  br label %next

next5:                                            ; preds = %37
  br label %versions

loop6:                                            ; preds = %loop6, %general
  %.111 = phi i32 [ 0, %general ], [ %33, %loop6 ]
  %.1 = phi i32 [ %1, %general ], [ %32, %loop6 ]
  %idx9 = zext i32 %.1 to i64
  %31 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %4, i64 %6, i64 %idx9, i64 0, i32 8)
  store i64 0, ptr %31, align 1, !tbaa !4
  %32 = add i32 %.1, 8
  %33 = add i32 %.111, 1
  %34 = icmp ne i32 %33, %2
  %35 = zext i1 %34 to i32
  %36 = icmp ne i32 %35, 0
  br i1 %36, label %loop6, label %37

37:                                               ; preds = %loop6
  br label %next5
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
  call void %0(ptr %1, i32 %5, i32 %7)
  ret void
}

define internal void @wasm_host0(ptr %0, i32 %1, i32 %2) #1 section "awsm_guest_text" {
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

define void @pointer_iv_clear(ptr %0, i32 %1, i32 %2) #1 section "awsm_guest_text" {
entry:
  notail call void @wasm_f0(ptr %0, i32 %1, i32 %2)
  ret void
}

attributes #0 = { nounwind "no-builtin-memcpy" "no-builtin-memmove" "no-builtin-memset" }
attributes #1 = { "no-builtin-memcpy" "no-builtin-memmove" "no-builtin-memset" }
attributes #2 = { nounwind willreturn memory(none) }

!0 = !{!1, !1, i64 0}
!1 = !{!"awsm vmctx", !2, i64 0}
!2 = !{!"awsm TBAA"}
!3 = !{}
!4 = !{!5, !5, i64 0}
!5 = !{!"wasm linear memory", !2, i64 0}
