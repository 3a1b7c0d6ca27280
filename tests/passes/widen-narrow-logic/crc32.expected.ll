; Function Attrs: nounwind memory(read, inaccessiblemem: readwrite)
define internal i32 @wasm_f0(ptr nocapture readonly %0, i32 %1, i32 %2) #_ section "awsm_guest_text" {
entry:
  %3 = getelementptr i8, ptr %0, i64 64
  %4 = load ptr, ptr %3, align 8, !tbaa !_, !invariant.load !_
  %invariant.gep = getelementptr inbounds i8, ptr %4, i64 1024
  %xtraiter = and i32 %2, 1
  %5 = icmp eq i32 %2, 1
  br i1 %5, label %next.unr-lcssa, label %entry.new

entry.new:                                        ; preds = %entry
  %unroll_iter = and i32 %2, -2
  br label %loop

loop:                                             ; preds = %loop, %entry.new
  %.07 = phi i32 [ -1, %entry.new ], [ %16, %loop ]
  %.0 = phi i32 [ %1, %entry.new ], [ %17, %loop ]
  %niter = phi i32 [ 0, %entry.new ], [ %niter.next.1, %loop ]
  %idx = zext i32 %.0 to i64
  %6 = getelementptr inbounds i8, ptr %4, i64 %idx
  %7 = load i8, ptr %6, align 1, !tbaa !_
  %.07.tr = trunc i32 %.07 to i8
  %low = and i32 %.07, 255
  %wide = zext i8 %7 to i32
  %wide.logic = xor i32 %low, %wide
  %wide.zext = zext i32 %wide.logic to i64
  %idx5 = shl nuw nsw i64 %wide.zext, 2
  %gep = getelementptr inbounds i8, ptr %invariant.gep, i64 %idx5
  %8 = load i32, ptr %gep, align 1, !tbaa !_
  %9 = lshr i32 %.07, 8
  %10 = xor i32 %8, %9
  %11 = add i32 %.0, 1
  %idx.1 = zext i32 %11 to i64
  %12 = getelementptr inbounds i8, ptr %4, i64 %idx.1
  %13 = load i8, ptr %12, align 1, !tbaa !_
  %.07.tr.1 = trunc i32 %10 to i8
  %low11 = and i32 %10, 255
  %wide12 = zext i8 %13 to i32
  %wide.logic13 = xor i32 %low11, %wide12
  %wide.zext14 = zext i32 %wide.logic13 to i64
  %idx5.1 = shl nuw nsw i64 %wide.zext14, 2
  %gep.1 = getelementptr inbounds i8, ptr %invariant.gep, i64 %idx5.1
  %14 = load i32, ptr %gep.1, align 1, !tbaa !_
  %15 = lshr i32 %10, 8
  %16 = xor i32 %14, %15
  %17 = add i32 %.0, 2
  %niter.next.1 = add i32 %niter, 2
  %niter.ncmp.1 = icmp eq i32 %niter.next.1, %unroll_iter
  br i1 %niter.ncmp.1, label %next.unr-lcssa, label %loop

next.unr-lcssa:                                   ; preds = %loop, %entry
  %.lcssa.ph = phi i32 [ poison, %entry ], [ %16, %loop ]
  %.07.unr = phi i32 [ -1, %entry ], [ %16, %loop ]
  %.0.unr = phi i32 [ %1, %entry ], [ %17, %loop ]
  %lcmp.mod.not = icmp eq i32 %xtraiter, 0
  br i1 %lcmp.mod.not, label %next, label %loop.epil

loop.epil:                                        ; preds = %next.unr-lcssa
  %idx.epil = zext i32 %.0.unr to i64
  %18 = getelementptr inbounds i8, ptr %4, i64 %idx.epil
  %19 = load i8, ptr %18, align 1, !tbaa !_
  %.07.tr.epil = trunc i32 %.07.unr to i8
  %low15 = and i32 %.07.unr, 255
  %wide16 = zext i8 %19 to i32
  %wide.logic17 = xor i32 %low15, %wide16
  %wide.zext18 = zext i32 %wide.logic17 to i64
  %idx5.epil = shl nuw nsw i64 %wide.zext18, 2
  %gep.epil = getelementptr inbounds i8, ptr %invariant.gep, i64 %idx5.epil
  %20 = load i32, ptr %gep.epil, align 1, !tbaa !_
  %21 = lshr i32 %.07.unr, 8
  %22 = xor i32 %20, %21
  br label %next

next:                                             ; preds = %next.unr-lcssa, %loop.epil
  %.lcssa = phi i32 [ %.lcssa.ph, %next.unr-lcssa ], [ %22, %loop.epil ]
  %23 = xor i32 %.lcssa, -1
  ret i32 %23
}

; Function Attrs: mustprogress nofree norecurse nosync nounwind willreturn memory(none)
define internal void @wasm_init(ptr nocapture readnone %0) #_ section "awsm_guest_text" {
entry:
  ret void
}

define internal void @wasm_call0(ptr nocapture readonly %0, ptr %1, ptr nocapture readonly %2, ptr nocapture writeonly %3) #_ section "awsm_guest_text" {
entry:
  %4 = load i32, ptr %2, align 4
  %5 = getelementptr i8, ptr %2, i64 16
  %6 = load i32, ptr %5, align 4
  %7 = tail call i32 %0(ptr %1, i32 %4, i32 %6)
  store i32 %7, ptr %3, align 4
  ret void
}

define internal i32 @wasm_host0(ptr nocapture readonly %0, i32 %1, i32 %2) #_ section "awsm_guest_text" {
entry:
  %3 = alloca [16 x i8], align 1
  %4 = alloca [32 x i8], align 1
  store i32 %1, ptr %4, align 4
  %5 = getelementptr inbounds i8, ptr %4, i64 16
  store i32 %2, ptr %5, align 4
  %6 = load ptr, ptr %0, align 8, !tbaa !_
  %7 = getelementptr inbounds i8, ptr %0, i64 8
  %8 = load ptr, ptr %7, align 8, !tbaa !_
  %9 = getelementptr inbounds i8, ptr %0, i64 16
  %10 = load ptr, ptr %9, align 8, !tbaa !_
  %11 = call i32 %6(ptr noundef %8, ptr noundef %10, ptr noundef nonnull %4, ptr noundef nonnull %3) #_
  %12 = icmp eq i32 %11, 0
  br i1 %12, label %awsm_rt_call_host.exit, label %13, !prof !_

13:                                               ; preds = %entry
  %14 = load ptr, ptr %9, align 8, !tbaa !_
  %15 = icmp ugt i32 %11, 13
  %16 = select i1 %15, i32 12, i32 %11
  call void @awsm_trap(ptr noundef %14, i32 noundef %16) #_
  unreachable

awsm_rt_call_host.exit:                           ; preds = %entry
  %17 = load i32, ptr %3, align 4
  ret i32 %17
}

; Function Attrs: memory(read, inaccessiblemem: readwrite)
define i32 @crc32_crc32(ptr nocapture readonly %0, i32 %1, i32 %2) local_unnamed_addr #_ section "awsm_guest_text" {
entry:
  %3 = getelementptr i8, ptr %0, i64 64
  %4 = load ptr, ptr %3, align 8, !tbaa !_, !invariant.load !_
  %invariant.gep.i = getelementptr inbounds i8, ptr %4, i64 1024
  %xtraiter = and i32 %2, 1
  %5 = icmp eq i32 %2, 1
  br i1 %5, label %wasm_f0.exit.unr-lcssa, label %entry.new

entry.new:                                        ; preds = %entry
  %unroll_iter = and i32 %2, -2
  br label %loop.i

loop.i:                                           ; preds = %loop.i, %entry.new
  %.07.i = phi i32 [ -1, %entry.new ], [ %16, %loop.i ]
  %.0.i = phi i32 [ %1, %entry.new ], [ %17, %loop.i ]
  %niter = phi i32 [ 0, %entry.new ], [ %niter.next.1, %loop.i ]
  %idx.i = zext i32 %.0.i to i64
  %6 = getelementptr inbounds i8, ptr %4, i64 %idx.i
  %7 = load i8, ptr %6, align 1, !tbaa !_
  %.07.tr.i = trunc i32 %.07.i to i8
  %low = and i32 %.07.i, 255
  %wide = zext i8 %7 to i32
  %wide.logic = xor i32 %low, %wide
  %wide.zext = zext i32 %wide.logic to i64
  %idx5.i = shl nuw nsw i64 %wide.zext, 2
  %gep.i = getelementptr inbounds i8, ptr %invariant.gep.i, i64 %idx5.i
  %8 = load i32, ptr %gep.i, align 1, !tbaa !_
  %9 = lshr i32 %.07.i, 8
  %10 = xor i32 %8, %9
  %11 = add i32 %.0.i, 1
  %idx.i.1 = zext i32 %11 to i64
  %12 = getelementptr inbounds i8, ptr %4, i64 %idx.i.1
  %13 = load i8, ptr %12, align 1, !tbaa !_
  %.07.tr.i.1 = trunc i32 %10 to i8
  %low4 = and i32 %10, 255
  %wide5 = zext i8 %13 to i32
  %wide.logic6 = xor i32 %low4, %wide5
  %wide.zext7 = zext i32 %wide.logic6 to i64
  %idx5.i.1 = shl nuw nsw i64 %wide.zext7, 2
  %gep.i.1 = getelementptr inbounds i8, ptr %invariant.gep.i, i64 %idx5.i.1
  %14 = load i32, ptr %gep.i.1, align 1, !tbaa !_
  %15 = lshr i32 %10, 8
  %16 = xor i32 %14, %15
  %17 = add i32 %.0.i, 2
  %niter.next.1 = add i32 %niter, 2
  %niter.ncmp.1 = icmp eq i32 %niter.next.1, %unroll_iter
  br i1 %niter.ncmp.1, label %wasm_f0.exit.unr-lcssa, label %loop.i

wasm_f0.exit.unr-lcssa:                           ; preds = %loop.i, %entry
  %.lcssa.ph = phi i32 [ poison, %entry ], [ %16, %loop.i ]
  %.07.i.unr = phi i32 [ -1, %entry ], [ %16, %loop.i ]
  %.0.i.unr = phi i32 [ %1, %entry ], [ %17, %loop.i ]
  %lcmp.mod.not = icmp eq i32 %xtraiter, 0
  br i1 %lcmp.mod.not, label %wasm_f0.exit, label %loop.i.epil

loop.i.epil:                                      ; preds = %wasm_f0.exit.unr-lcssa
  %idx.i.epil = zext i32 %.0.i.unr to i64
  %18 = getelementptr inbounds i8, ptr %4, i64 %idx.i.epil
  %19 = load i8, ptr %18, align 1, !tbaa !_
  %.07.tr.i.epil = trunc i32 %.07.i.unr to i8
  %low8 = and i32 %.07.i.unr, 255
  %wide9 = zext i8 %19 to i32
  %wide.logic10 = xor i32 %low8, %wide9
  %wide.zext11 = zext i32 %wide.logic10 to i64
  %idx5.i.epil = shl nuw nsw i64 %wide.zext11, 2
  %gep.i.epil = getelementptr inbounds i8, ptr %invariant.gep.i, i64 %idx5.i.epil
  %20 = load i32, ptr %gep.i.epil, align 1, !tbaa !_
  %21 = lshr i32 %.07.i.unr, 8
  %22 = xor i32 %20, %21
  br label %wasm_f0.exit

wasm_f0.exit:                                     ; preds = %wasm_f0.exit.unr-lcssa, %loop.i.epil
  %.lcssa = phi i32 [ %.lcssa.ph, %wasm_f0.exit.unr-lcssa ], [ %22, %loop.i.epil ]
  %23 = xor i32 %.lcssa, -1
  ret i32 %23
}
