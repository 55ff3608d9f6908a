//! `lede lint` in its three formats.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::cli_util::{lede, lines, run, stderr, stdout, ARTICLE, PROBLEMS};

/// Line and column of the first occurrence of `needle` in `PROBLEMS`.
fn position(needle: &str) -> (usize, usize) {
    let at = PROBLEMS.find(needle).unwrap();
    let before = &PROBLEMS[..at];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (line, column)
}

#[test]
fn lint_finds_each_problem_with_line_and_column() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("problems.txt");
    std::fs::write(&file, PROBLEMS).unwrap();
    let out = run(lede().args(["lint", "--color", "never"]).arg(&file), 1);
    let text = stdout(&out);
    let name = file.to_str().unwrap();
    let expect = |rule: &str, severity: &str, (line, col): (usize, usize)| {
        let head = format!("{name}:{line}:{col}: {severity}[{rule}]: ");
        assert!(text.contains(&head), "missing {head}\n{text}");
    };
    let (l, c) = position("to to");
    expect("doubled-word", "warning", (l, c + 3));
    let (l, c) = position(":\"Come");
    expect("missing-space-after-colon", "warning", (l, c));
    expect(
        "mismatched-quotes",
        "warning",
        position("\u{201d} Reyes said"),
    );
    expect("unclosed-quote", "error", position("\"The timetable"));
    expect(
        "boilerplate-in-body",
        "warning",
        position("Listen to this article"),
    );
    expect(
        "boilerplate-in-body",
        "warning",
        position("Read more: Harbour"),
    );
    expect(
        "boilerplate-in-body",
        "warning",
        position("Read more: Island"),
    );
    assert!(text.contains("hint: "));
    assert!(stderr(&out).contains("1 error"), "{}", stderr(&out));
}

#[test]
fn lint_json_and_github_formats() {
    let out = run(
        lede()
            .args(["lint", "--format", "json"])
            .write_stdin(PROBLEMS),
        1,
    );
    let reports = lines(stdout(&out));
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0]["source"], Value::Null);
    let findings = reports[0]["findings"].as_array().unwrap();
    let rules: BTreeSet<&str> = findings
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    for rule in [
        "doubled-word",
        "missing-space-after-colon",
        "mismatched-quotes",
        "unclosed-quote",
        "boilerplate-in-body",
    ] {
        assert!(rules.contains(rule), "{rule}: {rules:?}");
    }
    for f in findings {
        for key in ["severity", "line", "column", "span", "message", "hint"] {
            assert!(!f[key].is_null(), "{key} in {f}");
        }
    }

    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("p.txt");
    std::fs::write(&file, PROBLEMS).unwrap();
    let out = run(lede().args(["lint", "--format", "github"]).arg(&file), 1);
    let text = stdout(&out);
    let (line, col) = position("\"The timetable");
    let want = format!(
        "::error file={},line={line},col={col},title=lede unclosed-quote::",
        file.to_str().unwrap()
    );
    assert!(text.contains(&want), "{want}\n{text}");
    assert!(text.lines().all(|l| l.starts_with("::warning ")
        || l.starts_with("::error ")
        || l.starts_with("::notice ")));
    assert!(text.contains("::warning file="));
}

#[test]
fn lint_exit_code_follows_fail_on() {
    // A clean article: no error, exit 0.
    let out = run(lede().arg("lint").write_stdin(ARTICLE), 0);
    assert!(!stdout(&out).contains("error["), "{}", stdout(&out));
    run(
        lede()
            .args(["lint", "--fail-on", "never"])
            .write_stdin(PROBLEMS),
        0,
    );
    run(
        lede()
            .args(["lint", "--fail-on", "warning"])
            .write_stdin(PROBLEMS),
        1,
    );
    // Missing parts.
    let bare = "The council met on Tuesday and agreed the budget for next year.\n";
    let out = run(
        lede()
            .args(["lint", "--fail-on", "warning", "-q"])
            .write_stdin(bare),
        1,
    );
    assert!(stdout(&out).contains("[missing-byline]"));
    assert!(stdout(&out).contains("[missing-headline]"));
    assert_eq!(stderr(&out), "");
}

#[test]
fn lint_reports_unreadable_input_and_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("a.txt"), ARTICLE).unwrap();
    std::fs::write(tmp.path().join("b.txt"), b"\xff\xfe").unwrap();
    let out = run(lede().args(["lint", "--format", "json"]).arg(tmp.path()), 1);
    let reports = lines(stdout(&out));
    assert_eq!(reports.len(), 2);
    assert!(reports[0]["findings"].is_array());
    assert_eq!(reports[1]["error"]["kind"], "utf16");
    let gh = run(
        lede().args(["lint", "--format", "github"]).arg(tmp.path()),
        1,
    );
    assert!(stdout(&gh).contains("::error file="), "{}", stdout(&gh));
}
