//! One script on one configuration: plan it, compile its modules, build
//! and run its driver, and read the driver's report back.

use super::cgen;
use super::plan::{self, Entry, Op, Plan, Report, State};
use super::toolchain::{Config, Tools};
use std::path::Path;

/// Plan, build and run one script on `config`; every directive's report.
pub fn run(config: &Config, tools: &Tools, script: &str, text: &str, root: &Path, full: bool) -> Vec<Report> {
    let mut plan = match plan::build(text) {
        Ok(p) => p,
        Err(e) => return vec![Report { line: 0, state: State::Failed(e) }],
    };
    if plan.entries.iter().all(|e| e.report.is_none()) {
        return settle(plan.reports, "nothing to run");
    }
    let stem = script.trim_end_matches(".wast").replace('/', "-");
    let dir = root.join(config.name).join(&stem);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        return settle(plan.reports, &format!("cannot create {}: {e}", dir.display()));
    }
    let mut objects = Vec::new();
    let mut errors = Vec::new();
    for (i, wasm) in plan.modules.iter().enumerate() {
        let object = dir.join(format!("{}.o", cgen::prefix(i)));
        match config.compile(wasm, &cgen::prefix(i), &object, full) {
            Ok(()) => objects.push(object),
            Err(e) => errors.push((i, format!("compilation failed: {e}"))),
        }
    }
    let mut failed = vec![false; plan.modules.len()];
    for (i, why) in errors {
        failed[i] = true;
        fail_module(&mut plan, i, &why);
    }
    let data = dir.join("tables.inc");
    let exe = dir.join("driver");
    let built = std::fs::write(&data, cgen::generate(&plan, &failed, config.strategy.id()))
        .map_err(|e| format!("cannot write {}: {e}", data.display()))
        .and_then(|()| config.link(tools, &data, &objects, &exe));
    if let Err(e) = built {
        return settle(plan.reports, &e);
    }
    let run = match config.run(tools, &exe) {
        Ok(run) => run,
        Err(e) => return settle(plan.reports, &e),
    };
    let stdout = String::from_utf8_lossy(&run.stdout);
    let mut finished = false;
    for line in stdout.lines() {
        if line == "done" {
            finished = true;
            continue;
        }
        let (id, verdict) = line.split_once(' ').unwrap_or((line, ""));
        let Some(id) = id.parse::<usize>().ok().filter(|&i| i < plan.reports.len()) else {
            plan.reports.push(Report { line: 0, state: State::Failed(format!("driver said: {line}")) });
            continue;
        };
        plan.reports[id].state = match verdict.strip_prefix("FAIL ") {
            None if verdict == "ok" => State::Passed,
            None => State::Failed(format!("unreadable report: {line}")),
            Some(why) => State::Failed(describe_failure(&plan.entries, id, why)),
        };
    }
    let ended = if run.timed_out { "was killed after its time limit" } else { "ended early" };
    let why = format!(
        "the driver {ended} ({}): {}",
        run.describe_status(),
        String::from_utf8_lossy(&run.stderr).trim().lines().last().unwrap_or("")
    );
    let mut reports = settle(plan.reports, &why);
    if !finished || !run.status.success() {
        reports.push(Report { line: 0, state: State::Failed(why) });
    }
    reports
}

/// The failure text of report `report`: what the driver saw, and what the
/// script expected.
fn describe_failure(entries: &[Entry], report: usize, why: &str) -> String {
    let Some(e) = entries.iter().find(|e| e.report == Some(report)) else { return why.to_string() };
    if let Some(m) = e.module {
        let expected =
            if e.message.is_empty() { String::new() } else { format!(", expected {:?}", e.message) };
        return format!("module {}{expected}: {why}", cgen::prefix(m));
    }
    let name = String::from_utf8_lossy(&e.name);
    let args: Vec<String> = e.params.chars().zip(&e.args).map(|(l, a)| format!("{l}:{a:#x}")).collect();
    let expected = match e.op {
        Op::Return | Op::Get => {
            let values: Vec<String> = e
                .expects
                .iter()
                .map(|x| {
                    if x.nonnull {
                        format!("{}:non-null", x.ty as char)
                    } else {
                        format!("{}:{:#x}/mask {:#x}", x.ty as char, x.bits, x.mask)
                    }
                })
                .collect();
            format!("expected [{}]", values.join(", "))
        }
        Op::Trap | Op::ModuleTraps | Op::Unlinkable => format!("expected {:?}", e.message),
        _ => String::new(),
    };
    format!("{name:?}({}) {expected}: {why}", args.join(", "))
}

/// Reports of module `module`'s instantiations fail with `why`.
fn fail_module(plan: &mut Plan, module: usize, why: &str) {
    for e in &plan.entries {
        if e.module == Some(module)
            && let Some(r) = e.report
        {
            plan.reports[r].state = State::Failed(why.to_string());
        }
    }
}

/// Every report still pending fails with `why`.
fn settle(mut reports: Vec<Report>, why: &str) -> Vec<Report> {
    for r in &mut reports {
        if r.state == State::Pending {
            r.state = State::Failed(why.to_string());
        }
    }
    reports
}
