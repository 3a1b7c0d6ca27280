target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@str = private unnamed_addr constant [5 x i8] c"iii:\00"
@wasm_types = private constant [1 x { ptr, ptr, ptr }] [{ ptr, ptr, ptr } { ptr @str, ptr @wasm_call0, ptr @wasm_host0 }]
@wasm_func_types = private constant [1 x i32] zeroinitializer
@wasm_func_ptrs = private constant [1 x ptr] [ptr @wasm_f0]
@str.1 = private unnamed_addr constant [5 x i8] c"axpy\00"
@wasm_exports = private constant [1 x { ptr, i32, i32, i32 }] [{ ptr, i32, i32, i32 } { ptr @str.1, i32 0, i32 0, i32 4 }]
@str.2 = private unnamed_addr constant [12 x i8] c"array_bases\00"
@__start_awsm_guest_text = extern_weak hidden global i8
@__stop_awsm_guest_text = extern_weak hidden global i8
@array_bases_module = constant { i32, ptr, i32, ptr, i32, i32, ptr, ptr, i32, ptr, i32, ptr, i32, i32, ptr, i32, i32, ptr, i32, i32, { i32, i32, i32 }, i32, i32, ptr, i32, i32, ptr, ptr } { i32 4, ptr @str.2, i32 1, ptr @wasm_types, i32 1, i32 0, ptr @wasm_func_types, ptr @wasm_func_ptrs, i32 0, ptr null, i32 1, ptr @wasm_exports, i32 0, i32 0, ptr null, i32 0, i32 0, ptr null, i32 1, i32 0, { i32, i32, i32 } { i32 1, i32 0, i32 0 }, i32 0, i32 0, ptr @wasm_init, i32 -1, i32 0, ptr @__start_awsm_guest_text, ptr @__stop_awsm_guest_text }
@awsm_mask_bits = constant i32 32

; Function Attrs: nounwind
define internal void @wasm_f0(ptr %0, i32 %1, i32 %2, i32 %3) #0 section "awsm_guest_text" {
entry:
  %4 = getelementptr i8, ptr %0, i32 64
  %5 = load ptr, ptr %4, align 8, !tbaa !0, !invariant.load !3
  %6 = getelementptr i8, ptr %0, i32 72
  %7 = load i64, ptr %6, align 4, !tbaa !0
  %8 = sext i32 %1 to i64
  %array = getelementptr i8, ptr %5, i64 %8
  %array9 = call ptr asm "", "=r,0"(ptr %array) #2
  %9 = sext i32 %2 to i64
  %array11 = getelementptr i8, ptr %5, i64 %9
  %array12 = call ptr asm "", "=r,0"(ptr %array11) #2
  br label %loop

return:                                           ; preds = %next
  ret void

next:                                             ; preds = %24
  br label %return

loop:                                             ; preds = %loop, %entry
  %.0 = phi i32 [ 0, %entry ], [ %20, %loop ]
  %10 = add i32 %1, %.0
  %11 = add i32 %1, %.0
  %idx = zext i32 %11 to i64
  %idx10 = sext i32 %.0 to i64
  %12 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %array9, i64 %7, i64 %idx10, i64 0, i32 4)
  %13 = load i32, ptr %12, align 1, !tbaa !4
  %14 = add i32 %2, %.0
  %idx5 = zext i32 %14 to i64
  %idx13 = sext i32 %.0 to i64
  %15 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %array12, i64 %7, i64 %idx13, i64 0, i32 4)
  %16 = load i32, ptr %15, align 1, !tbaa !4
  %17 = mul i32 %16, 3
  %18 = add i32 %13, %17
  %idx8 = zext i32 %10 to i64
  %idx14 = sext i32 %.0 to i64
  %19 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %array9, i64 %7, i64 %idx14, i64 0, i32 4)
  store i32 %18, ptr %19, align 1, !tbaa !4
  %20 = add i32 %.0, 4
  %21 = icmp ult i32 %20, %3
  %22 = zext i1 %21 to i32
  %23 = icmp ne i32 %22, 0
  br i1 %23, label %loop, label %24

24:                                               ; preds = %loop
  br label %next
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
  call void %0(ptr %1, i32 %5, i32 %7, i32 %9)
  ret void
}

define internal void @wasm_host0(ptr %0, i32 %1, i32 %2, i32 %3) #1 section "awsm_guest_text" {
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

define void @array_bases_axpy(ptr %0, i32 %1, i32 %2, i32 %3) #1 section "awsm_guest_text" {
entry:
  notail call void @wasm_f0(ptr %0, i32 %1, i32 %2, i32 %3)
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
