; Function Attrs: mustprogress nofree norecurse nosync nounwind optsize willreturn memory(none)
define internal void @wasm_init(ptr nocapture readnone %0) #_ section "awsm_guest_text" {
entry:
  ret void
}

; Function Attrs: optsize
define internal void @wasm_call0(ptr nocapture readonly %0, ptr %1, ptr nocapture readonly %2, ptr nocapture writeonly %3) #_ section "awsm_guest_text" {
entry:
  %4 = load i64, ptr %2, align 4
  %5 = tail call i64 %0(ptr %1, i64 %4)
  store i64 %5, ptr %3, align 4
  ret void
}

; Function Attrs: nounwind optsize
define internal i64 @wasm_host0(ptr nocapture readonly %0, i64 %1) #_ section "awsm_guest_text" {
entry:
  %2 = alloca [16 x i8], align 8
  %3 = alloca [16 x i8], align 8
  store i64 %1, ptr %3, align 8
  call void @awsm_rt_call_host(ptr %0, ptr nonnull %3, ptr nonnull %2)
  %4 = load i64, ptr %2, align 8
  ret i64 %4
}

; Function Attrs: mustprogress nofree norecurse nosync nounwind willreturn memory(none)
define range(i64 0, 1844674407370955162) i64 @div_u64_tenth(ptr nocapture readnone %0, i64 %1) local_unnamed_addr #_ section "awsm_guest_text" {
entry:
  %2 = udiv i64 %1, 10
  ret i64 %2
}

; Function Attrs: mustprogress nofree norecurse nosync nounwind optsize willreturn memory(none)
define internal range(i64 0, 1844674407370955162) i64 @wasm_f0(ptr nocapture readnone %0, i64 %1) #_ section "awsm_guest_text" {
  %3 = tail call range(i64 0, 1844674407370955162) i64 @div_u64_tenth(ptr nocapture readnone %0, i64 %1) #_
  ret i64 %3
}
