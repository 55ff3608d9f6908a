//! Output faults (issue 14): signals during `--out`, file modes, a
//! read-only `--out` folder, a closed or full standard output.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::cli_util::{lede, privileged, stderr, ARTICLE};

const LEDE: &str = env!("CARGO_BIN_EXE_lede");

/// `n` articles of about `kb` kilobytes each in `dir`: big enough that
/// writing each result takes a while, so a signal often lands mid-write.
fn articles(dir: &Path, n: usize, kb: usize) {
    fs::create_dir_all(dir).unwrap();
    let body = ARTICLE.repeat(kb * 1024 / ARTICLE.len() + 1);
    for i in 0..n {
        fs::write(dir.join(format!("{i:03}.txt")), &body).unwrap();
    }
}

/// Every path below `dir` whose file name is a lede temp file.
fn temp_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for e in entries {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(".lede-") && n.ends_with(".tmp"))
            {
                found.push(p);
            }
        }
    }
    found
}

fn signal(pid: u32, name: &str) {
    let ok = Command::new("kill")
        .args([&format!("-{name}"), &pid.to_string()])
        .status()
        .unwrap();
    assert!(ok.success(), "kill -{name}");
}

/// Start `lede IN --out OUT -j 2`, wait until the first file is written,
/// send `signals` one after the other, and return the exit code.
fn interrupt_out_batch(input: &Path, out: &Path, signals: &[&str]) -> Option<i32> {
    let _ = fs::remove_dir_all(out);
    let mut child = Command::new(LEDE)
        .arg(input)
        .arg("--out")
        .arg(out)
        .args(["-j", "2", "-q"])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the first result is in place: the handler is installed.
    for _ in 0..500 {
        let written = fs::read_dir(out).is_ok_and(|mut d| {
            d.any(|e| e.unwrap().path().extension().is_some_and(|x| x == "json"))
        });
        if written {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    for s in signals {
        signal(child.id(), s);
    }
    child.wait().unwrap().code()
}

/// SIGTERM and SIGHUP stop an `--out` batch like Ctrl-C: exit 130, and no
/// temp file is left behind (SIGTERM used to kill lede mid-write).
#[test]
fn sigterm_and_sighup_stop_an_out_batch_without_temp_files() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    articles(&input, 40, 400);
    for sig in ["TERM", "HUP"] {
        for _ in 0..3 {
            let out = tmp.path().join("out");
            let code = interrupt_out_batch(&input, &out, &[sig]);
            assert!(matches!(code, Some(130) | Some(0)), "SIG{sig}: {code:?}");
            assert_eq!(temp_files(&out), Vec::<PathBuf>::new(), "SIG{sig}");
        }
    }
}

/// A second signal ends lede at once, yet it removes the temp files of the
/// articles being written first (it used to exit and leave them).
#[test]
fn a_second_interrupt_leaves_no_temp_file() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    articles(&input, 40, 400);
    for pair in [["INT", "INT"], ["INT", "TERM"], ["TERM", "INT"]] {
        for _ in 0..3 {
            let out = tmp.path().join("out");
            let code = interrupt_out_batch(&input, &out, &pair);
            assert!(matches!(code, Some(130) | Some(0)), "{pair:?}: {code:?}");
            assert_eq!(temp_files(&out), Vec::<PathBuf>::new(), "{pair:?}");
        }
    }
}

fn mode(p: &Path) -> u32 {
    fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

/// `sh -c 'umask U; exec lede ARGS...'`
fn lede_with_umask(umask: &str, args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask}; exec \"$0\" \"$@\""))
        .arg(LEDE)
        .args(args)
        .output()
        .unwrap()
}

/// New files get 0666 & !umask, as any program's would; a rewritten file
/// keeps its mode (they were 0600 whatever the umask).
#[test]
fn out_files_follow_the_umask_and_rewrites_keep_their_mode() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a.txt");
    fs::write(&a, ARTICLE).unwrap();
    let out = tmp.path().join("out");
    let target = out.join("a.json");
    for (umask, want) in [("022", 0o644), ("002", 0o664), ("077", 0o600)] {
        let _ = fs::remove_file(&target);
        let o = lede_with_umask(umask, &[a.as_os_str(), "--out".as_ref(), out.as_os_str()]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert_eq!(mode(&target), want, "umask {umask}");
    }
    // Rewritten under another umask: the existing mode stays.
    fs::set_permissions(&target, fs::Permissions::from_mode(0o640)).unwrap();
    let o = lede_with_umask("077", &[a.as_os_str(), "--out".as_ref(), out.as_os_str()]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(mode(&target), 0o640);
    assert!(fs::read_to_string(&target).unwrap().contains("lede/1"));
}

/// `check --bless`: a new expected file follows the umask, an updated one
/// keeps its mode (0644 golden files became 0600).
#[test]
fn blessed_files_follow_the_umask_and_keep_their_mode() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a.txt");
    fs::write(&a, ARTICLE).unwrap();
    let expected = tmp.path().join("a.expected.json");
    let bless = |umask: &str| {
        lede_with_umask(
            umask,
            &[
                "check".as_ref(),
                "--bless".as_ref(),
                "-q".as_ref(),
                a.as_os_str(),
            ],
        )
    };
    assert_eq!(bless("022").status.code(), Some(0));
    assert_eq!(mode(&expected), 0o644);
    // Make it differ, then bless it again under a stricter umask.
    fs::write(&expected, "{}").unwrap();
    fs::set_permissions(&expected, fs::Permissions::from_mode(0o664)).unwrap();
    assert_eq!(bless("077").status.code(), Some(0));
    assert_eq!(mode(&expected), 0o664);
    assert!(fs::read_to_string(&expected).unwrap().contains("lede/1"));
}

/// An `--out` folder lede may not write: one message, before any article is
/// read, and exit 2 like an `--out` that cannot be created (it printed one
/// "Permission denied" per article and exited 1). Runs as `nobody` when the
/// tests run as root.
#[test]
fn a_read_only_out_folder_is_one_error_up_front() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    articles(&input, 30, 1);
    let out = tmp.path().join("out");
    fs::create_dir(&out).unwrap();
    for p in [tmp.path(), input.as_path()] {
        fs::set_permissions(p, fs::Permissions::from_mode(0o755)).unwrap();
    }
    for e in fs::read_dir(&input).unwrap() {
        fs::set_permissions(e.unwrap().path(), fs::Permissions::from_mode(0o644)).unwrap();
    }
    fs::set_permissions(&out, fs::Permissions::from_mode(0o555)).unwrap();
    let mut cmd = if privileged(tmp.path()) {
        let mut c = assert_cmd::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(LEDE);
        c
    } else {
        lede()
    };
    let o = cmd.arg(&input).arg("--out").arg(&out).output().unwrap();
    let err = stderr(&o);
    if o.status.code() != Some(2) && err.contains("setpriv") {
        eprintln!("skipped: {err}");
        return;
    }
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("--out") && err.contains("ermission denied"),
        "{err}"
    );
    assert!(o.stdout.is_empty());
}

/// `lede ... >&-`: nothing can be written, so the run fails with exit 2
/// and says why (it exited 0 with every result lost). With `--out` nothing
/// goes to stdout, and the run succeeds.
#[test]
fn a_closed_stdout_fails() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    articles(&input, 3, 1);
    let closed = |args: &str| {
        Command::new("sh")
            .arg("-c")
            .arg(format!("exec \"$0\" {args} >&-"))
            .arg(LEDE)
            .current_dir(tmp.path())
            .output()
            .unwrap()
    };
    // --help and --version too: their text is the output (they exited 0).
    for args in [
        "in",
        "in/000.txt",
        "--format text in",
        "--help",
        "--version",
        "help check",
    ] {
        let o = closed(args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args}: {err}");
        assert!(err.contains("standard output"), "{args}: {err}");
    }
    let o = closed("in --out out -q");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(fs::read_dir(tmp.path().join("out")).unwrap().count(), 3);
}

/// A full disk behind stdout: the message names standard output.
#[test]
fn a_full_stdout_is_named() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a.txt");
    fs::write(&a, ARTICLE).unwrap();
    let full = || {
        fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    for args in [vec![a.as_os_str()], vec!["--help".as_ref()]] {
        let o = Command::new(LEDE)
            .args(args)
            .stdout(full())
            .output()
            .unwrap();
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(err.contains("standard output"), "{err}");
        assert!(err.contains("No space left"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

/// `lede dir | head -1`: the reader leaving early is no failure (exit 0).
#[test]
fn an_early_closed_pipe_is_success() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    articles(&input, 200, 2);
    let mut child = Command::new(LEDE)
        .arg(&input)
        .arg("-q")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Read;
        let mut first = [0u8; 100];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    }
    let o = child.wait_with_output().unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}
