target datalayout = "e-m:e-i8:8:32-i16:16:32-i64:64-i128:128-n32:64-S128-Fn32"
target triple = "aarch64-unknown-linux-gnu"

@str = private unnamed_addr constant [5 x i8] c"iii:\00"
@wasm_types = private constant [1 x { ptr, ptr, ptr }] [{ ptr, ptr, ptr } { ptr @str, ptr @wasm_call0, ptr @wasm_host0 }]
@wasm_func_types = private constant [1 x i32] zeroinitializer
@wasm_func_ptrs = private constant [1 x ptr] [ptr @wasm_f0]
@str.1 = private unnamed_addr constant [5 x i8] c"diff\00"
@wasm_exports = private constant [1 x { ptr, i32, i32, i32 }] [{ ptr, i32, i32, i32 } { ptr @str.1, i32 0, i32 0, i32 4 }]
@str.2 = private unnamed_addr constant [11 x i8] c"neighbours\00"
@__start_awsm_guest_text = extern_weak hidden global i8
@__stop_awsm_guest_text = extern_weak hidden global i8
@neighbours_module = constant { i32, ptr, i32, ptr, i32, i32, ptr, ptr, i32, ptr, i32, ptr, i32, i32, ptr, i32, i32, ptr, i32, i32, { i32, i32, i32 }, i32, i32, ptr, i32, i32, ptr, ptr } { i32 4, ptr @str.2, i32 1, ptr @wasm_types, i32 1, i32 0, ptr @wasm_func_types, ptr @wasm_func_ptrs, i32 0, ptr null, i32 1, ptr @wasm_exports, i32 0, i32 0, ptr null, i32 0, i32 0, ptr null, i32 1, i32 0, { i32, i32, i32 } { i32 1, i32 0, i32 0 }, i32 0, i32 0, ptr @wasm_init, i32 -1, i32 1, ptr @__start_awsm_guest_text, ptr @__stop_awsm_guest_text }
@awsm_mask_bits = constant i32 32

; Function Attrs: nounwind
define internal void @wasm_f0(ptr %0, i32 %1, i32 %2, i32 %3) #0 section "awsm_guest_text" {
entry:
  %4 = getelementptr i8, ptr %0, i32 64
  %5 = load ptr, ptr %4, align 8, !tbaa !0
  %6 = getelementptr i8, ptr %0, i32 72
  %7 = load i64, ptr %6, align 4, !tbaa !0
  %8 = icmp ult i32 %2, %3
  %9 = icmp sge i32 %3, 0
  %10 = and i1 %8, %9
  %11 = sub i32 %3, %2
  %12 = urem i32 %11, 4
  %13 = icmp eq i32 %12, 0
  %counted = and i1 %10, %13, !awsm.counted !3
  %14 = sub i32 %3, 4
  %15 = sub i32 %14, %2
  %16 = zext i32 %15 to i64
  %17 = add i32 %2, %1
  %18 = add i32 %17, 4
  %19 = zext i32 %18 to i64
  %20 = add i64 %19, %16
  %21 = add i64 %20, 4
  %limit = call i64 @awsm_mem_limit_explicit(i64 %7)
  %fits = icmp ule i64 %21, %limit
  %22 = zext i32 %17 to i64
  %23 = add i64 %22, 4
  %nowrap = icmp eq i64 %23, %19
  %24 = and i1 %fits, %nowrap
  %counted21 = and i1 %counted, %24
  %25 = zext i32 %2 to i64
  %26 = sub i64 %22, %25
  %array = getelementptr i8, ptr %5, i64 %26
  %array22 = call ptr asm "", "=r,0"(ptr %array) #1
  %27 = add i32 %2, %1
  %28 = add i32 %27, 0
  %29 = zext i32 %28 to i64
  %30 = add i64 %29, %16
  %31 = add i64 %30, 4
  %fits23 = icmp ule i64 %31, %limit
  %32 = zext i32 %27 to i64
  %33 = add i64 %32, 0
  %nowrap24 = icmp eq i64 %33, %29
  %34 = and i1 %fits23, %nowrap24
  %counted25 = and i1 %counted21, %34
  %35 = add i32 %2, %1
  %36 = add i32 %35, 0
  %37 = zext i32 %36 to i64
  %38 = add i64 %37, %16
  %39 = add i64 %38, 4
  %fits26 = icmp ule i64 %39, %limit
  %40 = zext i32 %35 to i64
  %41 = add i64 %40, 0
  %nowrap27 = icmp eq i64 %41, %37
  %42 = and i1 %fits26, %nowrap27
  %counted28 = and i1 %counted25, %42
  br i1 %counted28, label %counted1, label %general

return:                                           ; preds = %versions
  ret void

counted1:                                         ; preds = %entry
  br label %loop

general:                                          ; preds = %entry
  br label %loop11

versions:                                         ; preds = %next10, %next
  br label %return

next:                                             ; preds = %63
  br label %versions

loop:                                             ; preds = %loop, %counted1
  %.0 = phi i32 [ %2, %counted1 ], [ %59, %loop ]
  %43 = add i32 %1, %.0
  %44 = add i32 %1, %.0
  %45 = add i32 %44, 4
  %idx = zext i32 %45 to i64
  %46 = zext i32 %.0 to i64
  %47 = add i64 %46, 4
  %48 = getelementptr i8, ptr %array22, i64 %47
  %49 = load i32, ptr %48, align 1, !tbaa !4
  %50 = add i32 %1, %.0
  %idx6 = zext i32 %50 to i64
  %51 = zext i32 %.0 to i64
  %52 = add i64 %51, 0
  %53 = getelementptr i8, ptr %array22, i64 %52
  %54 = load i32, ptr %53, align 1, !tbaa !4
  %55 = sub i32 %49, %54
  %idx9 = zext i32 %43 to i64
  %56 = zext i32 %.0 to i64
  %57 = add i64 %56, 0
  %58 = getelementptr i8, ptr %array22, i64 %57
  store i32 %55, ptr %58, align 1, !tbaa !4
  %59 = add nuw nsw i32 %.0, 4
  %60 = icmp ne i32 %59, %3
  %61 = zext i1 %60 to i32
  %62 = icmp ne i32 %61, 0
  br i1 %62, label %loop, label %63

63:                                               ; preds = %loop
  br label %next

next10:                                           ; preds = %78
  br label %versions

loop11:                                           ; preds = %loop11, %general
  %.1 = phi i32 [ %2, %general ], [ %74, %loop11 ]
  %64 = add i32 %1, %.1
  %65 = add i32 %1, %.1
  %66 = add i32 %65, 4
  %idx14 = zext i32 %66 to i64
  %67 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %5, i64 %7, i64 %idx14, i64 0, i32 4)
  %68 = load i32, ptr %67, align 1, !tbaa !4
  %69 = add i32 %1, %.1
  %idx17 = zext i32 %69 to i64
  %70 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %5, i64 %7, i64 %idx17, i64 0, i32 4)
  %71 = load i32, ptr %70, align 1, !tbaa !4
  %72 = sub i32 %68, %71
  %idx20 = zext i32 %64 to i64
  %73 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %5, i64 %7, i64 %idx20, i64 0, i32 4)
  store i32 %72, ptr %73, align 1, !tbaa !4
  %74 = add i32 %.1, 4
  %75 = icmp ne i32 %74, %3
  %76 = zext i1 %75 to i32
  %77 = icmp ne i32 %76, 0
  br i1 %77, label %loop11, label %78

78:                                               ; preds = %loop11
  br label %next10
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
  call void %0(ptr %1, i32 %5, i32 %7, i32 %9)
  ret void
}

define internal void @wasm_host0(ptr %0, i32 %1, i32 %2, i32 %3) section "awsm_guest_text" {
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

define void @neighbours_diff(ptr %0, i32 %1, i32 %2, i32 %3) section "awsm_guest_text" {
entry:
  notail call void @wasm_f0(ptr %0, i32 %1, i32 %2, i32 %3)
  ret void
}

declare i64 @awsm_mem_limit_explicit(i64)

attributes #0 = { nounwind }
attributes #1 = { nounwind willreturn memory(none) }

!0 = !{!1, !1, i64 0}
!1 = !{!"awsm vmctx", !2, i64 0}
!2 = !{!"awsm TBAA"}
!3 = !{}
!4 = !{!5, !5, i64 0}
!5 = !{!"wasm linear memory", !2, i64 0}
