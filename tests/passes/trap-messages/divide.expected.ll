@trap_messages = internal constant [53 x i8] c"\00\00\00integer divide by zero\00integer overflow\00\00\00\00\00\00\00\00\00\00\00", align 1

; Function Attrs: nounwind
define internal fastcc void @wasm_f0(ptr nocapture readonly %0) unnamed_addr #_ {
entry:
  %1 = getelementptr i8, ptr %0, i32 32
  %2 = load ptr, ptr %1, align 8, !tbaa !_
  %3 = getelementptr inbounds i8, ptr %2, i32 4
  %4 = load i32, ptr %3, align 1, !tbaa !_
  %5 = getelementptr inbounds i8, ptr %2, i32 8
  %6 = load i32, ptr %5, align 1, !tbaa !_
  %7 = icmp eq i32 %6, 0
  br i1 %7, label %trap_IntDivByZero, label %8, !prof !_

trap_IntDivByZero:                                ; preds = %entry
  tail call fastcc void @awsm_trap(i32 3)
  unreachable

8:                                                ; preds = %entry
  %9 = icmp eq i32 %4, -2147483648
  %10 = icmp eq i32 %6, -1
  %11 = and i1 %9, %10
  br i1 %11, label %trap_IntOverflow, label %return, !prof !_

trap_IntOverflow:                                 ; preds = %8
  tail call fastcc void @awsm_trap(i32 4)
  unreachable

return:                                           ; preds = %8
  %12 = sdiv i32 %4, %6
  store i32 %12, ptr %2, align 1, !tbaa !_
  ret void
}
