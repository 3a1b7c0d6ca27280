; Function Attrs: mustprogress nofree norecurse nosync nounwind willreturn memory(none)
define internal float @wasm_f0(ptr nocapture readnone %0, float %1, float %2) #_ {
entry:
  %3 = fcmp uno float %1, %2
  %4 = fcmp olt float %1, %2
  %5 = select i1 %4, float %1, float %2
  %6 = fcmp oeq float %1, %2
  %7 = bitcast float %1 to i32
  %8 = bitcast float %2 to i32
  %9 = or i32 %7, %8
  %10 = bitcast i32 %9 to float
  %11 = select i1 %6, float %10, float %5
  %12 = fadd float %1, %2
  %13 = select i1 %3, float %12, float %11
  %14 = bitcast float %13 to i32
  %15 = or i32 %14, 4194304
  %16 = bitcast i32 %15 to float
  %17 = fcmp uno float %13, 0.000000e+00
  %18 = select i1 %17, float %16, float %13
  ret float %18
}

; Function Attrs: mustprogress nofree norecurse nosync nounwind willreturn memory(none)
define internal double @wasm_f1(ptr nocapture readnone %0, double %1) #_ {
entry:
  %2 = call double @llvm.rint.f64(double %1)
  ret double %2
}

; Function Attrs: minsize mustprogress nofree norecurse nosync nounwind optsize willreturn memory(none)
define internal void @wasm_init(ptr nocapture readnone %0) #_ {
entry:
  ret void
}

; Function Attrs: minsize nounwind optsize
define internal void @wasm_call0(ptr nocapture readonly %0, ptr %1, ptr nocapture readonly %2, ptr nocapture writeonly %3) #_ {
entry:
  %4 = load float, ptr %2, align 4
  %5 = getelementptr i8, ptr %2, i32 16
  %6 = load float, ptr %5, align 4
  %7 = tail call float %0(ptr %1, float %4, float %6) #_
  store float %7, ptr %3, align 4
  ret void
}

; Function Attrs: minsize nounwind optsize
define internal float @wasm_host0(ptr nocapture readonly %0, float %1, float %2) #_ {
entry:
  %3 = alloca [16 x i8], align 1
  %4 = alloca [32 x i8], align 1
  store float %1, ptr %4, align 4
  %5 = getelementptr inbounds i8, ptr %4, i32 16
  store float %2, ptr %5, align 4
  call void @awsm_rt_call_host(ptr %0, ptr nonnull %4, ptr nonnull %3)
  %6 = load float, ptr %3, align 4
  ret float %6
}

; Function Attrs: minsize nounwind optsize
define internal void @wasm_call1(ptr nocapture readonly %0, ptr %1, ptr nocapture readonly %2, ptr nocapture writeonly %3) #_ {
entry:
  %4 = load double, ptr %2, align 8
  %5 = tail call double %0(ptr %1, double %4) #_
  store double %5, ptr %3, align 8
  ret void
}

; Function Attrs: minsize nounwind optsize
define internal double @wasm_host1(ptr nocapture readonly %0, double %1) #_ {
entry:
  %2 = alloca [16 x i8], align 1
  %3 = alloca [16 x i8], align 1
  store double %1, ptr %3, align 8
  call void @awsm_rt_call_host(ptr %0, ptr nonnull %3, ptr nonnull %2)
  %4 = load double, ptr %2, align 8
  ret double %4
}

; Function Attrs: minsize mustprogress nofree norecurse nosync nounwind optsize willreturn memory(none)
define float @min_nearest_min(ptr nocapture readnone %0, float %1, float %2) local_unnamed_addr #_ {
entry:
  %3 = fcmp uno float %1, %2
  %4 = fcmp olt float %1, %2
  %5 = select i1 %4, float %1, float %2
  %6 = fcmp oeq float %1, %2
  %7 = bitcast float %1 to i32
  %8 = bitcast float %2 to i32
  %9 = or i32 %7, %8
  %10 = bitcast i32 %9 to float
  %11 = select i1 %6, float %10, float %5
  %12 = fadd float %1, %2
  %13 = select i1 %3, float %12, float %11
  %14 = bitcast float %13 to i32
  %15 = or i32 %14, 4194304
  %16 = bitcast i32 %15 to float
  %17 = fcmp uno float %13, 0.000000e+00
  %18 = select i1 %17, float %16, float %13
  ret float %18
}

; Function Attrs: minsize mustprogress nofree norecurse nosync nounwind optsize willreturn memory(none)
define double @min_nearest_nearest(ptr nocapture readnone %0, double %1) local_unnamed_addr #_ {
entry:
  %2 = call double @llvm.rint.f64(double %1)
  ret double %2
}
