//! Just enough reading of textual LLVM IR for the per-pass tests: the
//! normal form the golden files hold, and functions split into blocks with
//! their successors, so that a test can ask what one copy of a versioned
//! loop contains.
//!
//! The text is what `awsm --stop-before/--stop-after` writes (LLVM's
//! printer), so the shapes are regular: a definition starts with `define`
//! and ends with a line `}`, a block starts with a `label:` line (the
//! first may have none), and branch targets are spelled `label %name`.

use std::collections::{BTreeMap, HashSet};

/// A module's text in the form the golden files hold.
///
/// Lines that name the input file (`; ModuleID`, `source_filename`) are
/// dropped: they differ between a checkout and a temp directory. Once the
/// runtime is linked in (`linked`), the module is mostly the runtime's, which would
/// put every change to runtime/ into every golden file; then only the
/// guest's function definitions are kept (those named `wasm_*` or
/// `<prefix>_*`) with the globals a fixture names (`;; keep: @g`), and
/// attribute-group and metadata numbers, which the runtime's own groups
/// and nodes shift, print as `#_` and `!_` (the `; Function Attrs:`
/// comment LLVM prints above a definition still says what it has).
pub fn normalise(text: &str, linked: bool, prefix: &str, keep: &[String]) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.starts_with("; ModuleID") && !l.starts_with("source_filename"))
        .collect();
    if !linked {
        return join(lines);
    }
    let guest = |name: &str| name.starts_with("wasm_") || name.starts_with(&format!("{prefix}_"));
    let mut out = Vec::new();
    let mut inside = false;
    for (n, line) in lines.iter().enumerate() {
        if let Some(name) = defined_name(line) {
            inside = guest(name);
            if inside {
                if n > 0 && lines[n - 1].starts_with("; Function Attrs:") {
                    out.push(lines[n - 1].to_string());
                }
                out.push(renumber_free(line));
            }
            continue;
        }
        if inside {
            out.push(renumber_free(line));
            if *line == "}" {
                out.push(String::new());
                inside = false;
            }
        } else if keep.iter().any(|g| line.starts_with(&format!("{g} = "))) {
            out.push(renumber_free(line));
            out.push(String::new());
        }
    }
    join(out)
}

fn join<S: AsRef<str>>(lines: Vec<S>) -> String {
    let mut text = lines.iter().map(AsRef::as_ref).collect::<Vec<_>>().join("\n");
    while text.ends_with('\n') {
        text.pop();
    }
    text.push('\n');
    text
}

/// The function a `define` line defines.
fn defined_name(line: &str) -> Option<&str> {
    if !line.starts_with("define ") {
        return None;
    }
    let at = line.find(" @")? + 2;
    let rest = &line[at..];
    let end = rest.find('(')?;
    Some(rest[..end].trim_matches('"'))
}

/// `#12` and `!7` references as `#_` and `!_` (named metadata kinds such
/// as `!tbaa` and `!awsm.counted` stay).
fn renumber_free(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if c == '"' {
            in_string = !in_string;
        }
        out.push(c);
        if !in_string && (c == '#' || c == '!') && chars.peek().is_some_and(char::is_ascii_digit) {
            while chars.peek().is_some_and(char::is_ascii_digit) {
                chars.next();
            }
            out.push('_');
        }
    }
    out
}

/// One basic block: its label, its lines, the labels it branches to.
#[derive(Debug)]
pub struct Block {
    pub label: String,
    pub lines: Vec<String>,
    pub succs: Vec<String>,
}

/// One function definition, split into blocks.
#[derive(Debug)]
pub struct Function {
    pub blocks: Vec<Block>,
}

/// The function definitions of a module's text.
pub fn functions(text: &str) -> Vec<Function> {
    let mut out = Vec::new();
    let mut current: Option<Function> = None;
    for line in text.lines() {
        if defined_name(line).is_some() {
            let entry = Block { label: String::new(), lines: Vec::new(), succs: Vec::new() };
            current = Some(Function { blocks: vec![entry] });
            continue;
        }
        let Some(f) = current.as_mut() else { continue };
        if line == "}" {
            out.extend(current.take());
            continue;
        }
        if let Some(label) = block_label(line) {
            let first_is_empty = f.blocks.len() == 1 && f.blocks[0].lines.is_empty();
            let block = Block { label: label.to_string(), lines: Vec::new(), succs: Vec::new() };
            if first_is_empty {
                f.blocks[0] = block;
            } else {
                f.blocks.push(block);
            }
            continue;
        }
        let block = f.blocks.last_mut().expect("a function has a block");
        block.succs.extend(branch_targets(line));
        if !line.trim().is_empty() {
            block.lines.push(line.trim().to_string());
        }
    }
    out
}

/// The label a `name:` line opens (LLVM may follow it with `; preds`).
fn block_label(line: &str) -> Option<&str> {
    if line.starts_with([' ', ';']) {
        return None;
    }
    let colon = line.find(':')?;
    let label = &line[..colon];
    let plain = !label.is_empty() && !label.contains(' ');
    plain.then(|| label.trim_matches('"'))
}

fn branch_targets(line: &str) -> Vec<String> {
    line.match_indices("label %")
        .map(|(i, m)| {
            let rest = &line[i + m.len()..];
            let end = rest.find([',', ' ', ']']).unwrap_or(rest.len());
            rest[..end].trim_matches('"').to_string()
        })
        .collect()
}

impl Function {
    fn block(&self, label: &str) -> Option<&Block> {
        self.blocks.iter().find(|b| b.label == label)
    }

    /// Labels of the blocks reachable from `label` (itself included).
    pub fn reachable(&self, label: &str) -> HashSet<String> {
        let mut seen = HashSet::new();
        let mut work = vec![label.to_string()];
        while let Some(l) = work.pop() {
            if !seen.insert(l.clone()) {
                continue;
            }
            if let Some(b) = self.block(&l) {
                work.extend(b.succs.iter().cloned());
            }
        }
        seen
    }

    /// The blocks of the counted copy of a versioned loop: those the
    /// guard (the block holding the `!awsm.counted` marker) reaches when
    /// it holds and not when it fails. None if the function has no guard.
    pub fn counted_copy(&self) -> Option<Vec<&Block>> {
        let guard = self.blocks.iter().find(|b| b.lines.iter().any(|l| l.contains("!awsm.counted")))?;
        let [counted, general] = guard.succs.as_slice() else { return None };
        let general = self.reachable(general);
        let counted = self.reachable(counted);
        Some(
            self.blocks
                .iter()
                .filter(|b| counted.contains(&b.label) && !general.contains(&b.label))
                .collect(),
        )
    }

    /// The versioning guard's marked value (`%counted = and i1 ...,
    /// !awsm.counted`) and the condition its block branches on: the same
    /// value until a pass adds conditions of its own.
    pub fn guard_condition(&self) -> Option<(&str, &str)> {
        let guard = self.blocks.iter().find(|b| b.lines.iter().any(|l| l.contains("!awsm.counted")))?;
        let marked = guard.lines.iter().find(|l| l.contains("!awsm.counted"))?.split_once(" = ")?.0;
        let branch = guard.lines.last()?.strip_prefix("br i1 ")?;
        Some((marked, branch.split_once(',')?.0))
    }

    /// The lines of every block.
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().flat_map(|b| b.lines.iter().map(String::as_str))
    }
}

/// How many lines of `lines` contain `needle`.
pub fn count<'a>(lines: impl IntoIterator<Item = &'a str>, needle: &str) -> usize {
    lines.into_iter().filter(|l| l.contains(needle)).count()
}

/// The constant steps `C` of `add nuw nsw i32 %x, C` lines: the counters
/// of counted copies (versioning gives a counter counting up exactly
/// those flags).
pub fn counter_steps<'a>(lines: impl IntoIterator<Item = &'a str>) -> BTreeMap<i64, usize> {
    let mut steps = BTreeMap::new();
    for line in lines {
        let Some((_, rest)) = line.split_once("= add nuw nsw i32 %") else { continue };
        let Some(step) = rest.rsplit(", ").next().and_then(|c| c.parse::<i64>().ok()) else { continue };
        *steps.entry(step).or_insert(0) += 1;
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINKED: &str = "; ModuleID = '/tmp/x/t.wat'
source_filename = \"/tmp/x/t.wat\"
@trap_messages = internal constant [3 x i8] c\"#1\\00\"
@other = internal global i32 0

; Function Attrs: nounwind
define internal void @wasm_f0(ptr %0) #4 {
entry:
  call void @awsm_trap(ptr %0, i32 2) #9, !prof !12
  ret void
}

define weak_odr void @awsm_trap(ptr %0, i32 %1) #2 {
  ret void
}

define void @t_run(ptr %0) #3 {
  ret void
}

attributes #2 = { noreturn }
";

    /// Once linked, only the guest's definitions (with their attribute
    /// comment) and the kept globals remain, renumbered; the file name goes.
    #[test]
    fn linked_modules_keep_the_guest() {
        let out = normalise(LINKED, true, "t", &["@trap_messages".to_string()]);
        let want = "@trap_messages = internal constant [3 x i8] c\"#1\\00\"

; Function Attrs: nounwind
define internal void @wasm_f0(ptr %0) #_ {
entry:
  call void @awsm_trap(ptr %0, i32 2) #_, !prof !_
  ret void
}

define void @t_run(ptr %0) #_ {
  ret void
}
";
        assert_eq!(out, want);
    }

    /// Before linking everything but the file name stays as printed.
    #[test]
    fn guest_modules_stay_whole() {
        let out = normalise(LINKED, false, "t", &[]);
        assert!(!out.contains("ModuleID") && !out.contains("source_filename"), "{out}");
        assert!(out.contains("@other") && out.contains("#4") && out.contains("attributes #2"), "{out}");
    }

    /// The counted copy is what the guard's true edge reaches and its
    /// false edge does not (the shared exit is in neither copy).
    #[test]
    fn counted_copy_is_the_guarded_side() {
        let text = "define void @wasm_f0(i32 %n) {
entry:
  %counted = and i1 %a, %b, !awsm.counted !3
  br i1 %counted, label %fast, label %slow

fast:                                             ; preds = %entry, %fast
  %i = add nuw nsw i32 %j, 4
  br i1 %c, label %fast, label %exit

slow:                                             ; preds = %entry, %slow
  %k = add i32 %j, 4
  br i1 %d, label %slow, label %exit

exit:
  ret void
}
";
        let functions = functions(text);
        let copy = functions[0].counted_copy().expect("a guard");
        let labels: Vec<&str> = copy.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["fast"]);
        assert_eq!(functions[0].guard_condition(), Some(("%counted", "%counted")));
        let steps = counter_steps(copy.iter().flat_map(|b| b.lines.iter().map(String::as_str)));
        assert_eq!(steps.into_iter().collect::<Vec<_>>(), [(4, 1)]);
    }
}
