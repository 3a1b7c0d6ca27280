//! Readable differences between expected and actual text, for failure
//! messages that show where two outputs part ways.

/// Shows where two texts differ: the common leading and trailing lines are
/// skipped (with a little context) and the differing middle is printed as
/// `-expected` / `+actual` lines, each side capped at `max_lines`.
pub fn line_diff(expected: &str, actual: &str, max_lines: usize) -> String {
    const CONTEXT: usize = 2;
    let exp: Vec<&str> = expected.split_inclusive('\n').collect();
    let act: Vec<&str> = actual.split_inclusive('\n').collect();
    let prefix = exp.iter().zip(&act).take_while(|(a, b)| a == b).count();
    let suffix =
        exp[prefix..].iter().rev().zip(act[prefix..].iter().rev()).take_while(|(a, b)| a == b).count();
    let mut out = String::new();
    let start = prefix.saturating_sub(CONTEXT);
    if start > 0 {
        out.push_str(&format!("  ... {start} identical line(s)\n"));
    }
    for line in &exp[start..prefix] {
        push_line(&mut out, ' ', line);
    }
    for (sign, lines) in [('-', &exp[prefix..exp.len() - suffix]), ('+', &act[prefix..act.len() - suffix])] {
        for line in lines.iter().take(max_lines) {
            push_line(&mut out, sign, line);
        }
        if lines.len() > max_lines {
            out.push_str(&format!("{sign} ... {} more line(s)\n", lines.len() - max_lines));
        }
    }
    let context_end = (exp.len() - suffix + CONTEXT).min(exp.len());
    for line in &exp[exp.len() - suffix..context_end] {
        push_line(&mut out, ' ', line);
    }
    if context_end < exp.len() {
        out.push_str(&format!("  ... {} identical line(s)\n", exp.len() - context_end));
    }
    out
}

fn push_line(out: &mut String, sign: char, line: &str) {
    out.push(sign);
    out.push(' ');
    let (body, newline) = match line.strip_suffix('\n') {
        Some(body) => (body, true),
        None => (line, false),
    };
    // Control characters (tabs, a stray \r, NULs) are escaped so they show.
    for c in body.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out.push_str(if newline { "\n" } else { "  (no newline at end)\n" });
}
