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
