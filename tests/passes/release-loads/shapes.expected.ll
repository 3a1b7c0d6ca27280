; Function Attrs: mustprogress nounwind willreturn memory(read, inaccessiblemem: readwrite)
define internal noundef i32 @wasm_f0(ptr nocapture readonly %0) #_ section "awsm_guest_text" {
entry:
  %1 = getelementptr i8, ptr %0, i64 64
  %2 = load ptr, ptr %1, align 8, !tbaa !_, !invariant.load !_
  %3 = getelementptr inbounds i8, ptr %2, i64 70000
  %4 = load volatile i8, ptr %3, align 1, !tbaa !_
  ret i32 0
}

; Function Attrs: mustprogress nounwind willreturn memory(read, inaccessiblemem: readwrite)
define internal noundef i32 @wasm_f1(ptr nocapture readonly %0, i32 %1) #_ section "awsm_guest_text" {
entry:
  %2 = getelementptr i8, ptr %0, i64 64
  %3 = load ptr, ptr %2, align 8, !tbaa !_, !invariant.load !_
  %idx = zext i32 %1 to i64
  %4 = getelementptr inbounds i8, ptr %3, i64 %idx
  %5 = load volatile i32, ptr %4, align 1, !tbaa !_
  ret i32 1
}

; Function Attrs: mustprogress nounwind willreturn memory(read, inaccessiblemem: readwrite)
define internal noundef i32 @wasm_f2(ptr nocapture readonly %0, i32 %1) #_ section "awsm_guest_text" {
entry:
  %2 = getelementptr i8, ptr %0, i64 64
  %3 = load ptr, ptr %2, align 8, !tbaa !_, !invariant.load !_
  %.not = icmp eq i32 %1, 0
  br i1 %.not, label %else, label %then

next:                                             ; preds = %else, %then
  ret i32 6

then:                                             ; preds = %entry
  %4 = getelementptr inbounds i8, ptr %3, i64 65536
  %5 = load volatile i32, ptr %4, align 1, !tbaa !_
  br label %next

else:                                             ; preds = %entry
  %6 = getelementptr inbounds i8, ptr %3, i64 65540
  %7 = load volatile i32, ptr %6, align 1, !tbaa !_
  br label %next
}

; Function Attrs: mustprogress nounwind willreturn memory(read, inaccessiblemem: readwrite)
define internal i32 @wasm_f3(ptr nocapture readonly %0, i32 %1) #_ section "awsm_guest_text" {
entry:
  %2 = getelementptr i8, ptr %0, i64 64
  %3 = load ptr, ptr %2, align 8, !tbaa !_, !invariant.load !_
  %idx = zext i32 %1 to i64
  %4 = getelementptr inbounds i8, ptr %3, i64 %idx
  %5 = load i32, ptr %4, align 1, !tbaa !_
  %6 = add i32 %5, 1
  ret i32 %6
}

; Function Attrs: mustprogress nounwind willreturn memory(read, inaccessiblemem: readwrite)
define internal range(i32 0, 256) i32 @wasm_f4(ptr nocapture readonly %0, i32 %1) #_ section "awsm_guest_text" {
entry:
  %2 = getelementptr i8, ptr %0, i64 64
  %3 = load ptr, ptr %2, align 8, !tbaa !_, !invariant.load !_
  %idx = zext i32 %1 to i64
  %4 = getelementptr inbounds i8, ptr %3, i64 %idx
  %5 = load i32, ptr %4, align 1, !tbaa !_
  %6 = freeze i32 %5
  %7 = and i32 %6, 255
  ret i32 %7
}

; Function Attrs: mustprogress nofree norecurse nosync nounwind willreturn memory(none)
define internal void @wasm_init(ptr nocapture readnone %0) #_ section "awsm_guest_text" {
entry:
  ret void
}

define internal void @wasm_call0(ptr nocapture readonly %0, ptr %1, ptr nocapture readnone %2, ptr nocapture writeonly %3) #_ section "awsm_guest_text" {
entry:
  %4 = tail call i32 %0(ptr %1)
  store i32 %4, ptr %3, align 4
  ret void
}

define internal i32 @wasm_host0(ptr nocapture readonly %0) #_ section "awsm_guest_text" {
entry:
  %1 = alloca [16 x i8], align 1
  %2 = alloca [16 x i8], align 1
  %3 = load ptr, ptr %0, align 8, !tbaa !_
  %4 = getelementptr inbounds i8, ptr %0, i64 8
  %5 = load ptr, ptr %4, align 8, !tbaa !_
  %6 = getelementptr inbounds i8, ptr %0, i64 16
  %7 = load ptr, ptr %6, align 8, !tbaa !_
  %8 = call i32 %3(ptr noundef %5, ptr noundef %7, ptr noundef nonnull %2, ptr noundef nonnull %1) #_
  %9 = icmp eq i32 %8, 0
  br i1 %9, label %awsm_rt_call_host.exit, label %10, !prof !_

10:                                               ; preds = %entry
  %11 = load ptr, ptr %6, align 8, !tbaa !_
  %12 = icmp ugt i32 %8, 13
  %13 = select i1 %12, i32 12, i32 %8
  call void @awsm_trap(ptr noundef %11, i32 noundef %13) #_
  unreachable

awsm_rt_call_host.exit:                           ; preds = %entry
  %14 = load i32, ptr %1, align 4
  ret i32 %14
}

define internal void @wasm_call1(ptr nocapture readonly %0, ptr %1, ptr nocapture readonly %2, ptr nocapture writeonly %3) #_ section "awsm_guest_text" {
entry:
  %4 = load i32, ptr %2, align 4
  %5 = tail call i32 %0(ptr %1, i32 %4)
  store i32 %5, ptr %3, align 4
  ret void
}

define internal i32 @wasm_host1(ptr nocapture readonly %0, i32 %1) #_ section "awsm_guest_text" {
entry:
  %2 = alloca [16 x i8], align 1
  %3 = alloca [16 x i8], align 1
  store i32 %1, ptr %3, align 4
  %4 = load ptr, ptr %0, align 8, !tbaa !_
  %5 = getelementptr inbounds i8, ptr %0, i64 8
  %6 = load ptr, ptr %5, align 8, !tbaa !_
  %7 = getelementptr inbounds i8, ptr %0, i64 16
  %8 = load ptr, ptr %7, align 8, !tbaa !_
  %9 = call i32 %4(ptr noundef %6, ptr noundef %8, ptr noundef nonnull %3, ptr noundef nonnull %2) #_
  %10 = icmp eq i32 %9, 0
  br i1 %10, label %awsm_rt_call_host.exit, label %11, !prof !_

11:                                               ; preds = %entry
  %12 = load ptr, ptr %7, align 8, !tbaa !_
  %13 = icmp ugt i32 %9, 13
  %14 = select i1 %13, i32 12, i32 %9
  call void @awsm_trap(ptr noundef %12, i32 noundef %14) #_
  unreachable

awsm_rt_call_host.exit:                           ; preds = %entry
  %15 = load i32, ptr %2, align 4
  ret i32 %15
}

; Function Attrs: mustprogress willreturn memory(read, inaccessiblemem: readwrite)
define noundef i32 @shapes_load__and__zero(ptr nocapture readonly %0) local_unnamed_addr #_ section "awsm_guest_text" {
entry:
  %1 = getelementptr i8, ptr %0, i64 64
  %2 = load ptr, ptr %1, align 8, !tbaa !_, !invariant.load !_
  %3 = getelementptr inbounds i8, ptr %2, i64 70000
  %4 = load volatile i8, ptr %3, align 1, !tbaa !_
  ret i32 0
}

; Function Attrs: mustprogress willreturn memory(read, inaccessiblemem: readwrite)
define noundef i32 @shapes_select__same(ptr nocapture readonly %0, i32 %1) local_unnamed_addr #_ section "awsm_guest_text" {
entry:
  %2 = getelementptr i8, ptr %0, i64 64
  %3 = load ptr, ptr %2, align 8, !tbaa !_, !invariant.load !_
  %idx.i = zext i32 %1 to i64
  %4 = getelementptr inbounds i8, ptr %3, i64 %idx.i
  %5 = load volatile i32, ptr %4, align 1, !tbaa !_
  ret i32 1
}

; Function Attrs: mustprogress willreturn memory(read, inaccessiblemem: readwrite)
define noundef i32 @shapes_dead__phi(ptr nocapture readonly %0, i32 %1) local_unnamed_addr #_ section "awsm_guest_text" {
entry:
  %2 = getelementptr i8, ptr %0, i64 64
  %3 = load ptr, ptr %2, align 8, !tbaa !_, !invariant.load !_
  %.not.i = icmp eq i32 %1, 0
  br i1 %.not.i, label %else.i, label %then.i

then.i:                                           ; preds = %entry
  %4 = getelementptr inbounds i8, ptr %3, i64 65536
  %5 = load volatile i32, ptr %4, align 1, !tbaa !_
  br label %wasm_f2.exit

else.i:                                           ; preds = %entry
  %6 = getelementptr inbounds i8, ptr %3, i64 65540
  %7 = load volatile i32, ptr %6, align 1, !tbaa !_
  br label %wasm_f2.exit

wasm_f2.exit:                                     ; preds = %then.i, %else.i
  ret i32 6
}

; Function Attrs: mustprogress willreturn memory(read, inaccessiblemem: readwrite)
define i32 @shapes_used(ptr nocapture readonly %0, i32 %1) local_unnamed_addr #_ section "awsm_guest_text" {
entry:
  %2 = getelementptr i8, ptr %0, i64 64
  %3 = load ptr, ptr %2, align 8, !tbaa !_, !invariant.load !_
  %idx.i = zext i32 %1 to i64
  %4 = getelementptr inbounds i8, ptr %3, i64 %idx.i
  %5 = load i32, ptr %4, align 1, !tbaa !_
  %6 = add i32 %5, 1
  ret i32 %6
}

; Function Attrs: mustprogress willreturn memory(read, inaccessiblemem: readwrite)
define range(i32 0, 256) i32 @shapes_low__byte(ptr nocapture readonly %0, i32 %1) local_unnamed_addr #_ section "awsm_guest_text" {
entry:
  %2 = getelementptr i8, ptr %0, i64 64
  %3 = load ptr, ptr %2, align 8, !tbaa !_, !invariant.load !_
  %idx.i = zext i32 %1 to i64
  %4 = getelementptr inbounds i8, ptr %3, i64 %idx.i
  %5 = load i32, ptr %4, align 1, !tbaa !_
  %6 = freeze i32 %5
  %7 = and i32 %6, 255
  ret i32 %7
}
