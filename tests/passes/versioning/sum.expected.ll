target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@str = private unnamed_addr constant [5 x i8] c"ii:i\00"
@wasm_types = private constant [1 x { ptr, ptr, ptr }] [{ ptr, ptr, ptr } { ptr @str, ptr @wasm_call0, ptr @wasm_host0 }]
@wasm_func_types = private constant [1 x i32] zeroinitializer
@wasm_func_ptrs = private constant [1 x ptr] [ptr @wasm_f0]
@str.1 = private unnamed_addr constant [4 x i8] c"sum\00"
@wasm_exports = private constant [1 x { ptr, i32, i32, i32 }] [{ ptr, i32, i32, i32 } { ptr @str.1, i32 0, i32 0, i32 3 }]
@str.2 = private unnamed_addr constant [4 x i8] c"sum\00"
@__start_awsm_guest_text = extern_weak hidden global i8
@__stop_awsm_guest_text = extern_weak hidden global i8
@sum_module = constant { i32, ptr, i32, ptr, i32, i32, ptr, ptr, i32, ptr, i32, ptr, i32, i32, ptr, i32, i32, ptr, i32, i32, { i32, i32, i32 }, i32, i32, ptr, i32, i32, ptr, ptr } { i32 4, ptr @str.2, i32 1, ptr @wasm_types, i32 1, i32 0, ptr @wasm_func_types, ptr @wasm_func_ptrs, i32 0, ptr null, i32 1, ptr @wasm_exports, i32 0, i32 0, ptr null, i32 0, i32 0, ptr null, i32 1, i32 0, { i32, i32, i32 } { i32 1, i32 0, i32 0 }, i32 0, i32 0, ptr @wasm_init, i32 -1, i32 0, ptr @__start_awsm_guest_text, ptr @__stop_awsm_guest_text }

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
  %start = load i32, ptr %8, align 4
  %limit = load i32, ptr %7, align 4
  %13 = icmp ult i32 %start, %limit
  %14 = icmp sge i32 %limit, 0
  %15 = and i1 %13, %14
  %16 = sub i32 %limit, %start
  %17 = urem i32 %16, 4
  %18 = icmp eq i32 %17, 0
  %counted = and i1 %15, %18, !awsm.counted !3
  br i1 %counted, label %counted1, label %general

return:                                           ; preds = %versions
  %19 = load i32, ptr %5, align 4
  ret i32 %19

counted1:                                         ; preds = %entry
  br label %loop

general:                                          ; preds = %entry
  br label %loop5

versions:                                         ; preds = %next4, %next
  %20 = load i32, ptr %6, align 4
  store i32 %20, ptr %5, align 4
  br label %return

next:                                             ; preds = %32
  br label %versions

loop:                                             ; preds = %loop, %counted1
  %21 = load i32, ptr %6, align 4
  %22 = load i32, ptr %8, align 4
  %membase2 = load ptr, ptr %4, align 8
  %memsize3 = load i64, ptr %3, align 4
  %idx = zext i32 %22 to i64
  %23 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %membase2, i64 %memsize3, i64 %idx, i64 0, i32 4)
  %24 = load i32, ptr %23, align 1, !tbaa !4
  %25 = add i32 %21, %24
  store i32 %25, ptr %6, align 4
  %26 = load i32, ptr %8, align 4
  %27 = add nuw nsw i32 %26, 4
  store i32 %27, ptr %8, align 4
  %28 = load i32, ptr %7, align 4
  %29 = icmp ne i32 %27, %28
  %30 = zext i1 %29 to i32
  %31 = icmp ne i32 %30, 0
  br i1 %31, label %loop, label %32

32:                                               ; preds = %loop
  br label %next

next4:                                            ; preds = %44
  br label %versions

loop5:                                            ; preds = %loop5, %general
  %33 = load i32, ptr %6, align 4
  %34 = load i32, ptr %8, align 4
  %membase6 = load ptr, ptr %4, align 8
  %memsize7 = load i64, ptr %3, align 4
  %idx8 = zext i32 %34 to i64
  %35 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %membase6, i64 %memsize7, i64 %idx8, i64 0, i32 4)
  %36 = load i32, ptr %35, align 1, !tbaa !4
  %37 = add i32 %33, %36
  store i32 %37, ptr %6, align 4
  %38 = load i32, ptr %8, align 4
  %39 = add i32 %38, 4
  store i32 %39, ptr %8, align 4
  %40 = load i32, ptr %7, align 4
  %41 = icmp ne i32 %39, %40
  %42 = zext i1 %41 to i32
  %43 = icmp ne i32 %42, 0
  br i1 %43, label %loop5, label %44

44:                                               ; preds = %loop5
  br label %next4
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

define i32 @sum_sum(ptr %0, i32 %1, i32 %2) #1 section "awsm_guest_text" {
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
