; Function Attrs: minsize nounwind optsize
define internal i32 @wasm_f0(ptr %0, i32 %1, i32 %2) #_ {
entry:
  %3 = alloca i64, align 8
  %4 = alloca ptr, align 8
  %5 = alloca i32, align 4
  %6 = alloca i32, align 4
  %7 = alloca i32, align 4
  %8 = alloca i32, align 4
  store i32 %1, ptr %8, align 4
  store i32 %2, ptr %7, align 4
  store i32 0, ptr %6, align 4
  %9 = getelementptr i8, ptr %0, i32 32
  %10 = load ptr, ptr %9, align 8, !tbaa !_
  store ptr %10, ptr %4, align 8
  %11 = getelementptr i8, ptr %0, i32 40
  %12 = load i64, ptr %11, align 4, !tbaa !_
  store i64 %12, ptr %3, align 4
  %membase = load ptr, ptr %4, align 8
  %memsize = load i64, ptr %3, align 4
  br label %loop

return:                                           ; preds = %next
  %13 = load i32, ptr %5, align 4
  ret i32 %13

next:                                             ; preds = %25
  %14 = load i32, ptr %6, align 4
  store i32 %14, ptr %5, align 4
  br label %return

loop:                                             ; preds = %loop, %entry
  %15 = load i32, ptr %6, align 4
  %16 = load i32, ptr %8, align 4
  %membase1 = load ptr, ptr %4, align 8
  %memsize2 = load i64, ptr %3, align 4
  %idx = zext i32 %16 to i64
  %17 = call ptr @awsm_mem_addr_explicit(ptr %0, ptr %membase1, i64 %memsize2, i64 %idx, i64 0, i32 4)
  %18 = load i32, ptr %17, align 1, !tbaa !_
  %19 = add i32 %15, %18
  store i32 %19, ptr %6, align 4
  %20 = load i32, ptr %8, align 4
  %21 = add i32 %20, 4
  store i32 %21, ptr %8, align 4
  %22 = load i32, ptr %7, align 4
  %23 = sub i32 %22, 1
  store i32 %23, ptr %7, align 4
  %24 = icmp ne i32 %23, 0
  br i1 %24, label %loop, label %25

25:                                               ; preds = %loop
  br label %next
}

; Function Attrs: minsize nounwind optsize
define internal void @wasm_init(ptr %0) #_ {
entry:
  ret void
}

; Function Attrs: minsize nounwind optsize
define internal void @wasm_call0(ptr %0, ptr %1, ptr %2, ptr %3) #_ {
entry:
  %4 = getelementptr i8, ptr %2, i32 0
  %5 = load i32, ptr %4, align 4
  %6 = getelementptr i8, ptr %2, i32 16
  %7 = load i32, ptr %6, align 4
  %8 = call i32 %0(ptr %1, i32 %5, i32 %7)
  %9 = getelementptr i8, ptr %3, i32 0
  store i32 %8, ptr %9, align 4
  ret void
}

; Function Attrs: minsize nounwind optsize
define internal i32 @wasm_host0(ptr %0, i32 %1, i32 %2) #_ {
entry:
  %3 = alloca [16 x i8], align 1
  %4 = alloca [32 x i8], align 1
  %5 = getelementptr i8, ptr %4, i32 0
  store i32 %1, ptr %5, align 4
  %6 = getelementptr i8, ptr %4, i32 16
  store i32 %2, ptr %6, align 4
  call void @awsm_rt_call_host(ptr %0, ptr %4, ptr %3)
  %7 = getelementptr i8, ptr %3, i32 0
  %8 = load i32, ptr %7, align 4
  ret i32 %8
}

; Function Attrs: minsize nounwind optsize
define i32 @oz_sum(ptr %0, i32 %1, i32 %2) #_ {
entry:
  %3 = notail call i32 @wasm_f0(ptr %0, i32 %1, i32 %2)
  ret i32 %3
}
