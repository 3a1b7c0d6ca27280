target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@str = private unnamed_addr constant [5 x i8] c"ii:i\00"
@wasm_types = private constant [1 x { ptr, ptr, ptr }] [{ ptr, ptr, ptr } { ptr @str, ptr @wasm_call0, ptr @wasm_host0 }]
@wasm_func_types = private constant [1 x i32] zeroinitializer
@wasm_func_ptrs = private constant [1 x ptr] [ptr @wasm_f0]
@str.1 = private unnamed_addr constant [4 x i8] c"sum\00"
@wasm_exports = private constant [1 x { ptr, i32, i32, i32 }] [{ ptr, i32, i32, i32 } { ptr @str.1, i32 0, i32 0, i32 3 }]
@str.2 = private unnamed_addr constant [14 x i8] c"unsigned_exit\00"
@__start_awsm_guest_text = extern_weak hidden global i8
@__stop_awsm_guest_text = extern_weak hidden global i8
@unsigned_exit_module = constant { i32, ptr, i32, ptr, i32, i32, ptr, ptr, i32, ptr, i32, ptr, i32, i32, ptr, i32, i32, ptr, i32, i32, { i32, i32, i32 }, i32, i32, ptr, i32, i32, ptr, ptr } { i32 4, ptr @str.2, i32 1, ptr @wasm_types, i32 1, i32 0, ptr @wasm_func_types, ptr @wasm_func_ptrs, i32 0, ptr null, i32 1, ptr @wasm_exports, i32 0, i32 0, ptr null, i32 0, i32 0, ptr null, i32 1, i32 0, { i32, i32, i32 } { i32 1, i32 0, i32 0 }, i32 0, i32 0, ptr @wasm_init, i32 -1, i32 0, ptr @__start_awsm_guest_text, ptr @__stop_awsm_guest_text }

; Function Attrs: nounwind
define internal i32 @wasm_f0(ptr %0, i32 %1, i32 %2) #0 section "awsm_guest_text" {
entry:
  %3 = alloca i64, align 8
  %4 = alloca ptr, align 8
  %5 = alloca i32, align 4
  %6 = alloca i32, align 4
  %7 = alloca i32, align 4
  %8 = alloca i32, align 4
  store i32 %1, ptr %8, align 4
  store i32 %2, ptr %7, align 4
  store i32 0, ptr %6, align 4
  %9 = getelementptr i8, ptr %0, i32 64
  %10 = load ptr, ptr %9, align 8, !tbaa !0, !invariant.load !3
  store ptr %10, ptr %4, align 8
  %11 = getelementptr i8, ptr %0, i32 72
  %12 = load i64, ptr %11, align 4, !tbaa !0
  store i64 %12, ptr %3, align 4
  %membase = load ptr, ptr %4, align 8
  %memsize = load i64, ptr %3, align 4
  br label %loop

return:                                           ; preds = %next
  %13 = load i32, ptr %5, align 4
  ret i32 %13

next:                                             ; preds = %26
  %14 = load i32, ptr %6, align 4
  store i32 %14, ptr %5, align 4
  br label %return

loop:                                             ; preds = %loop, %entry
  %15 = load i32, ptr %6, align 4
  %16 = load i32, ptr %8, align 4
  %membase1 = load ptr, ptr %4, align 8
  %memsize2 = load i64, ptr %3, align 4
  %idx = zext i32 %16 to i64
  %17 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %membase1, i64 %memsize2, i64 %idx, i64 0, i32 4)
  %18 = load i32, ptr %17, align 1, !tbaa !4
  %19 = add i32 %15, %18
  store i32 %19, ptr %6, align 4
  %20 = load i32, ptr %8, align 4
  %21 = add i32 %20, 4
  store i32 %21, ptr %8, align 4
  %22 = load i32, ptr %7, align 4
  %23 = icmp ult i32 %21, %22
  %24 = zext i1 %23 to i32
  %25 = icmp ne i32 %24, 0
  br i1 %25, label %loop, label %26

26:                                               ; preds = %loop
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
  %8 = call i32 %0(ptr %1, i32 %5, i32 %7)
  %9 = getelementptr i8, ptr %3, i32 0
  store i32 %8, ptr %9, align 4
  ret void
}

define internal i32 @wasm_host0(ptr %0, i32 %1, i32 %2) #1 section "awsm_guest_text" {
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

define i32 @unsigned_exit_sum(ptr %0, i32 %1, i32 %2) #1 section "awsm_guest_text" {
entry:
  %3 = notail call i32 @wasm_f0(ptr %0, i32 %1, i32 %2)
  ret i32 %3
}

attributes #0 = { nounwind "no-builtin-memcpy" "no-builtin-memmove" "no-builtin-memset" }
attributes #1 = { "no-builtin-memcpy" "no-builtin-memmove" "no-builtin-memset" }

!0 = !{!1, !1, i64 0}
!1 = !{!"awsm vmctx", !2, i64 0}
!2 = !{!"awsm TBAA"}
!3 = !{}
!4 = !{!5, !5, i64 0}
!5 = !{!"wasm linear memory", !2, i64 0}
