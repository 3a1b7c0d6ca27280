//! Golden IR tests, one or more per pass: `tests/passes/<pass>/<case>.wat`
//! compiled with `awsm --stop-before <pass>` and `--stop-after <pass>`.
//!
//! A fixture's first lines say which pass it tests and with which flags:
//!
//! ```text
//! ;; pass: hoist
//! ;; flags: -O2 --bounds-checks explicit --target x86_64-unknown-linux-gnu
//! ;; keep: @trap_messages            (optional: globals kept once linked)
//! ;; expect: unchanged                (optional: the pass must not fire)
//! ```
//!
//! Each test checks three things: the pass runs for those flags (awsm
//! exits 1 when a stop names a step that does not run), it fired (a
//! property of the IR before and after it, tests/passes/fired.rs), and
//! the IR after it, normalised (tests/passes/ir.rs), equals
//! `<case>.expected.ll`. `AWSM_BLESS=1 cargo test --release --test
//! passes` rewrites the expected files from what awsm prints now, so a
//! change to a pass shows up as a diff of those files in review (as
//! Wasmtime's filetests do).
//!
//! Loop versioning and data-loop unrolling are planned inside the
//! translator, so they have no step of their own: their "before" is the
//! same module translated at -Os, where neither plan runs, and their
//! "after" is the translation at the fixture's level.

mod common;
#[path = "passes/fired.rs"]
mod fired;
#[path = "passes/ir.rs"]
mod ir;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::AWSM;
/// The environment variable that turns comparisons into rewrites.
const BLESS: &str = "AWSM_BLESS";
/// The pipeline step the runtime is linked in by (src/pipeline.rs).
const LINK_STEP: &str = "link-runtime";

/// How a pass's "before" IR is obtained.
#[derive(Clone, Copy)]
enum Before {
    /// `--stop-before` the pass's own pipeline step.
    StopBefore,
    /// The translation with the translator's loop plans off (-Os).
    PlansOff,
}

/// A pass the fixtures may name: the pipeline step it is, how to see the
/// IR without it, and what it must have done.
struct Pass {
    name: &'static str,
    step: &'static str,
    before: Before,
    fired: fired::Fired,
    /// Whether it changes or removes bounds checks (issue 22 requires a
    /// fixture for each of those).
    bounds_checks: bool,
}

const PASSES: &[Pass] = &[
    step("mirror", fired::mirror, true),
    step("hoist", fired::hoist, true),
    step("grouped", fired::grouped, true),
    plan("versioning", fired::versioning),
    plan("unroll", fired::unroll),
    step("reroll", fired::reroll, true),
    step("widen-narrow-logic", fired::widen_narrow_logic, false),
    step("twin-ivs", fired::twin_ivs, false),
    step("trap-messages", fired::trap_messages, false),
    step("sse-float-returns", fired::sse_float_returns, false),
    step("expand-wide-divisions", fired::expand_wide_divisions, false),
    step("legalize-float-intrinsics", fired::legalize_float_intrinsics, false),
    step("function-sections", fired::function_sections, false),
    step("size-attributes", fired::size_attributes, false),
    step("cortex-m-constants", fired::cortex_m_constants, false),
    step("mask-bits", fired::mask_bits, false),
    step("cortex-m-size-attributes", fired::cortex_m_size_attributes, false),
    step("keep-loads", fired::keep_loads, true),
    step("release-loads", fired::release_loads, true),
    step("release-loads-o0", fired::release_loads, true),
];

/// A pass that is the pipeline step of the same name.
const fn step(name: &'static str, fired: fired::Fired, bounds_checks: bool) -> Pass {
    Pass { name, step: name, before: Before::StopBefore, fired, bounds_checks }
}

/// A loop plan of the translator (both change bounds checks: they copy
/// them, for grouped.rs and hoist.rs to share or hoist).
const fn plan(name: &'static str, fired: fired::Fired) -> Pass {
    Pass { name, step: "translate", before: Before::PlansOff, fired, bounds_checks: true }
}

/// A fixture's header.
struct Fixture {
    wat: PathBuf,
    pass: &'static Pass,
    flags: Vec<String>,
    keep: Vec<String>,
    /// `;; expect: unchanged`: a shape the pass must leave alone (a
    /// rewrite there would be wrong or pointless).
    unchanged: bool,
}

impl Fixture {
    fn load(relative: &str) -> Fixture {
        let wat = common::repo_path("tests/passes").join(format!("{relative}.wat"));
        let text =
            std::fs::read_to_string(&wat).unwrap_or_else(|e| panic!("cannot read {}: {e}", wat.display()));
        let field = |key: &str| -> Option<&str> {
            text.lines()
                .take_while(|l| l.starts_with(";;"))
                .find_map(|l| l.strip_prefix(&format!(";; {key}: ")))
        };
        let name = field("pass").unwrap_or_else(|| panic!("{relative}.wat: no `;; pass:` line"));
        let pass = PASSES
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("{relative}.wat: unknown pass `{name}` (tests/passes.rs PASSES)"));
        let dir = relative.split('/').next().unwrap_or_default();
        assert_eq!(dir, name, "{relative}.wat tests `{name}` but lives under {dir}/");
        let words = |s: Option<&str>| s.unwrap_or_default().split_whitespace().map(String::from).collect();
        let unchanged = match field("expect") {
            None => false,
            Some("unchanged") => true,
            Some(other) => panic!("{relative}.wat: `;; expect: {other}` (only `unchanged` is known)"),
        };
        Fixture { wat, pass, flags: words(field("flags")), keep: words(field("keep")), unchanged }
    }

    /// The prefix awsm derives from the file name (the guest's exports).
    fn prefix(&self) -> String {
        self.wat.file_stem().unwrap_or_default().to_string_lossy().into_owned()
    }

    /// The textual IR with `flags` (the fixture's, or others) stopped at
    /// `stop` (`--stop-before`/`--stop-after`) `step`.
    fn ir(&self, flags: &[String], stop: &str, step: &str, out: &Path) -> String {
        let output = Command::new(AWSM)
            .args(flags)
            .args([stop, step])
            .arg(&self.wat)
            .arg("-o")
            .arg(out)
            .output()
            .expect("run awsm");
        assert!(
            output.status.success(),
            "awsm {} {stop} {step} {} failed ({}):\n{}",
            flags.join(" "),
            self.wat.display(),
            common::describe_status(output.status),
            String::from_utf8_lossy(&output.stderr)
        );
        std::fs::read_to_string(out).unwrap_or_else(|e| panic!("awsm wrote no {}: {e}", out.display()))
    }

    /// Whether the runtime is linked in when the pass's step runs, read
    /// from the pipeline `--print-passes` shows for the fixture's flags.
    fn linked(&self) -> bool {
        let output = Command::new(AWSM).args(&self.flags).arg("--print-passes").output().expect("run awsm");
        let listing = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "awsm --print-passes failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let position = |step: &str| listing.lines().position(|l| l.split_whitespace().nth(1) == Some(step));
        let step = position(self.pass.step).unwrap_or_else(|| {
            panic!("`{}` is not in the pipeline for {:?}:\n{listing}", self.pass.step, self.flags)
        });
        position(LINK_STEP).is_some_and(|link| link < step)
    }
}

/// The fixture's flags with the translator's loop plans off: -Os for any
/// speed level (neither plan runs at a size level, src/pipeline.rs).
fn plans_off(flags: &[String]) -> Vec<String> {
    flags
        .iter()
        .map(|f| if ["-O1", "-O2", "-O3"].contains(&f.as_str()) { "-Os".into() } else { f.clone() })
        .collect()
}

/// Runs one fixture: the pass runs, fires, and leaves the expected IR.
fn check(relative: &str) {
    let fixture = Fixture::load(relative);
    let pass = fixture.pass;
    let dir = tempfile::tempdir().expect("temp dir");
    let (before_ll, after_ll) = (dir.path().join("before.ll"), dir.path().join("after.ll"));
    let before = match pass.before {
        Before::StopBefore => fixture.ir(&fixture.flags, "--stop-before", pass.step, &before_ll),
        Before::PlansOff => fixture.ir(&plans_off(&fixture.flags), "--stop-after", pass.step, &before_ll),
    };
    let after = fixture.ir(&fixture.flags, "--stop-after", pass.step, &after_ll);
    let linked = fixture.linked();
    let prefix = fixture.prefix();
    let before = ir::normalise(&before, linked, &prefix, &fixture.keep);
    let after = ir::normalise(&after, linked, &prefix, &fixture.keep);
    if fixture.unchanged {
        // Declarations a pass adds whether or not it finds work do not count.
        let definitions = |text: &str| -> Vec<Vec<String>> {
            ir::functions(text).iter().map(|f| f.lines().map(String::from).collect()).collect()
        };
        assert!(
            definitions(&before) == definitions(&after),
            "{relative}: {} rewrote code it must leave alone:\n{}",
            pass.name,
            common::line_diff(&before, &after, 60)
        );
    } else {
        assert_ne!(before, after, "{relative}: {} changed nothing", pass.name);
        if let Err(why) = (pass.fired)(&before, &after) {
            panic!("{relative}: {} did not fire: {why}", pass.name);
        }
    }
    compare_golden(&fixture.wat.with_extension("expected.ll"), &after);
}

/// Compares `actual` with the golden file, or rewrites it when blessing.
fn compare_golden(path: &Path, actual: &str) {
    if std::env::var_os(BLESS).is_some_and(|v| v == "1") {
        std::fs::write(path, actual).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        return;
    }
    let bless = format!("{BLESS}=1 cargo test --release --test passes");
    let expected = std::fs::read_to_string(path).unwrap_or_else(|_| {
        panic!("{} is missing: review the IR and create it with `{bless}`", path.display())
    });
    if expected != actual {
        panic!(
            "{} differs from the IR after the pass (-expected +actual); if the change is intended, \
             review it and run `{bless}`:\n{}",
            path.display(),
            common::line_diff(&expected, actual, 60)
        );
    }
}

/// One `#[test]` per fixture, named `<pass>__<case>`, so that a failure
/// names the pass.
macro_rules! fixtures {
    ($($test:ident => $path:literal,)*) => {
        $(#[test] #[allow(non_snake_case)] fn $test() { check($path) })*
        /// Every fixture on disk, as the macro lists them.
        const LISTED: &[&str] = &[$($path),*];
    };
}

fixtures! {
    mirror__array_bases => "mirror/array_bases",
    mirror__constant_offset => "mirror/constant_offset",
    mirror__pointer_iv => "mirror/pointer_iv",
    mirror__segment_pointer_iv => "mirror/segment_pointer_iv",
    hoist__fill => "hoist/fill",
    hoist__copy_cortex_m => "hoist/copy_cortex_m",
    hoist__neighbours => "hoist/neighbours",
    hoist__call_in_loop => "hoist/call_in_loop",
    grouped__shift => "grouped/shift",
    grouped__scan => "grouped/scan",
    grouped__apart => "grouped/apart",
    versioning__sum => "versioning/sum",
    versioning__count_down => "versioning/count_down",
    versioning__unsigned_exit => "versioning/unsigned_exit",
    unroll__scan => "unroll/scan",
    reroll__axpy3 => "reroll/axpy3",
    reroll__pointer_ivs => "reroll/pointer_ivs",
    reroll__live_out => "reroll/live_out",
    widen_narrow_logic__crc32 => "widen-narrow-logic/crc32",
    twin_ivs__insertion_sort => "twin-ivs/insertion_sort",
    trap_messages__divide => "trap-messages/divide",
    sse_float_returns__nan_payload => "sse-float-returns/nan_payload",
    expand_wide_divisions__div_u64 => "expand-wide-divisions/div_u64",
    legalize_float_intrinsics__min_nearest => "legalize-float-intrinsics/min_nearest",
    function_sections__two_functions => "function-sections/two_functions",
    size_attributes__oz => "size-attributes/oz",
    cortex_m_constants__firmware => "cortex-m-constants/firmware",
    mask_bits__max_pages => "mask-bits/max_pages",
    cortex_m_size_attributes__wrapper => "cortex-m-size-attributes/wrapper",
    keep_loads__loads => "keep-loads/loads",
    release_loads__shapes => "release-loads/shapes",
    release_loads_o0__local_unused => "release-loads-o0/local_unused",
}

/// A fixture added on disk but not to `fixtures!` would never run; an
/// expected file without its fixture is stale.
#[test]
fn every_fixture_is_listed() {
    let root = common::repo_path("tests/passes");
    let mut on_disk = Vec::new();
    for dir in std::fs::read_dir(&root).expect("read tests/passes").flatten().filter(|d| d.path().is_dir()) {
        for file in std::fs::read_dir(dir.path()).expect("read a pass directory").flatten() {
            let name = file.file_name().to_string_lossy().into_owned();
            let pass = dir.file_name().to_string_lossy().into_owned();
            if let Some(case) = name.strip_suffix(".wat") {
                on_disk.push(format!("{pass}/{case}"));
            } else if let Some(case) = name.strip_suffix(".expected.ll") {
                assert!(dir.path().join(format!("{case}.wat")).exists(), "{pass}/{name} has no fixture");
            }
        }
    }
    on_disk.sort();
    let mut listed: Vec<String> = LISTED.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(on_disk, listed, "tests/passes/ on disk and the fixtures! list in tests/passes.rs differ");
}

/// Pipeline steps without a golden test, and why: none of them rewrites
/// the guest's functions.
const UNTESTED_STEPS: &[(&str, &str)] = &[
    ("translate", "the translator itself; its loop plans are tested as versioning and unroll"),
    ("mem2reg", "LLVM's own mem2reg"),
    ("link-runtime", "links bitcode in; the guest's IR is unchanged"),
    ("link-main", "links bitcode in; the guest's IR is unchanged"),
    ("inline-address-function", "marks a runtime function alwaysinline; the guest's IR is unchanged"),
    ("select-copy-helpers", "keeps or deletes the runtime's memcpy/memset loops"),
    ("linkage", "sets runtime definitions' linkage; the guest's functions are internal or exported already"),
    ("llvm", "LLVM's own pipeline"),
    ("llvm-optimization", "LLVM's own pipeline, its optimization half"),
    ("emit", "writes the output file"),
];

/// Every step of the pipeline has a fixture here or a reason in
/// UNTESTED_STEPS, so that a new pass cannot arrive without a golden
/// test unnoticed. The step list is the one awsm gives for an unknown
/// step name.
#[test]
fn every_pipeline_step_is_covered() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wat = common::repo_path("tests/passes/hoist/fill.wat");
    let output = Command::new(AWSM)
        .args(["--stop-after", "no-such-step"])
        .arg(&wat)
        .arg("-o")
        .arg(dir.path().join("out.ll"))
        .output()
        .expect("run awsm");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let known = stderr
        .split_once("(known: ")
        .and_then(|(_, rest)| rest.split_once(')'))
        .unwrap_or_else(|| panic!("awsm did not list the pipeline's steps: {stderr}"))
        .0;
    for step in known.split(", ") {
        let tested = PASSES
            .iter()
            .any(|p| p.step == step && LISTED.iter().any(|f| f.starts_with(&format!("{}/", p.name))));
        let excused = UNTESTED_STEPS.iter().any(|(s, _)| *s == step);
        assert!(
            tested || excused,
            "pipeline step `{step}` has no fixture under tests/passes/ and no reason in UNTESTED_STEPS"
        );
        assert!(
            !(tested && excused && step != "translate"),
            "`{step}` is tested: remove it from UNTESTED_STEPS"
        );
    }
}

/// Every pass that changes or removes bounds checks has a fixture.
#[test]
fn every_bounds_check_pass_has_a_fixture() {
    for pass in PASSES.iter().filter(|p| p.bounds_checks) {
        let prefix = format!("{}/", pass.name);
        assert!(LISTED.iter().any(|f| f.starts_with(&prefix)), "no fixture tests {}", pass.name);
    }
}
