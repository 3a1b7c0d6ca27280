; Function Attrs: nounwind
define internal inreg float @wasm_f0(ptr %0) #_ section "awsm_guest_text" {
entry:
  br label %return

return:                                           ; preds = %entry
  ret float 0x7FF4000020000000
}

; Function Attrs: nounwind
define internal i32 @wasm_f1(ptr %0, i32 %1) #_ section "awsm_guest_text" {
entry:
  %2 = call ptr @llvm.stacksave.p0()
  %3 = ptrtoint ptr %2 to i32
  %4 = getelementptr i8, ptr %0, i32 20
  %5 = load i32, ptr %4, align 4, !tbaa !_, !invariant.load !_
  %6 = icmp ult i32 %3, %5
  br i1 %6, label %trap_StackExhausted, label %7, !prof !_

return:                                           ; preds = %16
  ret i32 %19

trap_StackExhausted:                              ; preds = %entry
  call void @awsm_trap(ptr %0, i32 9)
  unreachable

7:                                                ; preds = %entry
  %8 = icmp uge i32 %1, 1
  br i1 %8, label %trap_UndefinedElement, label %9, !prof !_

trap_UndefinedElement:                            ; preds = %7
  call void @awsm_trap(ptr %0, i32 6)
  unreachable

9:                                                ; preds = %7
  %10 = getelementptr inbounds { [1 x ptr], [1 x i32] }, ptr @wasm_table0, i32 0, i32 0, i32 %1
  %11 = getelementptr inbounds { [1 x ptr], [1 x i32] }, ptr @wasm_table0, i32 0, i32 1, i32 %1
  %12 = load i32, ptr %11, align 4
  %13 = icmp ne i32 %12, 1
  br i1 %13, label %bad_elem, label %16, !prof !_

bad_elem:                                         ; preds = %9
  %14 = load ptr, ptr %10, align 8
  %15 = icmp eq ptr %14, null
  br i1 %15, label %trap_UninitializedElement, label %trap_IndirectCallTypeMismatch

16:                                               ; preds = %9
  %17 = load ptr, ptr %10, align 8
  %18 = notail call inreg float %17(ptr %0)
  %19 = bitcast float %18 to i32
  br label %return

trap_UninitializedElement:                        ; preds = %bad_elem
  call void @awsm_trap(ptr %0, i32 7)
  unreachable

trap_IndirectCallTypeMismatch:                    ; preds = %bad_elem
  call void @awsm_trap(ptr %0, i32 8)
  unreachable
}

; Function Attrs: nounwind
define internal inreg float @wasm_f2(ptr %0) #_ section "awsm_guest_text" {
entry:
  %1 = call ptr @llvm.stacksave.p0()
  %2 = ptrtoint ptr %1 to i32
  %3 = getelementptr i8, ptr %0, i32 20
  %4 = load i32, ptr %3, align 4, !tbaa !_, !invariant.load !_
  %5 = icmp ult i32 %2, %4
  br i1 %5, label %trap_StackExhausted, label %6, !prof !_

return:                                           ; preds = %6
  ret float %7

trap_StackExhausted:                              ; preds = %entry
  call void @awsm_trap(ptr %0, i32 9)
  unreachable

6:                                                ; preds = %entry
  %7 = notail call inreg float @wasm_f0(ptr %0)
  br label %return
}

define internal void @wasm_init(ptr %0) section "awsm_guest_text" {
entry:
  call void @awsm_rt_table_init(ptr %0, i32 0, ptr @wasm_elem0, i32 1, i32 0, i32 0, i32 1)
  ret void
}

define internal void @wasm_call0(ptr %0, ptr %1, ptr %2, ptr %3) section "awsm_guest_text" {
entry:
  %4 = call inreg float %0(ptr %1)
  %5 = getelementptr i8, ptr %3, i32 0
  store float %4, ptr %5, align 4
  ret void
}

define internal inreg float @wasm_host0(ptr %0) section "awsm_guest_text" {
entry:
  %1 = alloca [16 x i8], align 1
  %2 = alloca [16 x i8], align 1
  call void @awsm_rt_call_host(ptr %0, ptr %2, ptr %1)
  %3 = getelementptr i8, ptr %1, i32 0
  %4 = load float, ptr %3, align 4
  ret float %4
}

define internal void @wasm_call1(ptr %0, ptr %1, ptr %2, ptr %3) section "awsm_guest_text" {
entry:
  %4 = getelementptr i8, ptr %2, i32 0
  %5 = load i32, ptr %4, align 4
  %6 = call i32 %0(ptr %1, i32 %5)
  %7 = getelementptr i8, ptr %3, i32 0
  store i32 %6, ptr %7, align 4
  ret void
}

define internal i32 @wasm_host1(ptr %0, i32 %1) section "awsm_guest_text" {
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

define i32 @nan_payload_bits(ptr %0, i32 %1) section "awsm_guest_text" {
entry:
  %2 = notail call i32 @wasm_f1(ptr %0, i32 %1)
  ret i32 %2
}

define float @nan_payload_direct(ptr %0) section "awsm_guest_text" {
entry:
  %1 = notail call inreg float @wasm_f2(ptr %0)
  ret float %1
}
