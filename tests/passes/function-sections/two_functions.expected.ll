; Function Attrs: nounwind
define internal i32 @wasm_f1(ptr %0, i32 %1) #_ section ".text.wasm_f1" {
entry:
  %2 = tail call ptr @llvm.stacksave.p0()
  %3 = ptrtoint ptr %2 to i32
  %4 = getelementptr i8, ptr %0, i32 20
  %5 = load i32, ptr %4, align 4, !tbaa !_, !invariant.load !_
  %6 = icmp ugt i32 %5, %3
  br i1 %6, label %trap_StackExhausted, label %return, !prof !_

trap_StackExhausted:                              ; preds = %entry
  tail call void @awsm_trap(ptr nonnull %0, i32 9)
  unreachable

return:                                           ; preds = %entry
  %7 = shl i32 %1, 2
  ret i32 %7
}

; Function Attrs: minsize mustprogress nofree norecurse nosync nounwind optsize willreturn memory(none)
define internal void @wasm_init(ptr nocapture readnone %0) #_ section ".text.wasm_init" {
entry:
  ret void
}

; Function Attrs: minsize nounwind optsize
define internal void @wasm_call0(ptr nocapture readonly %0, ptr %1, ptr nocapture readonly %2, ptr nocapture writeonly %3) #_ section ".text.wasm_call0" {
entry:
  %4 = load i32, ptr %2, align 4
  %5 = tail call i32 %0(ptr %1, i32 %4) #_
  store i32 %5, ptr %3, align 4
  ret void
}

; Function Attrs: minsize nounwind optsize
define internal i32 @wasm_host0(ptr nocapture readonly %0, i32 %1) #_ section ".text.wasm_host0" {
entry:
  %2 = alloca [16 x i8], align 1
  %3 = alloca [16 x i8], align 1
  store i32 %1, ptr %3, align 4
  call void @awsm_rt_call_host(ptr %0, ptr nonnull %3, ptr nonnull %2)
  %4 = load i32, ptr %2, align 4
  ret i32 %4
}

; Function Attrs: minsize nounwind optsize
define i32 @two_functions_quad(ptr %0, i32 %1) local_unnamed_addr #_ section ".text.two_functions_quad" {
entry:
  %2 = notail call i32 @wasm_f1(ptr %0, i32 %1)
  ret i32 %2
}
