target datalayout = "e-m:e-i8:8:32-i16:16:32-i64:64-i128:128-n32:64-S128-Fn32"
target triple = "aarch64-unknown-linux-gnu"

@str = private unnamed_addr constant [5 x i8] c"ii:i\00"
@wasm_types = private constant [1 x { ptr, ptr, ptr }] [{ ptr, ptr, ptr } { ptr @str, ptr @wasm_call0, ptr @wasm_host0 }]
@wasm_func_types = private constant [1 x i32] zeroinitializer
@wasm_func_ptrs = private constant [1 x ptr] [ptr @wasm_f0]
@str.1 = private unnamed_addr constant [4 x i8] c"get\00"
@wasm_exports = private constant [1 x { ptr, i32, i32, i32 }] [{ ptr, i32, i32, i32 } { ptr @str.1, i32 0, i32 0, i32 3 }]
@str.2 = private unnamed_addr constant [16 x i8] c"constant_offset\00"
@__start_awsm_guest_text = extern_weak hidden global i8
@__stop_awsm_guest_text = extern_weak hidden global i8
@constant_offset_module = constant { i32, ptr, i32, ptr, i32, i32, ptr, ptr, i32, ptr, i32, ptr, i32, i32, ptr, i32, i32, ptr, i32, i32, { i32, i32, i32 }, i32, i32, ptr, i32, i32, ptr, ptr } { i32 4, ptr @str.2, i32 1, ptr @wasm_types, i32 1, i32 0, ptr @wasm_func_types, ptr @wasm_func_ptrs, i32 0, ptr null, i32 1, ptr @wasm_exports, i32 0, i32 0, ptr null, i32 0, i32 0, ptr null, i32 1, i32 0, { i32, i32, i32 } { i32 1, i32 0, i32 0 }, i32 0, i32 0, ptr @wasm_init, i32 -1, i32 3, ptr @__start_awsm_guest_text, ptr @__stop_awsm_guest_text }
@awsm_mask_bits = constant i32 32

; Function Attrs: nounwind
define internal i32 @wasm_f0(ptr %0, i32 %1, i32 %2) #0 section "awsm_guest_text" {
entry:
  %3 = getelementptr i8, ptr %0, i32 64
  %4 = load ptr, ptr %3, align 8, !tbaa !0, !invariant.load !3
  %5 = getelementptr i8, ptr %0, i32 72
  %6 = load i64, ptr %5, align 4, !tbaa !0
  %7 = add i32 %1, 8
  %idx = zext i32 %7 to i64
  %8 = sext i32 %1 to i64
  %idx6 = add nsw i64 %8, 8
  %9 = call ptr @awsm_mem_addr_none(ptr %0, ptr %4, i64 %6, i64 %idx6, i64 0, i32 4)
  %10 = load i32, ptr %9, align 1, !tbaa !4
  %11 = add i32 %1, %2
  %idx5 = zext i32 %11 to i64
  %12 = call ptr @awsm_mem_addr_none(ptr %0, ptr %4, i64 %6, i64 %idx5, i64 0, i32 4)
  %13 = load i32, ptr %12, align 1, !tbaa !4
  %14 = add i32 %10, %13
  br label %return

return:                                           ; preds = %entry
  ret i32 %14
}

declare ptr @awsm_mem_addr_none(ptr, ptr, i64, i64, i64, i32)

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

define i32 @constant_offset_get(ptr %0, i32 %1, i32 %2) #1 section "awsm_guest_text" {
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
