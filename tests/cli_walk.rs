//! Walking and input as rg and fd do it: gitignore-style globs with `!`,
//! `--iglob`, a clear failure when nothing is selected, and a hint when
//! lede waits on a terminal.

use std::fs;
use std::path::Path;

use crate::cli_util::{lede, lines, run, stderr, stdout, ARTICLE};

fn tree(root: &Path, names: &[&str]) {
    for name in names {
        let p = root.join(name);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, ARTICLE).unwrap();
    }
}

fn sources(root: &Path, args: &[&str]) -> Vec<String> {
    let out = run(lede().arg(root).args(args).arg("-q"), 0);
    lines(stdout(&out))
        .iter()
        .map(|r| {
            let s = r["source"].as_str().unwrap();
            Path::new(s)
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

#[test]
fn negated_and_case_insensitive_globs() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    tree(
        root,
        &[
            "b.txt",
            "A.TXT",
            "drafts/c.txt",
            "sub/d.txt",
            "sub/notes.md",
            "sub-x/e.txt",
        ],
    );
    // Sorted component by component, as a sorted depth-first walk.
    assert_eq!(
        sources(root, &[]),
        ["b.txt", "drafts/c.txt", "sub/d.txt", "sub-x/e.txt"]
    );
    assert_eq!(
        sources(root, &["--glob", "!drafts/"]),
        ["b.txt", "sub/d.txt", "sub-x/e.txt"]
    );
    assert_eq!(
        sources(root, &["--glob", "*.txt", "--glob", "!sub*/**"]),
        ["b.txt", "drafts/c.txt"]
    );
    assert_eq!(
        sources(root, &["--iglob", "*.txt"]),
        ["A.TXT", "b.txt", "drafts/c.txt", "sub/d.txt", "sub-x/e.txt"]
    );
    assert_eq!(
        sources(root, &["--iglob", "*.TXT", "--glob", "!*/"]),
        ["A.TXT", "b.txt"]
    );
    // The same whatever the thread count.
    let one = run(
        lede().arg(root).args(["-q", "-j", "1", "--iglob", "*.txt"]),
        0,
    );
    let many = run(
        lede().arg(root).args(["-q", "-j", "4", "--iglob", "*.txt"]),
        0,
    );
    assert_eq!(one.stdout, many.stdout);
}

#[test]
fn nothing_to_read_fails_with_a_message() {
    let tmp = tempfile::tempdir().unwrap();
    let md = tmp.path().join("md");
    tree(&md, &["a.md", "b/c.md"]);
    let out = run(lede().arg(&md), 1);
    assert_eq!(stdout(&out), "");
    let err = stderr(&out);
    assert!(err.contains("no file to read"), "{err}");
    assert!(err.contains("*.txt"), "{err}");
    assert!(err.contains("--glob"), "{err}");
    // A glob that excludes everything, in record mode too.
    let txt = tmp.path().join("txt");
    tree(&txt, &["a.txt"]);
    let out = run(
        lede().arg(&txt).args(["--glob", "*.txt", "--glob", "!a*"]),
        1,
    );
    assert!(stderr(&out).contains("no file to read"), "{}", stderr(&out));
    let out = run(lede().args(["--input", "jsonl"]).arg(&txt), 1);
    assert!(stderr(&out).contains("*.jsonl"), "{}", stderr(&out));
    // One empty folder among good inputs: the others are read, the run fails.
    let out = run(lede().arg(&txt).arg(&md).arg("-q"), 1);
    assert_eq!(lines(stdout(&out)).len(), 1);
    assert!(stderr(&out).contains("no file to read"));
    // check and lint, too.
    for sub in ["check", "lint"] {
        let out = run(lede().arg(sub).arg(&md), 1);
        assert!(
            stderr(&out).contains("no file to read"),
            "{sub}: {}",
            stderr(&out)
        );
    }
}

/// On a terminal, `lede` alone says it reads standard input. Run under
/// `script`, which gives it a pseudo-terminal; skipped where there is none.
#[test]
fn lede_alone_on_a_terminal_says_it_reads_stdin() {
    let bin = env!("CARGO_BIN_EXE_lede");
    let Ok(out) = std::process::Command::new("script")
        .args([
            "-q",
            "-e",
            "-c",
            &format!("{bin} --format text < /dev/tty"),
            "/dev/null",
        ])
        .stdin(std::process::Stdio::piped())
        .output()
    else {
        eprintln!("no `script` command: skipped");
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() && !text.contains("lede") {
        eprintln!("no pseudo-terminal: skipped ({:?})", out.status);
        return;
    }
    assert!(
        text.contains("reading an article from standard input") && text.contains("lede FILE"),
        "{text}"
    );
    // Not on a pipe.
    let out = run(lede().write_stdin(ARTICLE), 0);
    assert_eq!(stderr(&out), "");
}
