//! The main command: one input, several inputs, formats, encodings, exit
//! codes, closed pipes.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use crate::cli_util::{fixture_dir, fixtures, lede, lines, run, stderr, stdout, ARTICLE};

#[test]
fn one_file_prints_one_compact_object_and_nothing_on_stderr() {
    let path = &fixtures()[0];
    let out = run(lede().arg(path), 0);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    let v: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(v["schema"], "lede/1");
    assert_eq!(v["source"], path.to_str().unwrap());
    assert_eq!(stderr(&out), "");
}

#[test]
fn stdin_without_path_or_with_dash() {
    let a = run(lede().write_stdin(ARTICLE), 0);
    let b = run(lede().arg("-").write_stdin(ARTICLE), 0);
    assert_eq!(a.stdout, b.stdout);
    let v: serde_json::Value = serde_json::from_slice(&a.stdout).unwrap();
    assert_eq!(v["source"], serde_json::Value::Null);
    assert_eq!(v["headline"]["text"], "Harbour town opens new footbridge");
    assert_eq!(stderr(&a), "");
}

#[test]
fn pretty_and_jsonl_print_the_same_object() {
    let compact = run(lede().write_stdin(ARTICLE), 0);
    let pretty = run(lede().arg("--pretty").write_stdin(ARTICLE), 0);
    let jsonl = run(lede().arg("--jsonl").write_stdin(ARTICLE), 0);
    assert!(stdout(&pretty).lines().count() > 10);
    assert_eq!(compact.stdout, jsonl.stdout);
    let a: serde_json::Value = serde_json::from_slice(&compact.stdout).unwrap();
    let b: serde_json::Value = serde_json::from_slice(&pretty.stdout).unwrap();
    assert_eq!(a, b);
}

#[test]
fn directory_gives_the_same_lines_as_each_file_alone() {
    let root = env!("CARGO_MANIFEST_DIR");
    let all = run(lede().current_dir(root).args(["fixtures", "-q"]), 0);
    let got: Vec<&str> = stdout(&all).lines().collect();
    let files = fixtures();
    assert_eq!(got.len(), files.len());
    for (line, file) in got.iter().zip(&files) {
        let name = format!("fixtures/{}", file.file_name().unwrap().to_str().unwrap());
        let alone = run(lede().current_dir(root).arg(&name), 0);
        assert_eq!(*line, stdout(&alone).trim_end(), "{name}");
    }
    assert_eq!(stderr(&all), "", "--quiet prints no summary");
}

#[test]
fn output_is_identical_across_runs_and_thread_counts() {
    let dir = fixture_dir();
    let one = run(lede().arg(&dir).args(["-j", "1", "-q"]), 0);
    let two = run(lede().arg(&dir).args(["-j", "2", "-q"]), 0);
    let again = run(lede().arg(&dir).args(["--jobs", "2", "-q"]), 0);
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(two.stdout, again.stdout);
}

#[test]
fn several_paths_keep_command_line_order_and_sort_directories() {
    let files = fixtures();
    let tmp = tempfile::tempdir().unwrap();
    for name in ["b.txt", "a.txt", "sub/c.txt", "a/z.txt", "notes.md"] {
        let p = tmp.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, ARTICLE).unwrap();
    }
    let out = run(lede().arg(&files[1]).arg(tmp.path()).arg(&files[0]), 0);
    let sources: Vec<String> = lines(stdout(&out))
        .iter()
        .map(|v| v["source"].as_str().unwrap().to_string())
        .collect();
    let t = tmp.path().to_str().unwrap();
    assert_eq!(
        sources,
        [
            files[1].to_str().unwrap().to_string(),
            format!("{t}/a/z.txt"),
            format!("{t}/a.txt"),
            format!("{t}/b.txt"),
            format!("{t}/sub/c.txt"),
            files[0].to_str().unwrap().to_string(),
        ]
    );
    let summary = stderr(&out);
    assert!(
        summary.starts_with("lede: 6 articles (0 failed)"),
        "{summary}"
    );
}

#[test]
fn glob_and_hidden_choose_files_from_directories() {
    let tmp = tempfile::tempdir().unwrap();
    for name in ["a.txt", "b.md", ".hidden/c.txt", ".d.txt"] {
        let p = tmp.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, ARTICLE).unwrap();
    }
    let count = |args: &[&str]| {
        let out = run(lede().arg(tmp.path()).args(args).arg("-q"), 0);
        stdout(&out).lines().count()
    };
    assert_eq!(count(&[]), 1);
    assert_eq!(count(&["--glob", "*.md"]), 1);
    assert_eq!(count(&["--glob", "*.md", "--glob", "*.txt"]), 2);
    assert_eq!(count(&["--hidden"]), 3);
    let bad = run(lede().arg(tmp.path()).args(["--glob", "a[b"]), 2);
    assert!(stderr(&bad).contains("--glob"));
}

#[test]
fn explain_prints_each_block_with_role_and_rule() {
    let out = run(lede().arg("--explain").write_stdin(ARTICLE), 0);
    let text = stdout(&out);
    let first = text.lines().next().unwrap();
    assert!(first.contains("0..33"), "{first}");
    assert!(first.contains("headline"), "{first}");
    assert!(text.lines().any(|l| l.contains("byline")));
    assert!(text.lines().filter(|l| l.contains("paragraph")).count() >= 3);
    let batch = run(lede().arg("--explain").args(&fixtures()[..2]), 0);
    assert_eq!(stdout(&batch).matches("==> ").count(), 2);
}

#[test]
fn text_format_is_a_summary_coloured_only_when_asked() {
    let plain = run(lede().args(["--format", "text"]).write_stdin(ARTICLE), 0);
    let text = stdout(&plain);
    assert!(text.contains("Harbour town opens new footbridge"), "{text}");
    assert!(text.contains("Mara Quint"));
    assert!(text.contains("1 quote in 1 quotation,"), "{text}");
    assert!(!text.contains('\x1b'), "not a terminal: no colour");
    let always = run(
        lede()
            .args(["--format", "text", "--color", "always"])
            .write_stdin(ARTICLE),
        0,
    );
    assert!(stdout(&always).contains("\x1b["));
    let never = run(
        lede()
            .args(["--format", "text", "--color", "never"])
            .env("NO_COLOR", "1")
            .write_stdin(ARTICLE),
        0,
    );
    assert!(!stdout(&never).contains('\x1b'));
    // JSON is never coloured.
    let json = run(lede().args(["--color", "always"]).write_stdin(ARTICLE), 0);
    assert!(!stdout(&json).contains('\x1b'));
}

#[test]
fn usage_errors_exit_2() {
    let dir = fixture_dir();
    for args in [
        vec!["--no-such-flag"],
        vec!["--pretty", dir.to_str().unwrap()],
        vec!["--out", "/tmp/x", "-"],
        vec!["--encoding", "ebcdic"],
        vec!["--max-bytes", "lots"],
        vec!["--format", "yaml"],
        vec!["--explain", "--out", "/tmp/x", "a.txt"],
        vec!["--input", "jsonl", "--encoding", "latin1"],
        vec!["completions", "tcsh"],
    ] {
        let out = run(lede().args(&args), 2);
        assert!(stderr(&out).contains("error"), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn awkward_but_valid_text_gives_valid_json() {
    for (name, text) in [
        ("crlf", ARTICLE.replace('\n', "\r\n")),
        ("bom", format!("\u{feff}{ARTICLE}")),
        ("empty", String::new()),
        ("blank", " \n\t\n\u{a0}\n".to_string()),
        (
            "controls",
            "Head\u{202e}line\n\nBody \u{7} text.\n".to_string(),
        ),
    ] {
        let out = run(lede().write_stdin(text.clone()), 0);
        let a: lede::Analysis = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{name}: {e}: {}", stdout(&out)));
        assert_eq!(a.stats.bytes, text.len(), "{name}");
    }
    let empty = run(lede().write_stdin(""), 0);
    assert!(stdout(&empty).contains("empty_input"));
}

#[test]
fn bad_bytes_are_reported_with_a_hint_and_exit_1() {
    let cases: [(&[u8], &str, &[&str]); 3] = [
        (
            b"Caf\xe9 culture\n",
            "invalid UTF-8",
            &["byte offset 3", "--encoding"],
        ),
        (b"\xff\xfeH\0i\0", "UTF-16", &["--encoding utf-16"]),
        (b"text\0more", "binary", &["offset 4"]),
    ];
    for (bytes, what, words) in cases {
        let out = run(lede().write_stdin(bytes), 1);
        assert!(out.stdout.is_empty(), "{what}: nothing on stdout");
        let err = stderr(&out);
        assert!(err.starts_with("lede: error: <stdin>: "), "{err}");
        for w in words {
            assert!(err.contains(w), "{what}: {err}");
        }
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

#[test]
fn encodings_decode_when_asked() {
    let latin = run(
        lede()
            .args(["--encoding", "latin1"])
            .write_stdin(&b"Caf\xe9 culture\n"[..]),
        0,
    );
    assert!(stdout(&latin).contains("Café culture"));
    let cp1252 = run(
        lede()
            .args(["--encoding", "windows-1252"])
            .write_stdin(&b"He said \x93yes\x94 today.\n"[..]),
        0,
    );
    assert!(stdout(&cp1252).contains("\u{201c}yes\u{201d}"));
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Bridge opens\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let out = run(lede().args(["--encoding", "utf-16"]).write_stdin(utf16), 0);
    assert!(stdout(&out).contains("Bridge opens"));
    let be: Vec<u8> = "Bridge opens\n"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    let out = run(lede().args(["--encoding", "utf-16be"]).write_stdin(be), 0);
    assert!(stdout(&out).contains("Bridge opens"));
    let le: Vec<u8> = "Bridge opens\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let out = run(lede().args(["--encoding", "utf-16le"]).write_stdin(le), 0);
    assert!(stdout(&out).contains("Bridge opens"));
    let out = run(lede().args(["--encoding", "UTF-8"]).write_stdin(ARTICLE), 0);
    assert!(stdout(&out).contains("footbridge"));
}

#[test]
fn max_bytes_limits_each_input() {
    let path = &fixtures()[0];
    let size = std::fs::metadata(path).unwrap().len();
    let out = run(lede().arg(path).args(["--max-bytes", "1K"]), 1);
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains(&format!("input is {size} bytes, over the limit of 1024")));
    let stream = run(lede().arg(path).args(["--max-bytes", "1K", "--jsonl"]), 1);
    let v = &lines(stdout(&stream))[0];
    assert_eq!(v["error"]["kind"], "too_large");
    run(lede().arg(path).args(["--max-bytes", &size.to_string()]), 0);
    run(lede().arg(path).args(["--max-bytes", "0"]), 0);
    // Standard input is counted as it is read.
    let out = run(lede().args(["--max-bytes", "10"]).write_stdin(ARTICLE), 1);
    assert!(stderr(&out).contains("over the limit of 10 bytes"));
}

#[test]
fn missing_file_is_an_input_failure() {
    let out = run(lede().arg("no/such/article.txt"), 1);
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("no/such/article.txt"));
    let stream = run(lede().args(["--jsonl", "no/such/article.txt"]), 1);
    let v = &lines(stdout(&stream))[0];
    assert_eq!(v["source"], "no/such/article.txt");
    assert_eq!(v["error"]["kind"], "not_found");
}

#[test]
fn terminal_text_in_messages_is_sanitised() {
    let tmp = tempfile::tempdir().unwrap();
    let evil = tmp.path().join("evil\x1b[31m\u{202e}.txt");
    std::fs::write(&evil, b"a\0b").unwrap();
    let out = run(lede().arg(&evil), 1);
    let err = stderr(&out);
    assert!(
        !err.contains('\x1b') && !err.contains('\u{202e}'),
        "{err:?}"
    );
    assert!(err.contains("\\u{1b}[31m\\u{202e}"), "{err}");
}

#[test]
fn closed_pipe_ends_quietly_with_0() {
    // Enough output to fill the pipe long after the reader has gone.
    let dir = fixture_dir();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(std::iter::repeat_n(&dir, 30))
        .arg("-q")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("{\"schema\""));
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn failing_stdout_is_reported_and_exits_2() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return;
    };
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lede"))
        .arg(&fixtures()[0])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("lede: "), "{}", stderr(&out));
}

#[test]
fn help_version_and_exit_codes_are_documented() {
    let help = run(lede().arg("--help"), 0);
    let text = stdout(&help);
    for word in [
        "Exit codes",
        "130",
        "--max-bytes",
        "--input",
        "check",
        "lint",
        "schema",
    ] {
        assert!(text.contains(word), "--help lacks {word}");
    }
    let version = run(lede().arg("--version"), 0);
    assert!(stdout(&version).starts_with("lede "));
    for sub in ["check", "lint", "schema", "completions", "man"] {
        run(lede().args([sub, "--help"]), 0);
    }
}

#[test]
fn completions_and_man_page_come_from_the_clap_definition() {
    for (shell, marker) in [
        ("bash", "_lede()"),
        ("zsh", "#compdef lede"),
        ("fish", "complete -c lede"),
    ] {
        let out = run(lede().args(["completions", shell]), 0);
        let text = stdout(&out);
        assert!(text.contains(marker), "{shell}");
        assert!(text.contains("max-bytes"), "{shell}");
    }
    let man = run(lede().arg("man"), 0);
    assert!(stdout(&man).contains(".TH lede"));
    assert!(stdout(&man).contains("max\\-bytes"));
    let check = run(lede().args(["man", "check"]), 0);
    assert!(stdout(&check).contains(".TH lede-check"));
    assert!(stdout(&check).contains("bless"));
    run(lede().args(["man", "nope"]), 2);
}

/// `rust-version` in Cargo.toml is the newest that a locked dependency
/// built on this host declares, and the README says the same. (The host's
/// graph alone: a clean checkout has fetched only the crates it builds, not
/// the Windows-only ones the lock file also lists.)
#[test]
fn rust_version_matches_the_locked_dependencies() {
    let root = env!("CARGO_MANIFEST_DIR");
    let rustc = std::process::Command::new(std::env::var("RUSTC").unwrap_or("rustc".into()))
        .arg("-vV")
        .output()
        .expect("rustc -vV");
    let host = String::from_utf8_lossy(&rustc.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_owned))
        .expect("rustc names its host");
    let out = std::process::Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked", "--offline"])
        .args(["--filter-platform", &host])
        .current_dir(root)
        .output()
        .expect("cargo metadata");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let version = |v: &str| -> (u64, u64) {
        let mut parts = v.split('.').map(|p| p.parse::<u64>().unwrap_or(0));
        (parts.next().unwrap_or(0), parts.next().unwrap_or(0))
    };
    let mut ours = None;
    let mut newest = (0, 0);
    for p in meta["packages"].as_array().unwrap() {
        let Some(v) = p["rust_version"].as_str() else {
            continue;
        };
        if p["name"] == "lede" {
            ours = Some(version(v));
        } else {
            newest = newest.max(version(v));
        }
    }
    let ours = ours.expect("lede declares rust-version");
    assert_eq!(
        ours, newest,
        "rust-version {ours:?}, a locked dependency needs {newest:?}"
    );
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    assert!(
        readme.contains(&format!("Rust toolchain ({}.{} or newer", ours.0, ours.1)),
        "the README states rust-version"
    );
}

/// A wire dateline with a date gives place, agency and date.
#[test]
fn datelines_with_a_date() {
    for (first, place, agency, date) in [
        (
            "OSLO, May 4 (Nordwire) - Ferries across the fjord were cancelled on Monday after a storm.",
            "OSLO",
            Some("Nordwire"),
            "May 4",
        ),
        (
            "SPRINGVALE, Ore., Sept. 12 (Valley Press) — A small dam gave way on Tuesday, flooding two farms.",
            "SPRINGVALE, Ore.",
            Some("Valley Press"),
            "Sept. 12",
        ),
    ] {
        let text = format!("Storm closes ferry routes\n\nBy Ida Brekke\n\n{first}\n\nCrews worked through the night.\n");
        let out = run(lede().write_stdin(text.clone()), 0);
        let a: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let d = &a["dateline"];
        assert_eq!(d["place"], place, "{d}");
        assert_eq!(d["agency"], serde_json::json!(agency), "{d}");
        assert_eq!(d["date"], date, "{d}");
        let (s, e) = (d["span"][0].as_u64().unwrap() as usize, d["span"][1].as_u64().unwrap() as usize);
        assert!(text[s..e].contains(date), "{}", &text[s..e]);
        // The paragraph keeps its words.
        assert_eq!(a["paragraphs"][0]["text"], first);
    }
    let plain = run(lede().write_stdin(ARTICLE), 0);
    let a: serde_json::Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert!(a["dateline"].is_null());
}
