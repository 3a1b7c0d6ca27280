target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@str = private unnamed_addr constant [4 x i8] c"i:i\00"
@wasm_types = private constant [1 x { ptr, ptr, ptr }] [{ ptr, ptr, ptr } { ptr @str, ptr @wasm_call0, ptr @wasm_host0 }]
@wasm_func_types = private constant [1 x i32] zeroinitializer
@wasm_func_ptrs = private constant [1 x ptr] [ptr @wasm_f0]
@str.1 = private unnamed_addr constant [4 x i8] c"get\00"
@wasm_exports = private constant [1 x { ptr, i32, i32, i32 }] [{ ptr, i32, i32, i32 } { ptr @str.1, i32 0, i32 0, i32 3 }]
@str.2 = private unnamed_addr constant [10 x i8] c"max_pages\00"
@__start_awsm_guest_text = extern_weak hidden global i8
@__stop_awsm_guest_text = extern_weak hidden global i8
@max_pages_module = constant { i32, ptr, i32, ptr, i32, i32, ptr, ptr, i32, ptr, i32, ptr, i32, i32, ptr, i32, i32, ptr, i32, i32, { i32, i32, i32 }, i32, i32, ptr, i32, i32, ptr, ptr } { i32 4, ptr @str.2, i32 1, ptr @wasm_types, i32 1, i32 0, ptr @wasm_func_types, ptr @wasm_func_ptrs, i32 0, ptr null, i32 1, ptr @wasm_exports, i32 0, i32 0, ptr null, i32 0, i32 0, ptr null, i32 1, i32 0, { i32, i32, i32 } { i32 1, i32 3, i32 1 }, i32 0, i32 0, ptr @wasm_init, i32 -1, i32 2, ptr @__start_awsm_guest_text, ptr @__stop_awsm_guest_text }
@awsm_mask_bits = constant i32 18

; Function Attrs: nounwind
define internal i32 @wasm_f0(ptr %0, i32 %1) #0 section "awsm_guest_text" {
entry:
  %2 = alloca i64, align 8
  %3 = alloca ptr, align 8
  %4 = alloca i32, align 4
  %5 = alloca i32, align 4
  store i32 %1, ptr %5, align 4
  %6 = getelementptr i8, ptr %0, i32 64
  %7 = load ptr, ptr %6, align 8, !tbaa !0, !invariant.load !3
  store ptr %7, ptr %3, align 8
  %8 = getelementptr i8, ptr %0, i32 72
  %9 = load i64, ptr %8, align 4, !tbaa !0
  store i64 %9, ptr %2, align 4
  %membase = load ptr, ptr %3, align 8
  %memsize = load i64, ptr %2, align 4
  %10 = load i32, ptr %5, align 4
  %membase1 = load ptr, ptr %3, align 8
  %memsize2 = load i64, ptr %2, align 4
  %idx = zext i32 %10 to i64
  %11 = call ptr @awsm_mem_addr_mask(ptr %0, ptr %membase1, i64 %memsize2, i64 %idx, i64 0, i32 4)
  %12 = load i32, ptr %11, align 1, !tbaa !4
  store i32 %12, ptr %4, align 4
  br label %return

return:                                           ; preds = %entry
  %13 = load i32, ptr %4, align 4
  ret i32 %13
}

declare ptr @awsm_mem_addr_mask(ptr, ptr, i64, i64, i64, i32)

define internal void @wasm_init(ptr %0) #1 section "awsm_guest_text" {
entry:
  ret void
}

define internal void @wasm_call0(ptr %0, ptr %1, ptr %2, ptr %3) #1 section "awsm_guest_text" {
entry:
  %4 = getelementptr i8, ptr %2, i32 0
  %5 = load i32, ptr %4, align 4
  %6 = call i32 %0(ptr %1, i32 %5)
  %7 = getelementptr i8, ptr %3, i32 0
  store i32 %6, ptr %7, align 4
  ret void
}

define internal i32 @wasm_host0(ptr %0, i32 %1) #1 section "awsm_guest_text" {
entry:
  %2 = alloca [16 x i8], align 1
  %3 = alloca [16 x i8], align 1
  %4 = getelementptr i8, ptr %3, i32 0
  store i32 %1, ptr %4, align 4
  call void @awsm_rt_call_host(ptr %0, ptr %3, ptr %2)
  %5 = getelementptr i8, ptr %2, i32 0
  %6 = load i32, ptr %5, align 4
  ret i32 %6
}

declare void @awsm_rt_call_host(ptr, ptr, ptr)

define i32 @max_pages_get(ptr %0, i32 %1) #1 section "awsm_guest_text" {
entry:
  %2 = notail call i32 @wasm_f0(ptr %0, i32 %1)
  ret i32 %2
}

attributes #0 = { nounwind "no-builtin-memcpy" "no-builtin-memmove" "no-builtin-memset" }
attributes #1 = { "no-builtin-memcpy" "no-builtin-memmove" "no-builtin-memset" }

!0 = !{!1, !1, i64 0}
!1 = !{!"awsm vmctx", !2, i64 0}
!2 = !{!"awsm TBAA"}
!3 = !{}
!4 = !{!5, !5, i64 0}
!5 = !{!"wasm linear memory", !2, i64 0}
