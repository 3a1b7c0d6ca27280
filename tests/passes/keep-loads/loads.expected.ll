; Function Attrs: nounwind
define internal i32 @wasm_f0(ptr %0) #_ section "awsm_guest_text" {
entry:
  %1 = getelementptr i8, ptr %0, i32 64
  %2 = load ptr, ptr %1, align 8, !tbaa !_, !invariant.load !_
  %3 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %2, i64 65536, i64 65536, i64 0, i32 4)
  %4 = load i32, ptr %3, align 1, !tbaa !_
  call void asm sideeffect "", "r"(i32 %4) #_
  br label %return

return:                                           ; preds = %entry
  ret i32 7
}

; Function Attrs: nounwind
define internal i64 @wasm_f1(ptr %0, i32 %1) #_ section "awsm_guest_text" {
entry:
  %2 = getelementptr i8, ptr %0, i32 64
  %3 = load ptr, ptr %2, align 8, !tbaa !_, !invariant.load !_
  %idx = zext i32 %1 to i64
  %4 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %3, i64 65536, i64 %idx, i64 0, i32 8)
  %5 = load i64, ptr %4, align 1, !tbaa !_
  call void asm sideeffect "", "r"(i64 %5) #_
  %idx5 = zext i32 %1 to i64
  %6 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %3, i64 65536, i64 %idx5, i64 8, i32 1)
  %7 = load i8, ptr %6, align 1, !tbaa !_
  call void asm sideeffect "", "r"(i8 %7) #_
  %8 = zext i8 %7 to i32
  %9 = zext i32 %8 to i64
  %10 = add i64 %5, %9
  br label %return

return:                                           ; preds = %entry
  ret i64 %10
}

define internal void @wasm_init(ptr %0) #_ section "awsm_guest_text" {
entry:
  ret void
}

define internal void @wasm_call0(ptr %0, ptr %1, ptr %2, ptr %3) #_ section "awsm_guest_text" {
entry:
  %4 = call i32 %0(ptr %1)
  %5 = getelementptr i8, ptr %3, i32 0
  store i32 %4, ptr %5, align 4
  ret void
}

define internal i32 @wasm_host0(ptr %0) #_ section "awsm_guest_text" {
entry:
  %1 = alloca [16 x i8], align 1
  %2 = alloca [16 x i8], align 1
  call void @awsm_rt_call_host(ptr %0, ptr %2, ptr %1)
  %3 = getelementptr i8, ptr %1, i32 0
  %4 = load i32, ptr %3, align 4
  ret i32 %4
}

define internal void @wasm_call1(ptr %0, ptr %1, ptr %2, ptr %3) #_ section "awsm_guest_text" {
entry:
  %4 = getelementptr i8, ptr %2, i32 0
  %5 = load i32, ptr %4, align 4
  %6 = call i64 %0(ptr %1, i32 %5)
  %7 = getelementptr i8, ptr %3, i32 0
  store i64 %6, ptr %7, align 4
  ret void
}

define internal i64 @wasm_host1(ptr %0, i32 %1) #_ section "awsm_guest_text" {
entry:
  %2 = alloca [16 x i8], align 1
  %3 = alloca [16 x i8], align 1
  %4 = getelementptr i8, ptr %3, i32 0
  store i32 %1, ptr %4, align 4
  call void @awsm_rt_call_host(ptr %0, ptr %3, ptr %2)
  %5 = getelementptr i8, ptr %2, i32 0
  %6 = load i64, ptr %5, align 4
  ret i64 %6
}

define i32 @loads_local__unused(ptr %0) #_ section "awsm_guest_text" {
entry:
  %1 = notail call i32 @wasm_f0(ptr %0)
  ret i32 %1
}

define i64 @loads_sum(ptr %0, i32 %1) #_ section "awsm_guest_text" {
entry:
  %2 = notail call i64 @wasm_f1(ptr %0, i32 %1)
  ret i64 %2
}
