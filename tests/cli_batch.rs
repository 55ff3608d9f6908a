//! Batches: faults inside a folder, --out, record mode, Ctrl-C.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{json, Value};

use crate::cli_util::{fixtures, lede, lines, privileged, run, stderr, stdout, ARTICLE};

/// Every file below `dir`, relative, sorted.
fn tree(dir: &Path) -> Vec<PathBuf> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                out.push(p.strip_prefix(base).unwrap().to_path_buf());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// A copy of the fixtures as `root/top/*.txt` and `root/top/sub/*.txt`.
fn fixture_tree(root: &Path) -> PathBuf {
    let top = root.join("top");
    fs::create_dir_all(top.join("sub")).unwrap();
    for (i, f) in fixtures().iter().enumerate().take(6) {
        let name = f.file_name().unwrap();
        let to = if i % 2 == 0 {
            top.join(name)
        } else {
            top.join("sub").join(name)
        };
        fs::copy(f, to).unwrap();
    }
    top
}

#[test]
fn a_folder_with_three_bad_files_reports_exactly_those_and_exits_1() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    fs::write(dir.join("good.txt"), ARTICLE).unwrap();
    fs::write(dir.join("binary.txt"), b"PK\x03\x04\0\0\x14\0").unwrap();
    std::os::unix::fs::symlink("gone.txt", dir.join("broken.txt")).unwrap();
    // Unreadable: no permission; as root, which reads anything, a FIFO
    // (lede never opens one it found by walking: that could hang).
    let unreadable = dir.join("unreadable.txt");
    let expected_kind = if privileged(dir) {
        let ok = std::process::Command::new("mkfifo")
            .arg(&unreadable)
            .status()
            .unwrap();
        assert!(ok.success());
        "not_a_file"
    } else {
        use std::os::unix::fs::PermissionsExt;
        fs::write(&unreadable, ARTICLE).unwrap();
        fs::set_permissions(&unreadable, fs::Permissions::from_mode(0o000)).unwrap();
        "permission_denied"
    };
    let out = run(lede().arg(dir), 1);
    let records = lines(stdout(&out));
    assert_eq!(records.len(), 4, "{}", stdout(&out));
    let kinds: BTreeMap<String, Value> = records
        .iter()
        .filter(|r| r.get("error").is_some())
        .map(|r| {
            let name = Path::new(r["source"].as_str().unwrap())
                .file_name()
                .unwrap();
            (
                name.to_str().unwrap().to_string(),
                r["error"]["kind"].clone(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        BTreeMap::from([
            ("binary.txt".to_string(), json!("binary")),
            ("broken.txt".to_string(), json!("broken_symlink")),
            ("unreadable.txt".to_string(), json!(expected_kind)),
        ])
    );
    let good = records.iter().find(|r| r.get("error").is_none()).unwrap();
    assert!(good["source"].as_str().unwrap().ends_with("good.txt"));
    let err = stderr(&out);
    assert_eq!(
        err.lines()
            .filter(|l| l.starts_with("lede: error: "))
            .count(),
        3,
        "{err}"
    );
    assert!(err.contains("4 articles (3 failed)"), "{err}");
}

#[test]
fn symlink_loops_are_reported_not_followed_forever() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("d");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    std::os::unix::fs::symlink("self.txt", dir.join("self.txt")).unwrap();
    std::os::unix::fs::symlink("..", dir.join("up")).unwrap();
    let out = run(lede().arg(&dir).arg("-q"), 1);
    let records = lines(stdout(&out));
    assert_eq!(records.len(), 2);
    assert_eq!(records[1]["error"]["kind"], "symlink_loop");
    // A link named like an article that leads to a directory.
    std::os::unix::fs::symlink(tmp.path(), dir.join("folder.txt")).unwrap();
    let out = run(lede().arg(&dir).arg("-q"), 1);
    let records = lines(stdout(&out));
    assert_eq!(
        records[1]["error"]["kind"],
        "is_directory",
        "{}",
        stdout(&out)
    );
    std::fs::remove_file(dir.join("folder.txt")).unwrap();
    // Following directory links: the loop through `up` is found and reported.
    let out = run(lede().arg(&dir).args(["-L", "-q"]), 1);
    let kinds: Vec<&str> = lines(stdout(&out))
        .iter()
        .filter_map(|r| r["error"]["kind"].as_str().map(str::to_string))
        .map(|k| if k == "symlink_loop" { "loop" } else { "other" })
        .collect();
    assert_eq!(kinds, ["loop", "loop"], "{}", stdout(&out));
}

#[test]
fn out_mirrors_the_tree_atomically_and_matches_stdout() {
    let tmp = tempfile::tempdir().unwrap();
    let top = fixture_tree(tmp.path());
    let before = tree(&top);
    let inputs: Vec<(PathBuf, Vec<u8>)> = before
        .iter()
        .map(|p| (p.clone(), fs::read(top.join(p)).unwrap()))
        .collect();
    let out_dir = tmp.path().join("out");
    let out = run(lede().arg(&top).arg("--out").arg(&out_dir), 0);
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("6 articles (0 failed)"));
    let written = tree(&out_dir);
    let expected: Vec<PathBuf> = before.iter().map(|p| p.with_extension("json")).collect();
    assert_eq!(written, expected, "one .json per article, no temp file");
    for (rel, bytes) in &inputs {
        assert_eq!(&fs::read(top.join(rel)).unwrap(), bytes, "input untouched");
        let alone = run(lede().arg(top.join(rel)), 0);
        let file = fs::read(out_dir.join(rel.with_extension("json"))).unwrap();
        assert_eq!(file, alone.stdout, "{rel:?}");
    }
    // Again, pretty: the files are replaced whole.
    run(
        lede()
            .arg(&top)
            .arg("--out")
            .arg(&out_dir)
            .args(["--pretty", "-q"]),
        0,
    );
    assert_eq!(tree(&out_dir), expected);
    let first: Value =
        serde_json::from_slice(&fs::read(out_dir.join(&expected[0])).unwrap()).unwrap();
    assert_eq!(first["schema"], "lede/1");
}

#[test]
fn out_never_overwrites_an_input() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    fs::write(dir.join("a.json"), "{\"mine\": true}\n").unwrap();
    // Every file is an input here, so a.txt's output a.json is refused.
    let out = run(lede().arg(dir).args(["--glob", "*", "--out"]).arg(dir), 1);
    assert_eq!(
        fs::read_to_string(dir.join("a.json")).unwrap(),
        "{\"mine\": true}\n"
    );
    assert_eq!(fs::read_to_string(dir.join("a.txt")).unwrap(), ARTICLE);
    assert!(stderr(&out).contains("output_is_input") || stderr(&out).contains("one of the inputs"));
    // Beside the inputs with the default glob is fine: .json is not an input.
    fs::remove_file(dir.join("a.json")).unwrap();
    run(lede().arg(dir).arg("--out").arg(dir).arg("-q"), 0);
    assert!(dir.join("a.json").is_file());
    // Two inputs with the same relative path: the second is refused.
    let (x, y) = (dir.join("x"), dir.join("y"));
    for d in [&x, &y] {
        fs::create_dir(d).unwrap();
        fs::write(d.join("same.txt"), ARTICLE).unwrap();
    }
    let out = run(lede().arg(&x).arg(&y).arg("--out").arg(dir.join("o")), 1);
    assert!(
        stderr(&out).contains("same relative path"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_failing_write_leaves_no_partial_file_and_the_batch_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    let top = fixture_tree(tmp.path());
    let out_dir = tmp.path().join("out");
    let names = tree(&top);
    // Put a directory where the first output file must go.
    let blocked = out_dir.join(names[0].with_extension("json"));
    fs::create_dir_all(blocked.join("keep")).unwrap();
    let out = run(lede().arg(&top).arg("--out").arg(&out_dir).arg("-q"), 1);
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("cannot write"), "{err}");
    let written = tree(&out_dir);
    assert!(
        written
            .iter()
            .all(|p| !p.to_string_lossy().contains(".lede-")),
        "{written:?}"
    );
    assert_eq!(written.len(), names.len() - 1, "{written:?}"); // all but the blocked one
                                                               // An --out that cannot be created is fatal: exit 2.
    let file = tmp.path().join("file");
    fs::write(&file, "x").unwrap();
    let out = run(lede().arg(&top).arg("--out").arg(file.join("sub")), 2);
    assert!(stderr(&out).contains("cannot create --out directory"));
}

fn records_of(files: &[PathBuf]) -> String {
    let mut s = String::new();
    for f in files {
        let id = f.file_name().unwrap().to_str().unwrap();
        let text = fs::read_to_string(f).unwrap();
        s.push_str(&json!({"id": id, "text": text, "extra": [1, 2]}).to_string());
        s.push('\n');
    }
    s
}

#[test]
fn record_mode_round_trip_through_stdin_and_stdout() {
    let files = fixtures();
    let input = records_of(&files);
    let out = run(
        lede()
            .args(["--input", "jsonl", "-j", "2"])
            .write_stdin(input.clone()),
        0,
    );
    let results = lines(stdout(&out));
    assert_eq!(results.len(), files.len());
    for (r, f) in results.iter().zip(&files) {
        assert_eq!(r["source"], f.file_name().unwrap().to_str().unwrap());
        let alone: Value = serde_json::from_slice(&run(lede().arg(f), 0).stdout).unwrap();
        let mut r = r.clone();
        r["source"] = alone["source"].clone();
        assert_eq!(r, alone, "{f:?}");
    }
    assert!(stderr(&out).contains(&format!("{} records (0 failed)", files.len())));
    // As GNU parallel --pipe does: split the stream, run each part, join.
    let half = input.lines().count() / 2;
    let (a, b): (Vec<&str>, Vec<&str>) = {
        let all: Vec<&str> = input.lines().collect();
        (all[..half].to_vec(), all[half..].to_vec())
    };
    let mut joined = Vec::new();
    for part in [a, b] {
        let text = part.join("\n") + "\n";
        joined.extend(run(lede().args(["--input", "jsonl", "-q"]).write_stdin(text), 0).stdout);
    }
    assert_eq!(joined, out.stdout);
}

#[test]
fn record_mode_reports_bad_records_in_place_and_goes_on() {
    let input = [
        json!({"id": "a", "text": ARTICLE}).to_string(),
        String::new(),
        "{not json".to_string(),
        json!({"id": 7, "body": ARTICLE}).to_string(),
        "[1, 2]".to_string(),
        json!({"id": "nul", "text": "a\u{0}b"}).to_string(),
        json!({"id": "long", "text": "x".repeat(5000)}).to_string(),
        json!({"text": ARTICLE}).to_string() + "\r",
        json!({"id": "z", "text": 5}).to_string(),
    ]
    .join("\n");
    let out = run(
        lede()
            .args(["--input", "jsonl", "--max-bytes", "4K"])
            .write_stdin(input.clone()),
        0,
    );
    let strict = run(
        lede()
            .args(["--input", "jsonl", "--max-bytes", "4K", "--strict", "-q"])
            .write_stdin(input),
        1,
    );
    assert_eq!(
        strict.stdout, out.stdout,
        "--strict changes the exit status only"
    );
    let results = lines(stdout(&out));
    let summary: Vec<(Value, Value)> = results
        .iter()
        .map(|r| (r["source"].clone(), r["error"]["kind"].clone()))
        .collect();
    assert_eq!(
        summary,
        [
            (json!("a"), Value::Null),
            (Value::Null, json!("bad_record")),
            (json!("7"), json!("bad_record")),
            (Value::Null, json!("bad_record")),
            (json!("nul"), json!("binary")),
            (Value::Null, json!("too_large")),
            (Value::Null, Value::Null),
            (json!("z"), json!("bad_record")),
        ]
    );
    assert!(results[1]["error"]["message"]
        .as_str()
        .unwrap()
        .starts_with("line 3: not valid JSON"));
    assert!(results[2]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("--text-field"));
    let err = stderr(&out);
    assert_eq!(
        err.lines()
            .filter(|l| l.starts_with("lede: error: <stdin>: line "))
            .count(),
        6,
        "{err}"
    );
}

#[test]
fn record_mode_field_names_and_files() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a.jsonl");
    let b = tmp.path().join("sub/b.jsonl");
    fs::create_dir_all(b.parent().unwrap()).unwrap();
    fs::write(&a, json!({"doc": 1, "body": ARTICLE}).to_string() + "\n").unwrap();
    fs::write(&b, json!({"doc": "two", "body": ARTICLE}).to_string()).unwrap();
    fs::write(tmp.path().join("ignored.txt"), "not a record").unwrap();
    let out = run(
        lede()
            .args([
                "--input",
                "jsonl",
                "--id-field",
                "doc",
                "--text-field",
                "body",
                "-q",
            ])
            .arg(tmp.path()),
        0,
    );
    let sources: Vec<Value> = lines(stdout(&out))
        .iter()
        .map(|r| r["source"].clone())
        .collect();
    assert_eq!(sources, [json!("1"), json!("two")]);
    let missing = run(lede().args(["--input", "jsonl", "-q", "nope.jsonl"]), 1);
    assert_eq!(lines(stdout(&missing))[0]["error"]["kind"], "not_found");
}

#[test]
fn ctrl_c_stops_an_out_batch_cleanly() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("many");
    fs::create_dir(&dir).unwrap();
    let files = fixtures();
    for i in 0..400 {
        let f = &files[i % files.len()];
        fs::copy(f, dir.join(format!("{i:04}.txt"))).unwrap();
    }
    let out_dir = tmp.path().join("out");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_lede"))
        .arg(&dir)
        .arg("--out")
        .arg(&out_dir)
        .args(["-j", "1", "-q"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until it has written an article, then interrupt. (Not until
    // any entry shows: the check that the folder is writable makes a temp
    // file and removes it, and an interrupt seen then stops the run before
    // its first article.)
    let has_json = |d: &std::path::Path| {
        fs::read_dir(d).is_ok_and(|mut es| {
            es.any(|e| e.is_ok_and(|e| e.path().extension().is_some_and(|x| x == "json")))
        })
    };
    for _ in 0..200 {
        if has_json(&out_dir) {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    // 130 when stopped; 0 if the run was already over.
    assert!(matches!(status.code(), Some(130) | Some(0)), "{status:?}");
    let written = tree(&out_dir);
    assert!(!written.is_empty());
    for p in &written {
        assert!(
            p.extension().is_some_and(|e| e == "json"),
            "left behind: {p:?}"
        );
        let v: Value = serde_json::from_slice(&fs::read(out_dir.join(p)).unwrap()).unwrap();
        assert_eq!(v["schema"], "lede/1");
    }
    if status.code() == Some(130) {
        assert!(written.len() < 400);
    }
}

/// Files deleted while a batch runs: lede has listed them, then finds them
/// gone. Each is reported as `not_found` in its place, the rest are
/// analysed, and the exit code is 1. The reader stalls lede on a full pipe
/// after the first records, deletes every file, then reads the rest.
#[test]
fn files_deleted_while_the_batch_runs_are_reported_and_the_batch_goes_on() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let tmp = tempfile::tempdir().unwrap();
    let n = 3000;
    for i in 0..n {
        fs::write(tmp.path().join(format!("a{i:05}.txt")), ARTICLE).unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["-q", "-j", "1"])
        .arg(tmp.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    out.read_line(&mut first).unwrap();
    for i in 0..n {
        let _ = fs::remove_file(tmp.path().join(format!("a{i:05}.txt")));
    }
    let mut records = vec![serde_json::from_str::<Value>(&first).unwrap()];
    for line in out.lines() {
        records.push(serde_json::from_str(&line.unwrap()).unwrap());
    }
    let status = child.wait().unwrap();
    assert_eq!(records.len(), n, "one record per listed file");
    let missing = records
        .iter()
        .filter(|r| r["error"]["kind"] == json!("not_found"))
        .count();
    let analysed = records
        .iter()
        .filter(|r| r.get("headline").is_some())
        .count();
    assert_eq!(missing + analysed, n, "only results and not_found errors");
    assert!(
        analysed >= 1 && missing >= 1,
        "{analysed} analysed, {missing} missing"
    );
    assert_eq!(status.code(), Some(1));
}

/// Permission denied, for real even when the tests run as root: lede runs
/// as `nobody` (setpriv) on a folder holding one file it may not read.
#[test]
fn permission_denied_is_reported_and_the_batch_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    fs::write(dir.join("b.txt"), ARTICLE).unwrap();
    fs::set_permissions(dir.join("b.txt"), fs::Permissions::from_mode(0o000)).unwrap();
    for p in [tmp.path(), dir.as_path()] {
        fs::set_permissions(p, fs::Permissions::from_mode(0o755)).unwrap();
    }
    fs::set_permissions(dir.join("a.txt"), fs::Permissions::from_mode(0o644)).unwrap();
    let mut cmd = if privileged(tmp.path()) {
        // Root reads anything: drop to nobody, when the binary is reachable.
        let mut c = assert_cmd::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(env!("CARGO_BIN_EXE_lede"));
        c
    } else {
        lede()
    };
    let out = cmd.arg("-q").arg(&dir).output().unwrap();
    if out.status.code() != Some(1) && String::from_utf8_lossy(&out.stderr).contains("setpriv") {
        // setpriv missing or not permitted here: nothing to check.
        eprintln!("skipped: {}", String::from_utf8_lossy(&out.stderr));
        return;
    }
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let records = lines(stdout(&out));
    assert_eq!(records.len(), 2);
    assert!(records[0].get("headline").is_some(), "{}", records[0]);
    assert_eq!(records[1]["error"]["kind"], json!("permission_denied"));
}

/// Ctrl-C on a terminal: the progress bar is cleared and the summary line
/// still says how far the run got. Run under `script` (a pseudo-terminal,
/// so the bar is drawn); skipped where there is none.
#[test]
fn ctrl_c_clears_the_progress_bar_and_prints_the_summary() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("many");
    fs::create_dir(&dir).unwrap();
    let files = fixtures();
    for i in 0..4000 {
        fs::copy(&files[i % files.len()], dir.join(format!("{i:04}.txt"))).unwrap();
    }
    let out_dir = tmp.path().join("out");
    let pid_file = tmp.path().join("pid");
    let inner = format!(
        "echo $$ > {pid}; exec {bin} {dir} --out {out} -j 1",
        pid = pid_file.display(),
        bin = env!("CARGO_BIN_EXE_lede"),
        dir = dir.display(),
        out = out_dir.display()
    );
    let Ok(child) = std::process::Command::new("script")
        .args(["-q", "-e", "-c", &format!("sh -c '{inner}'"), "/dev/null"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
    else {
        eprintln!("no `script` command: skipped");
        return;
    };
    for _ in 0..500 {
        let started = out_dir.is_dir() && fs::read_dir(&out_dir).unwrap().count() > 20;
        if started && pid_file.is_file() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let Ok(pid) = fs::read_to_string(&pid_file) else {
        // `script` could not open a pseudo-terminal here.
        let out = child.wait_with_output().unwrap();
        eprintln!("no pseudo-terminal: skipped ({:?})", out.status);
        return;
    };
    let killed = std::process::Command::new("kill")
        .args(["-INT", pid.trim()])
        .status()
        .unwrap();
    assert!(killed.success());
    let out = child.wait_with_output().unwrap();
    let screen = String::from_utf8_lossy(&out.stdout);
    let bar = screen.rfind("/4000 articles").expect("the bar was drawn");
    let cleared = screen.rfind("\x1b[2K").expect("the bar was cleared");
    let summary = screen
        .rfind("lede: interrupted after ")
        .unwrap_or_else(|| panic!("no summary: {screen:?}"));
    assert!(bar < cleared && cleared < summary, "{screen:?}");
    assert!(
        screen[summary..].contains("articles (0 failed)"),
        "{screen:?}"
    );
}
