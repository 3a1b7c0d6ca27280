target datalayout = "e-m:e-p:32:32-Fi8-i64:64-v128:64:128-a:0:32-n32-S64"
target triple = "thumbv7em-unknown-none-eabi"

@str = private unnamed_addr constant [5 x i8] c"ii:i\00"
@wasm_types = private constant [1 x { ptr, ptr, ptr }] [{ ptr, ptr, ptr } { ptr @str, ptr @wasm_call0, ptr @wasm_host0 }]
@wasm_func_types = private constant [1 x i32] zeroinitializer
@wasm_func_ptrs = private constant [1 x ptr] [ptr @wasm_f0]
@str.1 = private unnamed_addr constant [5 x i8] c"scan\00"
@wasm_exports = private constant [1 x { ptr, i32, i32, i32 }] [{ ptr, i32, i32, i32 } { ptr @str.1, i32 0, i32 0, i32 4 }]
@str.2 = private unnamed_addr constant [5 x i8] c"scan\00"
@scan_module = constant { i32, ptr, i32, ptr, i32, i32, ptr, ptr, i32, ptr, i32, ptr, i32, i32, ptr, i32, i32, ptr, i32, i32, { i32, i32, i32 }, i32, i32, ptr, i32, i32, ptr, ptr } { i32 4, ptr @str.2, i32 1, ptr @wasm_types, i32 1, i32 0, ptr @wasm_func_types, ptr @wasm_func_ptrs, i32 0, ptr null, i32 1, ptr @wasm_exports, i32 0, i32 0, ptr null, i32 0, i32 0, ptr null, i32 1, i32 0, { i32, i32, i32 } { i32 1, i32 0, i32 0 }, i32 0, i32 0, ptr @wasm_init, i32 -1, i32 1, ptr null, ptr null }

; Function Attrs: nounwind
define internal i32 @wasm_f0(ptr %0, i32 %1, i32 %2) #0 {
entry:
  %3 = alloca i64, align 8
  %4 = alloca ptr, align 8
  %5 = alloca i32, align 4
  %6 = alloca i32, align 4
  %7 = alloca i32, align 4
  store i32 %1, ptr %7, align 4
  store i32 %2, ptr %6, align 4
  %8 = getelementptr i8, ptr %0, i32 32
  %9 = load ptr, ptr %8, align 8, !tbaa !0
  store ptr %9, ptr %4, align 8
  %10 = getelementptr i8, ptr %0, i32 40
  %11 = load i64, ptr %10, align 4, !tbaa !0
  store i64 %11, ptr %3, align 4
  %membase = load ptr, ptr %4, align 8
  %memsize = load i64, ptr %3, align 4
  br label %loop

return:                                           ; preds = %next
  %12 = load i32, ptr %5, align 4
  ret i32 %12

next:                                             ; preds = %exit
  %13 = load i32, ptr %7, align 4
  store i32 %13, ptr %5, align 4
  br label %return

loop:                                             ; preds = %again, %entry
  %14 = load i32, ptr %7, align 4
  %15 = add i32 %14, 4
  store i32 %15, ptr %7, align 4
  %membase1 = load ptr, ptr %4, align 8
  %memsize2 = load i64, ptr %3, align 4
  %idx = zext i32 %15 to i64
  %16 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %membase1, i64 %memsize2, i64 %idx, i64 0, i32 4)
  %17 = load i32, ptr %16, align 1, !tbaa !3
  %18 = load i32, ptr %6, align 4
  %19 = icmp slt i32 %17, %18
  %20 = zext i1 %19 to i32
  %21 = icmp ne i32 %20, 0
  br i1 %21, label %again, label %exit

exit:                                             ; preds = %30, %loop
  br label %next

again:                                            ; preds = %loop
  %22 = load i32, ptr %7, align 4
  %23 = add i32 %22, 4
  store i32 %23, ptr %7, align 4
  %membase3 = load ptr, ptr %4, align 8
  %memsize4 = load i64, ptr %3, align 4
  %idx5 = zext i32 %23 to i64
  %24 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %membase3, i64 %memsize4, i64 %idx5, i64 0, i32 4)
  %25 = load i32, ptr %24, align 1, !tbaa !3
  %26 = load i32, ptr %6, align 4
  %27 = icmp slt i32 %25, %26
  %28 = zext i1 %27 to i32
  %29 = icmp ne i32 %28, 0
  br i1 %29, label %loop, label %30

30:                                               ; preds = %again
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
  %8 = call i32 %0(ptr %1, i32 %5, i32 %7)
  %9 = getelementptr i8, ptr %3, i32 0
  store i32 %8, ptr %9, align 4
  ret void
}

define internal i32 @wasm_host0(ptr %0, i32 %1, i32 %2) {
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

define i32 @scan_scan(ptr %0, i32 %1, i32 %2) {
entry:
  %3 = notail call i32 @wasm_f0(ptr %0, i32 %1, i32 %2)
  ret i32 %3
}

attributes #0 = { nounwind }

!0 = !{!1, !1, i64 0}
!1 = !{!"awsm vmctx", !2, i64 0}
!2 = !{!"awsm TBAA"}
!3 = !{!4, !4, i64 0}
!4 = !{!"wasm linear memory", !2, i64 0}
