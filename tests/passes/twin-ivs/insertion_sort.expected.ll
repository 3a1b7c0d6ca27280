; Function Attrs: nounwind
define internal void @wasm_f0(ptr %0, i32 %1, i32 %2) #_ {
entry:
  %3 = getelementptr i8, ptr %0, i32 32
  %4 = load ptr, ptr %3, align 8, !tbaa !_
  %5 = getelementptr i8, ptr %0, i32 40
  %6 = load i64, ptr %5, align 4, !tbaa !_
  %7 = icmp slt i32 %2, 2
  br i1 %7, label %next, label %loop.preheader

loop.preheader:                                   ; preds = %entry
  %8 = and i64 %6, 4294967292
  %9 = icmp eq i64 %8, 0
  %10 = trunc i64 %6 to i32
  %11 = add i32 %10, -4
  br i1 %9, label %15, label %loop, !prof !_

next:                                             ; preds = %awsm_mem_addr_explicit.exit42, %entry
  ret void

loop:                                             ; preds = %loop.preheader, %awsm_mem_addr_explicit.exit42
  %.027 = phi i32 [ %25, %awsm_mem_addr_explicit.exit42 ], [ 1, %loop.preheader ]
  %.0 = phi i32 [ %24, %awsm_mem_addr_explicit.exit42 ], [ %1, %loop.preheader ]
  %iv.twin = add i32 %.027, 1
  %12 = shl i32 %.027, 2
  %13 = add i32 %12, %1
  %14 = icmp ult i32 %11, %13
  br i1 %14, label %16, label %awsm_mem_addr_explicit.exit, !prof !_

15:                                               ; preds = %loop.preheader
  tail call void @awsm_trap(ptr noundef nonnull %0, i32 noundef 2) #_
  unreachable

16:                                               ; preds = %loop
  tail call void @awsm_trap(ptr noundef %0, i32 noundef 2) #_
  unreachable

awsm_mem_addr_explicit.exit:                      ; preds = %loop
  %17 = getelementptr inbounds i8, ptr %4, i32 %13
  %18 = load i32, ptr %17, align 1, !tbaa !_
  br label %loop7

.loopexit:                                        ; preds = %awsm_grouped_addr.exit39.thread, %awsm_grouped_addr.exit39, %awsm_grouped_addr.exit, %next5
  %.025 = phi i32 [ %28, %next5 ], [ 0, %awsm_grouped_addr.exit ], [ 0, %awsm_grouped_addr.exit39 ], [ 0, %awsm_grouped_addr.exit39.thread ]
  %19 = shl i32 %.025, 2
  %20 = add i32 %19, %1
  %21 = icmp ult i32 %11, %20
  br i1 %21, label %22, label %awsm_mem_addr_explicit.exit42, !prof !_

22:                                               ; preds = %.loopexit
  tail call void @awsm_trap(ptr noundef %0, i32 noundef 2) #_
  unreachable

awsm_mem_addr_explicit.exit42:                    ; preds = %.loopexit
  %23 = getelementptr inbounds i8, ptr %4, i32 %20
  store i32 %18, ptr %23, align 1, !tbaa !_
  %24 = add i32 %.0, 4
  %25 = add nuw nsw i32 %.027, 1
  %.not35 = icmp eq i32 %25, %2
  br i1 %.not35, label %next, label %loop

next5.split.loop.exit:                            ; preds = %awsm_grouped_addr.exit37.thread
  %26 = add nsw i32 %.1, -1
  br label %next5

next5.split.loop.exit54:                          ; preds = %awsm_grouped_addr.exit37
  %27 = add nsw i32 %.1, -1
  br label %next5

next5:                                            ; preds = %awsm_grouped_addr.exit41, %awsm_grouped_addr.exit41.thread, %next5.split.loop.exit54, %next5.split.loop.exit
  %.024 = phi i32 [ %26, %next5.split.loop.exit ], [ %27, %next5.split.loop.exit54 ], [ %.1, %awsm_grouped_addr.exit41.thread ], [ %.1, %awsm_grouped_addr.exit41 ]
  %28 = add i32 %.024, -1
  br label %.loopexit

loop7:                                            ; preds = %awsm_grouped_addr.exit, %awsm_mem_addr_explicit.exit
  %.126 = phi i32 [ %.0, %awsm_mem_addr_explicit.exit ], [ %53, %awsm_grouped_addr.exit ]
  %.1 = phi i32 [ %iv.twin, %awsm_mem_addr_explicit.exit ], [ %54, %awsm_grouped_addr.exit ]
  %idx10 = zext i32 %.126 to i64
  %29 = add i32 %.126, -4
  %30 = zext i32 %29 to i64
  %31 = add nuw nsw i64 %30, 12
  %fast.not = icmp ugt i64 %31, %6
  %32 = icmp ule i32 %.126, %11
  br i1 %fast.not, label %awsm_grouped_addr.exit41.thread, label %awsm_grouped_addr.exit41, !prof !_

awsm_grouped_addr.exit41:                         ; preds = %loop7
  %33 = getelementptr i8, ptr %4, i32 %.126
  tail call void @llvm.assume(i1 %32)
  %34 = load i32, ptr %33, align 1, !tbaa !_
  %.not = icmp sgt i32 %34, %18
  br i1 %.not, label %awsm_grouped_addr.exit39, label %next5

awsm_grouped_addr.exit41.thread:                  ; preds = %loop7
  %35 = tail call ptr @awsm_mem_addr_explicit(ptr %0, ptr %4, i64 %6, i64 %idx10, i64 0, i32 4)
  tail call void @llvm.assume(i1 %32)
  %36 = load i32, ptr %35, align 1, !tbaa !_
  %.not44 = icmp sgt i32 %36, %18
  br i1 %.not44, label %awsm_grouped_addr.exit39.thread, label %next5

awsm_grouped_addr.exit39:                         ; preds = %awsm_grouped_addr.exit41
  %37 = add i32 %.126, 4
  %38 = getelementptr i8, ptr %4, i32 %37
  %39 = icmp ule i32 %37, %11
  tail call void @llvm.assume(i1 %39)
  store i32 %34, ptr %38, align 1, !tbaa !_
  %40 = icmp sgt i32 %.1, 2
  br i1 %40, label %awsm_grouped_addr.exit37, label %.loopexit

awsm_grouped_addr.exit39.thread:                  ; preds = %awsm_grouped_addr.exit41.thread
  %41 = add i32 %.126, 4
  %idx1345 = zext i32 %41 to i64
  %42 = tail call ptr @awsm_mem_addr_explicit(ptr %0, ptr %4, i64 %6, i64 %idx1345, i64 0, i32 4)
  %43 = icmp ule i32 %41, %11
  tail call void @llvm.assume(i1 %43)
  store i32 %36, ptr %42, align 1, !tbaa !_
  %44 = icmp sgt i32 %.1, 2
  br i1 %44, label %awsm_grouped_addr.exit37.thread, label %.loopexit

awsm_grouped_addr.exit37:                         ; preds = %awsm_grouped_addr.exit39
  %45 = getelementptr i8, ptr %4, i32 %29
  %46 = icmp ule i32 %29, %11
  tail call void @llvm.assume(i1 %46)
  %47 = load i32, ptr %45, align 1, !tbaa !_
  %.not34 = icmp sgt i32 %47, %18
  br i1 %.not34, label %awsm_grouped_addr.exit, label %next5.split.loop.exit54

awsm_grouped_addr.exit37.thread:                  ; preds = %awsm_grouped_addr.exit39.thread
  %48 = tail call ptr @awsm_mem_addr_explicit(ptr %0, ptr %4, i64 %6, i64 %30, i64 0, i32 4)
  %49 = icmp ule i32 %29, %11
  tail call void @llvm.assume(i1 %49)
  %50 = load i32, ptr %48, align 1, !tbaa !_
  %.not3449 = icmp sgt i32 %50, %18
  br i1 %.not3449, label %.thread50, label %next5.split.loop.exit

.thread50:                                        ; preds = %awsm_grouped_addr.exit37.thread
  %51 = tail call ptr @awsm_mem_addr_explicit(ptr %0, ptr %4, i64 %6, i64 %idx10, i64 0, i32 4)
  br label %awsm_grouped_addr.exit

awsm_grouped_addr.exit:                           ; preds = %awsm_grouped_addr.exit37, %.thread50
  %52 = phi i32 [ %50, %.thread50 ], [ %47, %awsm_grouped_addr.exit37 ]
  %common.ret.op.i = phi ptr [ %51, %.thread50 ], [ %33, %awsm_grouped_addr.exit37 ]
  store i32 %52, ptr %common.ret.op.i, align 1, !tbaa !_
  %53 = add i32 %.126, -8
  %54 = add nsw i32 %.1, -2
  %55 = icmp ugt i32 %54, 1
  br i1 %55, label %loop7, label %.loopexit
}

; Function Attrs: minsize mustprogress nofree norecurse nosync nounwind optsize willreturn memory(none)
define internal void @wasm_init(ptr nocapture readnone %0) #_ {
entry:
  ret void
}

; Function Attrs: minsize nounwind optsize
define internal void @wasm_call0(ptr nocapture readonly %0, ptr %1, ptr nocapture readonly %2, ptr nocapture readnone %3) #_ {
entry:
  %4 = load i32, ptr %2, align 4
  %5 = getelementptr i8, ptr %2, i32 16
  %6 = load i32, ptr %5, align 4
  tail call void %0(ptr %1, i32 %4, i32 %6) #_
  ret void
}

; Function Attrs: minsize nounwind optsize
define internal void @wasm_host0(ptr nocapture readonly %0, i32 %1, i32 %2) #_ {
entry:
  %3 = alloca [16 x i8], align 1
  %4 = alloca [32 x i8], align 1
  store i32 %1, ptr %4, align 4
  %5 = getelementptr inbounds i8, ptr %4, i32 16
  store i32 %2, ptr %5, align 4
  call void @awsm_rt_call_host(ptr %0, ptr nonnull %4, ptr nonnull %3)
  ret void
}

; Function Attrs: minsize nounwind optsize
define void @insertion_sort_isort(ptr %0, i32 %1, i32 %2) local_unnamed_addr #_ {
entry:
  notail call void @wasm_f0(ptr %0, i32 %1, i32 %2)
  ret void
}
