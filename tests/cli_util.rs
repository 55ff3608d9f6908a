//! Helpers shared by the CLI tests: the binary, the fixtures, and texts
//! written for these tests.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// The `lede` binary under test.
pub fn lede() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lede"));
    cmd.env_remove("NO_COLOR").env("TERM", "xterm");
    cmd
}

/// Run and return the output; on an unexpected exit code, fail showing
/// the command's stdout and stderr.
pub fn run(cmd: &mut Command, code: i32) -> Output {
    let out = cmd.output().expect("lede starts");
    assert_eq!(
        out.status.code(),
        Some(code),
        "{cmd:?}\n--- stdout\n{}\n--- stderr\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

pub fn stdout(out: &Output) -> &str {
    std::str::from_utf8(&out.stdout).expect("stdout is UTF-8")
}

pub fn stderr(out: &Output) -> &str {
    std::str::from_utf8(&out.stderr).expect("stderr is UTF-8")
}

pub fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// Every `fixtures/*.txt`, sorted.
pub fn fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixture_dir())
        .expect("fixtures/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// Parse JSON Lines.
pub fn lines(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// True when this process can read a file it has no permission for
/// (root): permission tests then use other faults.
pub fn privileged(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join(".probe");
    std::fs::write(&probe, "x").expect("write probe");
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let readable = std::fs::read(&probe).is_ok();
    std::fs::remove_file(&probe).expect("remove probe");
    readable
}

/// A short article written for these tests (no corpus text).
pub const ARTICLE: &str = "\
Harbour town opens new footbridge

By Mara Quint

The new footbridge over the River Tolle opened on Saturday after two years of work.

\"It joins the two halves of the town at last,\" said the mayor, Ellis Varga.

Residents crossed in their hundreds during the first hour.
";

/// An article with the problems `lede lint` looks for: a doubled word, a
/// colon stuck to a quotation, a quotation closed with the wrong mark, a
/// quotation never closed, and read-more lines left inside the body.
pub const PROBLEMS: &str = "\
Ferry service to resume after winter storms

By Odile Brankov

The island ferry will run again from Monday, the operator said this morning.

Listen to this article Loading audio...

Operations chief Tomas Reyes said the crew was \"ready\" to to sail as soon as the harbour wall was checked.

\"We have waited long enough for this day,\u{201d} Reyes said.

Read more: Harbour wall repairs finished ahead of schedule

Read more: Island school reopens after storm damage

He added: \"The timetable will be the same as last summer and the fares will not change

The operator thanked islanders for their patience during the closure.

Reyes added:\"Come and see us on the quay.\"
";
