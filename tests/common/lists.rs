//! The tests' list files (spec_skip.txt, spec_cross/known_failures.txt,
//! example_code/*.expected) share one shape: an entry a line, blank lines
//! and `#` comments ignored, and errors that name the line. Spec lists
//! also name a script or one directive of it as `<script>[:<line>]`.

/// The entries of a list file's `text`: (line number from 1, the line
/// trimmed), without blank lines and `#` comments.
pub fn entries(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(index, line)| (index + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
}

/// Splits `<script>[:<line>]` into the script and, when given, the line
/// of one directive in it.
pub fn script_location(what: &str) -> Result<(&str, Option<usize>), String> {
    match what.rsplit_once(':') {
        Some((script, line)) if line.chars().all(|c| c.is_ascii_digit()) => {
            let line = line.parse().map_err(|e| format!("bad line number in {what:?}: {e}"))?;
            Ok((script, Some(line)))
        }
        _ => Ok((what, None)),
    }
}
