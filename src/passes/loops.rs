//! Dominators and natural loops of one function: the analysis mirror.rs,
//! hoist.rs and grouped.rs share.
//!
//! inkwell exposes no LLVM analyses, and mirror.rs needs to know, for a
//! memory access, which values are invariant in the innermost loop around
//! it and where a value computed from them can be placed once, before that
//! loop. Functions translated from wasm are small enough that the simple
//! iterative dominator algorithm (Cooper, Harvey and Kennedy) is fast.

use inkwell::basic_block::BasicBlock;
use inkwell::values::{BasicValue, BasicValueEnum, FunctionValue, InstructionValue};
use llvm_sys::prelude::LLVMBasicBlockRef;
use std::collections::HashMap;

pub struct Loops<'ctx> {
    blocks: Vec<BasicBlock<'ctx>>,
    index: HashMap<LLVMBasicBlockRef, usize>,
    /// Immediate dominator by block index (the entry's is itself);
    /// unreachable blocks have none.
    idom: Vec<Option<usize>>,
    /// Per block, the innermost loop containing it, as an index into `loops`.
    innermost: Vec<Option<usize>>,
    loops: Vec<Loop>,
}

struct Loop {
    header: usize,
    body: Vec<bool>,
}

fn successors(bb: BasicBlock<'_>) -> Vec<BasicBlock<'_>> {
    let Some(term) = bb.get_terminator() else { return Vec::new() };
    (0..term.get_num_operands()).filter_map(|i| term.get_operand(i).and_then(|o| o.block())).collect()
}

impl<'ctx> Loops<'ctx> {
    pub fn of(f: FunctionValue<'ctx>) -> Self {
        let blocks = f.get_basic_blocks();
        let n = blocks.len();
        let index: HashMap<_, _> = blocks.iter().enumerate().map(|(i, b)| (b.as_mut_ptr(), i)).collect();
        let succ: Vec<Vec<usize>> = blocks
            .iter()
            .map(|b| successors(*b).iter().filter_map(|s| index.get(&s.as_mut_ptr()).copied()).collect())
            .collect();
        let mut preds = vec![Vec::new(); n];
        for (b, ss) in succ.iter().enumerate() {
            for &s in ss {
                preds[s].push(b);
            }
        }
        // Reverse postorder from the entry, iteratively.
        let mut post = Vec::with_capacity(n);
        let mut seen = vec![false; n];
        if n > 0 {
            let mut stack = vec![(0usize, 0usize)];
            seen[0] = true;
            while let Some((b, next)) = stack.pop() {
                if let Some(&s) = succ[b].get(next) {
                    stack.push((b, next + 1));
                    if !seen[s] {
                        seen[s] = true;
                        stack.push((s, 0));
                    }
                } else {
                    post.push(b);
                }
            }
        }
        let mut rpo_num = vec![usize::MAX; n];
        for (i, &b) in post.iter().rev().enumerate() {
            rpo_num[b] = i;
        }
        let mut idom: Vec<Option<usize>> = vec![None; n];
        if n > 0 {
            idom[0] = Some(0);
        }
        let intersect = |idom: &[Option<usize>], mut a: usize, mut b: usize| {
            while a != b {
                while rpo_num[a] > rpo_num[b] {
                    a = idom[a].unwrap_or(0);
                }
                while rpo_num[b] > rpo_num[a] {
                    b = idom[b].unwrap_or(0);
                }
            }
            a
        };
        let mut changed = true;
        while changed {
            changed = false;
            for &b in post.iter().rev().skip(1) {
                let mut new = None;
                for &p in &preds[b] {
                    if idom[p].is_some() {
                        new = Some(match new {
                            None => p,
                            Some(q) => intersect(&idom, p, q),
                        });
                    }
                }
                if new.is_some() && idom[b] != new {
                    idom[b] = new;
                    changed = true;
                }
            }
        }
        let mut me = Loops { blocks, index, idom, innermost: vec![None; n], loops: Vec::new() };
        // Natural loops: for each back edge latch -> header (header
        // dominates latch), the blocks reaching the latch without passing
        // through the header. Back edges to one header make one loop.
        let mut by_header: HashMap<usize, usize> = HashMap::new();
        for &latch in post.iter() {
            for &h in &succ[latch] {
                if !me.dominates(h, latch) {
                    continue;
                }
                let li = *by_header.entry(h).or_insert_with(|| {
                    me.loops.push(Loop { header: h, body: vec![false; n] });
                    me.loops.len() - 1
                });
                let body = &mut me.loops[li].body;
                body[h] = true;
                let mut work = vec![latch];
                while let Some(b) = work.pop() {
                    if !body[b] {
                        body[b] = true;
                        work.extend(preds[b].iter().copied());
                    }
                }
            }
        }
        let sizes: Vec<usize> = me.loops.iter().map(|l| l.body.iter().filter(|x| **x).count()).collect();
        for b in 0..n {
            me.innermost[b] = (0..me.loops.len()).filter(|&l| me.loops[l].body[b]).min_by_key(|&l| sizes[l]);
        }
        me
    }

    /// Whether block `a` dominates block `b` (both reachable).
    fn dominates(&self, a: usize, mut b: usize) -> bool {
        loop {
            if a == b {
                return true;
            }
            match self.idom[b] {
                Some(d) if d != b => b = d,
                _ => return false,
            }
        }
    }

    fn block_index(&self, bb: BasicBlock<'ctx>) -> Option<usize> {
        self.index.get(&bb.as_mut_ptr()).copied()
    }

    /// The innermost loop around `inst`, as an opaque id.
    pub fn loop_of(&self, inst: InstructionValue<'ctx>) -> Option<usize> {
        self.innermost[self.block_index(inst.get_parent()?)?]
    }

    /// Whether `inst` is defined inside loop `l`.
    pub fn defined_in(&self, l: usize, inst: InstructionValue<'ctx>) -> bool {
        inst.get_parent().and_then(|b| self.block_index(b)).is_some_and(|b| self.loops[l].body[b])
    }

    /// The block just before loop `l` that every entry to it passes
    /// through: the header's immediate dominator (outside the loop, since
    /// the header dominates the whole loop).
    pub fn preheader(&self, l: usize) -> Option<BasicBlock<'ctx>> {
        let h = self.loops[l].header;
        self.idom[h].filter(|&d| d != h).map(|d| self.blocks[d])
    }

    /// Whether `v` can be used at the end of `bb`, a block before loop `l`:
    /// a constant, a parameter, or an instruction outside the loop whose
    /// block dominates `bb` (instruction order inside `bb` is the caller's
    /// business: it inserts before the terminator).
    pub fn available_before(&self, l: usize, v: BasicValueEnum<'ctx>, bb: BasicBlock<'ctx>) -> bool {
        let Some(inst) = v.as_instruction_value() else { return true };
        if self.defined_in(l, inst) {
            return false;
        }
        match (inst.get_parent().and_then(|b| self.block_index(b)), self.block_index(bb)) {
            (Some(a), Some(b)) => self.dominates(a, b),
            _ => false,
        }
    }

    /// The blocks of loop `l`.
    pub fn blocks_of(&self, l: usize) -> Vec<BasicBlock<'ctx>> {
        self.loops[l].body.iter().enumerate().filter(|(_, b)| **b).map(|(i, _)| self.blocks[i]).collect()
    }

    /// The header of loop `l`.
    pub fn header(&self, l: usize) -> BasicBlock<'ctx> {
        self.blocks[self.loops[l].header]
    }

    /// Whether block `bb` is part of loop `l`.
    pub fn contains(&self, l: usize, bb: BasicBlock<'ctx>) -> bool {
        self.block_index(bb).is_some_and(|b| self.loops[l].body[b])
    }

    /// Whether block `a` dominates block `b` (both reachable).
    pub fn block_dominates(&self, a: BasicBlock<'ctx>, b: BasicBlock<'ctx>) -> bool {
        match (self.block_index(a), self.block_index(b)) {
            (Some(a), Some(b)) => self.dominates(a, b),
            _ => false,
        }
    }

    /// The loop whose header is `bb`.
    pub fn loop_with_header(&self, bb: BasicBlock<'ctx>) -> Option<usize> {
        let b = self.block_index(bb)?;
        self.loops.iter().position(|l| l.header == b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use inkwell::context::Context;
    use inkwell::memory_buffer::MemoryBuffer;
    use inkwell::values::AnyValue;

    /// Two nested loops, an `if` inside the inner one, and a block no
    /// path reaches:
    ///
    /// ```text
    /// entry -> outer -> inner -> then -> latch -> inner | tail
    ///                         \________/            tail -> outer | exit
    /// ```
    const NESTED: &str = r#"
define i32 @f(i32 %n) {
entry:
  br label %outer
outer:
  %i = phi i32 [ 0, %entry ], [ %i.next, %tail ]
  %base = mul i32 %i, 8
  br label %inner
inner:
  %j = phi i32 [ 0, %outer ], [ %j.next, %latch ]
  %odd = and i32 %j, 1
  %c = icmp eq i32 %odd, 0
  br i1 %c, label %then, label %latch
then:
  br label %latch
latch:
  %j.next = add i32 %j, 1
  %more = icmp slt i32 %j.next, %n
  br i1 %more, label %inner, label %tail
tail:
  %i.next = add i32 %i, 1
  %again = icmp slt i32 %i.next, %n
  br i1 %again, label %outer, label %exit
exit:
  ret i32 %base
dead:
  br label %inner
}
"#;

    fn with_loops(check: impl Fn(FunctionValue<'_>, &Loops<'_>)) {
        let cx = Context::create();
        let buf = MemoryBuffer::create_from_memory_range_copy(NESTED.as_bytes(), "t");
        let m = cx.create_module_from_ir(buf).expect("test IR parses");
        let f = m.get_function("f").expect("@f");
        check(f, &Loops::of(f));
    }

    fn block<'ctx>(f: FunctionValue<'ctx>, name: &str) -> BasicBlock<'ctx> {
        f.get_basic_block_iter().find(|b| b.get_name().to_str() == Ok(name)).expect(name)
    }

    fn value(inst: InstructionValue<'_>) -> BasicValueEnum<'_> {
        inst.as_any_value_enum().into_int_value().as_basic_value_enum()
    }

    fn first<'ctx>(f: FunctionValue<'ctx>, name: &str) -> InstructionValue<'ctx> {
        block(f, name).get_first_instruction().expect("non-empty block")
    }

    #[test]
    fn dominators_follow_the_control_flow() {
        with_loops(|f, loops| {
            let dom = |a, b| loops.block_dominates(block(f, a), block(f, b));
            assert!(dom("entry", "exit") && dom("outer", "tail") && dom("inner", "latch"));
            assert!(dom("inner", "inner"), "a block dominates itself");
            assert!(!dom("then", "latch"), "latch is also reached around `then`");
            assert!(!dom("latch", "inner") && !dom("tail", "outer"));
            assert!(!dom("dead", "inner") && !dom("entry", "dead"), "unreachable blocks dominate nothing");
        });
    }

    #[test]
    fn natural_loops_nest_and_the_innermost_one_wins() {
        with_loops(|f, loops| {
            let inner = loops.loop_with_header(block(f, "inner")).expect("inner loop");
            let outer = loops.loop_with_header(block(f, "outer")).expect("outer loop");
            assert_ne!(inner, outer);
            assert_eq!(loops.loop_with_header(block(f, "latch")), None);
            assert_eq!(loops.header(inner), block(f, "inner"));
            let names = |l| {
                let mut v: Vec<String> =
                    loops.blocks_of(l).iter().map(|b| b.get_name().to_string_lossy().into_owned()).collect();
                v.sort();
                v
            };
            assert_eq!(names(inner), ["inner", "latch", "then"]);
            // An unreachable block branching into a loop's body (not its
            // header) counts as part of it: the walk from the latch
            // follows every predecessor. The passes only lose precision
            // there (hoist.rs, seeing a call in it, gives up), never
            // soundness.
            assert_eq!(names(outer), ["dead", "inner", "latch", "outer", "tail", "then"]);
            assert_eq!(loops.loop_of(first(f, "then")), Some(inner));
            assert_eq!(loops.loop_of(first(f, "tail")), Some(outer));
            assert_eq!(loops.loop_of(first(f, "exit")), None);
            assert!(loops.contains(outer, block(f, "latch")) && !loops.contains(inner, block(f, "tail")));
        });
    }

    #[test]
    fn preheaders_and_values_available_before_a_loop() {
        with_loops(|f, loops| {
            let inner = loops.loop_with_header(block(f, "inner")).expect("inner loop");
            let outer = loops.loop_with_header(block(f, "outer")).expect("outer loop");
            assert_eq!(loops.preheader(inner), Some(block(f, "outer")));
            assert_eq!(loops.preheader(outer), Some(block(f, "entry")));
            let i = first(f, "outer"); // %i, defined in the outer loop only
            let base = i.get_next_instruction().expect("%base");
            let j = first(f, "inner");
            assert!(loops.defined_in(outer, i) && !loops.defined_in(inner, i));
            let pre = block(f, "outer");
            assert!(loops.available_before(inner, value(base), pre), "%base is invariant in the inner loop");
            assert!(!loops.available_before(inner, value(j), pre), "%j is the inner loop's own");
            let n = f.get_first_param().expect("%n");
            assert!(loops.available_before(inner, n, pre), "parameters are available everywhere");
            assert!(!loops.available_before(outer, value(i), block(f, "entry")));
        });
    }
}
