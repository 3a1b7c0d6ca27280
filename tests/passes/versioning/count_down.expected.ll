target datalayout = "e-m:e-i8:8:32-i16:16:32-i64:64-i128:128-n32:64-S128-Fn32"
target triple = "aarch64-unknown-linux-gnu"

@str = private unnamed_addr constant [4 x i8] c"ii:\00"
@wasm_types = private constant [1 x { ptr, ptr, ptr }] [{ ptr, ptr, ptr } { ptr @str, ptr @wasm_call0, ptr @wasm_host0 }]
@wasm_func_types = private constant [1 x i32] zeroinitializer
@wasm_func_ptrs = private constant [1 x ptr] [ptr @wasm_f0]
@str.1 = private unnamed_addr constant [6 x i8] c"clear\00"
@wasm_exports = private constant [1 x { ptr, i32, i32, i32 }] [{ ptr, i32, i32, i32 } { ptr @str.1, i32 0, i32 0, i32 5 }]
@str.2 = private unnamed_addr constant [11 x i8] c"count_down\00"
@__start_awsm_guest_text = extern_weak hidden global i8
@__stop_awsm_guest_text = extern_weak hidden global i8
@count_down_module = constant { i32, ptr, i32, ptr, i32, i32, ptr, ptr, i32, ptr, i32, ptr, i32, i32, ptr, i32, i32, ptr, i32, i32, { i32, i32, i32 }, i32, i32, ptr, i32, i32, ptr, ptr } { i32 4, ptr @str.2, i32 1, ptr @wasm_types, i32 1, i32 0, ptr @wasm_func_types, ptr @wasm_func_ptrs, i32 0, ptr null, i32 1, ptr @wasm_exports, i32 0, i32 0, ptr null, i32 0, i32 0, ptr null, i32 1, i32 0, { i32, i32, i32 } { i32 1, i32 0, i32 0 }, i32 0, i32 0, ptr @wasm_init, i32 -1, i32 1, ptr @__start_awsm_guest_text, ptr @__stop_awsm_guest_text }

; Function Attrs: nounwind
define internal void @wasm_f0(ptr %0, i32 %1, i32 %2) #0 section "awsm_guest_text" {
entry:
  %3 = alloca i64, align 8
  %4 = alloca ptr, align 8
  %5 = alloca i32, align 4
  %6 = alloca i32, align 4
  store i32 %1, ptr %6, align 4
  store i32 %2, ptr %5, align 4
  %7 = getelementptr i8, ptr %0, i32 64
  %8 = load ptr, ptr %7, align 8, !tbaa !0
  store ptr %8, ptr %4, align 8
  %9 = getelementptr i8, ptr %0, i32 72
  %10 = load i64, ptr %9, align 4, !tbaa !0
  store i64 %10, ptr %3, align 4
  %membase = load ptr, ptr %4, align 8
  %memsize = load i64, ptr %3, align 4
  %start = load i32, ptr %6, align 4
  %11 = icmp sgt i32 %start, 0
  %12 = sub i32 %start, 0
  %13 = urem i32 %12, 8
  %14 = icmp eq i32 %13, 0
  %counted = and i1 %11, %14
  %15 = udiv i32 %12, 8
  %trips = zext i32 %15 to i64
  %16 = load i32, ptr %5, align 4
  %17 = sext i32 %16 to i64
  %18 = mul i64 %trips, 8
  %19 = add i64 %17, %18
  %20 = trunc i64 %19 to i32
  %21 = sext i32 %20 to i64
  %22 = icmp eq i64 %21, %19
  %counted1 = and i1 %counted, %22, !awsm.counted !3
  br i1 %counted1, label %counted2, label %general

return:                                           ; preds = %versions
  ret void

counted2:                                         ; preds = %entry
  br label %loop

general:                                          ; preds = %entry
  br label %loop6

versions:                                         ; preds = %next5, %next
  br label %return

next:                                             ; preds = %32
  br label %versions

loop:                                             ; preds = %loop, %counted2
  %23 = load i32, ptr %5, align 4
  %membase3 = load ptr, ptr %4, align 8
  %memsize4 = load i64, ptr %3, align 4
  %idx = zext i32 %23 to i64
  %24 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %membase3, i64 %memsize4, i64 %idx, i64 0, i32 8)
  store i64 0, ptr %24, align 1, !tbaa !4
  %25 = load i32, ptr %5, align 4
  %26 = add nsw i32 %25, 8
  store i32 %26, ptr %5, align 4
  %27 = load i32, ptr %6, align 4
  %28 = add nsw i32 %27, -8
  store i32 %28, ptr %6, align 4
  %29 = icmp ne i32 0, %28
  %30 = zext i1 %29 to i32
  %31 = icmp ne i32 %30, 0
  br i1 %31, label %loop, label %32

32:                                               ; preds = %loop
  br label %next

next5:                                            ; preds = %42
  br label %versions

loop6:                                            ; preds = %loop6, %general
  %33 = load i32, ptr %5, align 4
  %membase7 = load ptr, ptr %4, align 8
  %memsize8 = load i64, ptr %3, align 4
  %idx9 = zext i32 %33 to i64
  %34 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %membase7, i64 %memsize8, i64 %idx9, i64 0, i32 8)
  store i64 0, ptr %34, align 1, !tbaa !4
  %35 = load i32, ptr %5, align 4
  %36 = add i32 %35, 8
  store i32 %36, ptr %5, align 4
  %37 = load i32, ptr %6, align 4
  %38 = add i32 %37, -8
  store i32 %38, ptr %6, align 4
  %39 = icmp ne i32 0, %38
  %40 = zext i1 %39 to i32
  %41 = icmp ne i32 %40, 0
  br i1 %41, label %loop6, label %42

42:                                               ; preds = %loop6
  br label %next5
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
  call void %0(ptr %1, i32 %5, i32 %7)
  ret void
}

define internal void @wasm_host0(ptr %0, i32 %1, i32 %2) section "awsm_guest_text" {
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

define void @count_down_clear(ptr %0, i32 %1, i32 %2) section "awsm_guest_text" {
entry:
  notail call void @wasm_f0(ptr %0, i32 %1, i32 %2)
  ret void
}

attributes #0 = { nounwind }

!0 = !{!1, !1, i64 0}
!1 = !{!"awsm vmctx", !2, i64 0}
!2 = !{!"awsm TBAA"}
!3 = !{}
!4 = !{!5, !5, i64 0}
!5 = !{!"wasm linear memory", !2, i64 0}
