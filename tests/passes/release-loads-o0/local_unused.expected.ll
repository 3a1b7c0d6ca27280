; Function Attrs: nounwind
define internal i32 @wasm_f0(ptr %0, i32 %1) #_ section "awsm_guest_text" {
entry:
  %2 = getelementptr i8, ptr %0, i32 64
  %3 = load ptr, ptr %2, align 8, !tbaa !_, !invariant.load !_
  %4 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %3, i64 65536, i64 65536, i64 0, i32 4)
  %5 = load volatile i32, ptr %4, align 1, !tbaa !_
  %idx = zext i32 %1 to i64
  %6 = call ptr @awsm_mem_addr_guard_pages(ptr %0, ptr %3, i64 65536, i64 %idx, i64 0, i32 4)
  %7 = load i32, ptr %6, align 1, !tbaa !_
  br label %return

return:                                           ; preds = %entry
  ret i32 %7
}

define internal void @wasm_init(ptr %0) #_ section "awsm_guest_text" {
entry:
  ret void
}

define internal void @wasm_call0(ptr %0, ptr %1, ptr %2, ptr %3) #_ section "awsm_guest_text" {
entry:
  %4 = getelementptr i8, ptr %2, i32 0
  %5 = load i32, ptr %4, align 4
  %6 = call i32 %0(ptr %1, i32 %5)
  %7 = getelementptr i8, ptr %3, i32 0
  store i32 %6, ptr %7, align 4
  ret void
}

define internal i32 @wasm_host0(ptr %0, i32 %1) #_ section "awsm_guest_text" {
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

define i32 @local_unused_local__unused(ptr %0, i32 %1) #_ section "awsm_guest_text" {
entry:
  %2 = notail call i32 @wasm_f0(ptr %0, i32 %1)
  ret i32 %2
}
