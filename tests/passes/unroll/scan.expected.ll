target datalayout = "e-m:e-p:32:32-Fi8-i64:64-v128:64:128-a:0:32-n32-S64"
target triple = "thumbv7em-unknown-none-eabi"

@str = private unnamed_addr constant [6 x i8] c"iii:i\00"
@wasm_types = private constant [1 x { ptr, ptr, ptr }] [{ ptr, ptr, ptr } { ptr @str, ptr @wasm_call0, ptr @wasm_host0 }]
@wasm_func_types = private constant [1 x i32] zeroinitializer
@wasm_func_ptrs = private constant [1 x ptr] [ptr @wasm_f0]
@str.1 = private unnamed_addr constant [5 x i8] c"scan\00"
@wasm_exports = private constant [1 x { ptr, i32, i32, i32 }] [{ ptr, i32, i32, i32 } { ptr @str.1, i32 0, i32 0, i32 4 }]
@str.2 = private unnamed_addr constant [5 x i8] c"scan\00"
@scan_module = constant { i32, ptr, i32, ptr, i32, i32, ptr, ptr, i32, ptr, i32, ptr, i32, i32, ptr, i32, i32, ptr, i32, i32, { i32, i32, i32 }, i32, i32, ptr, i32, i32, ptr, ptr } { i32 4, ptr @str.2, i32 1, ptr @wasm_types, i32 1, i32 0, ptr @wasm_func_types, ptr @wasm_func_ptrs, i32 0, ptr null, i32 1, ptr @wasm_exports, i32 0, i32 0, ptr null, i32 0, i32 0, ptr null, i32 1, i32 0, { i32, i32, i32 } { i32 1, i32 0, i32 0 }, i32 0, i32 0, ptr @wasm_init, i32 -1, i32 1, ptr null, ptr null }

; Function Attrs: nounwind
define internal i32 @wasm_f0(ptr %0, i32 %1, i32 %2, i32 %3) #0 {
entry:
  %4 = alloca i64, align 8
  %5 = alloca ptr, align 8
  %6 = alloca i32, align 4
  %7 = alloca i32, align 4
  %8 = alloca i32, align 4
  %9 = alloca i32, align 4
  store i32 %1, ptr %9, align 4
  store i32 %2, ptr %8, align 4
  store i32 %3, ptr %7, align 4
  %10 = getelementptr i8, ptr %0, i32 32
  %11 = load ptr, ptr %10, align 8, !tbaa !0
  store ptr %11, ptr %5, align 8
  %12 = getelementptr i8, ptr %0, i32 40
  %13 = load i64, ptr %12, align 4, !tbaa !0
  store i64 %13, ptr %4, align 4
  %membase = load ptr, ptr %5, align 8
  %memsize = load i64, ptr %4, align 4
  br label %loop

return:                                           ; preds = %next
  %14 = load i32, ptr %6, align 4
  ret i32 %14

next:                                             ; preds = %exit
  %15 = load i32, ptr %8, align 4
  store i32 %15, ptr %6, align 4
  br label %return

loop:                                             ; preds = %again, %entry
  %16 = load i32, ptr %8, align 4
  %17 = add i32 %16, 1
  store i32 %17, ptr %8, align 4
  %18 = load i32, ptr %9, align 4
  %19 = load i32, ptr %8, align 4
  %20 = shl i32 %19, 2
  %21 = add i32 %18, %20
  %membase1 = load ptr, ptr %5, align 8
  %memsize2 = load i64, ptr %4, align 4
  %idx = zext i32 %21 to i64
  %22 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %membase1, i64 %memsize2, i64 %idx, i64 0, i32 4)
  %23 = load i32, ptr %22, align 1, !tbaa !3
  %24 = load i32, ptr %7, align 4
  %25 = icmp slt i32 %23, %24
  %26 = zext i1 %25 to i32
  %27 = icmp ne i32 %26, 0
  br i1 %27, label %again, label %exit

exit:                                             ; preds = %40, %loop
  br label %next

again:                                            ; preds = %loop
  %28 = load i32, ptr %8, align 4
  %29 = add i32 %28, 1
  store i32 %29, ptr %8, align 4
  %30 = load i32, ptr %9, align 4
  %31 = load i32, ptr %8, align 4
  %32 = shl i32 %31, 2
  %33 = add i32 %30, %32
  %membase3 = load ptr, ptr %5, align 8
  %memsize4 = load i64, ptr %4, align 4
  %idx5 = zext i32 %33 to i64
  %34 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %membase3, i64 %memsize4, i64 %idx5, i64 0, i32 4)
  %35 = load i32, ptr %34, align 1, !tbaa !3
  %36 = load i32, ptr %7, align 4
  %37 = icmp slt i32 %35, %36
  %38 = zext i1 %37 to i32
  %39 = icmp ne i32 %38, 0
  br i1 %39, label %loop, label %40

40:                                               ; preds = %again
  br label %exit
}

declare ptr @awsm_mem_addr_explicit(ptr, ptr, i64, i64, i64, i32)

define internal void @wasm_init(ptr %0) {
entry:
  ret void
}

define internal void @wasm_call0(ptr %0, ptr %1, ptr %2, ptr %3) {
entry:
  %4 = getelementptr i8, ptr %2, i32 0
  %5 = load i32, ptr %4, align 4
  %6 = getelementptr i8, ptr %2, i32 16
  %7 = load i32, ptr %6, align 4
  %8 = getelementptr i8, ptr %2, i32 32
  %9 = load i32, ptr %8, align 4
  %10 = call i32 %0(ptr %1, i32 %5, i32 %7, i32 %9)
  %11 = getelementptr i8, ptr %3, i32 0
  store i32 %10, ptr %11, align 4
  ret void
}

define internal i32 @wasm_host0(ptr %0, i32 %1, i32 %2, i32 %3) {
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
  %9 = getelementptr i8, ptr %4, i32 0
  %10 = load i32, ptr %9, align 4
  ret i32 %10
}

declare void @awsm_rt_call_host(ptr, ptr, ptr)

define i32 @scan_scan(ptr %0, i32 %1, i32 %2, i32 %3) {
entry:
  %4 = notail call i32 @wasm_f0(ptr %0, i32 %1, i32 %2, i32 %3)
  ret i32 %4
}

attributes #0 = { nounwind }

!0 = !{!1, !1, i64 0}
!1 = !{!"awsm vmctx", !2, i64 0}
!2 = !{!"awsm TBAA"}
!3 = !{!4, !4, i64 0}
!4 = !{!"wasm linear memory", !2, i64 0}
