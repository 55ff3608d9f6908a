//! No regex is compiled after start-up (issue 15).
//!
//! The `regex` crate has no hook that counts compilations, so this test reads
//! the source instead: every `Regex::new`, `RegexBuilder::new` or
//! `RegexSet::new` under `src/` must sit inside a lazily built static (the
//! closure of `LazyLock::new(..)`, `OnceLock::get_or_init(..)` and the like),
//! which runs once per process, or inside test-only code (`#[cfg(test)]`,
//! `#[test]`). A call anywhere else compiles a regex each time the function
//! runs, for example once per quotation:
//!
//! ```text
//! fn paper_name(tail: &str) -> Option<..> {
//!     let re = Regex::new(&format!(r"(?:The )?{TOK} {}", tail)).unwrap(); // flagged
//! ```
//!
//! Known places that still compile at run time are listed in [`KNOWN`], each
//! with the issue that removes it. The list is a ratchet: a new place fails
//! the test, and so does a listed place that no longer compiles at run time
//! (take it off the list).

use std::fs;
use std::path::{Path, PathBuf};

/// `(file under src/, enclosing function)` of each call that compiles a
/// regex at run time today. Issue 15 empties this list.
const KNOWN: &[(&str, &str)] = &[];

/// Where a regex is compiled outside a static initialiser or test code.
#[derive(Debug, PartialEq, Eq, Clone)]
struct Site {
    file: String,
    function: String,
    line: usize,
}

/// `src` with comments, string literals and char literals replaced by spaces
/// (line breaks kept), so that brackets and words in them are not read as code.
fn blank_literals(src: &str) -> Vec<u8> {
    let b = src.as_bytes();
    let mut out = b.to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for c in &mut out[from..to.min(b.len())] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
    };
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        if rest.starts_with(b"//") {
            let end = memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n);
            blank(&mut out, i, end);
            i = end;
        } else if rest.starts_with(b"/*") {
            // Nested block comments, as Rust reads them.
            let (mut depth, mut j) = (1, i + 2);
            while j < b.len() && depth > 0 {
                if b[j..].starts_with(b"/*") {
                    depth += 1;
                    j += 2;
                } else if b[j..].starts_with(b"*/") {
                    depth -= 1;
                    j += 2;
                } else {
                    j += 1;
                }
            }
            blank(&mut out, i, j);
            i = j;
        } else if let Some(end) = raw_string_end(b, i) {
            blank(&mut out, i, end);
            i = end;
        } else if b[i] == b'"' || (rest.starts_with(b"b\"") && !ident_before(b, i)) {
            let mut j = i + if b[i] == b'"' { 1 } else { 2 };
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            blank(&mut out, i, j + 1);
            i = j + 1;
        } else if b[i] == b'\'' {
            // A char literal ('x', '\n', '\u{2014}', 'é'), or a lifetime.
            let j = if rest.get(1) == Some(&b'\\') {
                memchr(b'\'', &b[i + 3..]).map(|n| i + 3 + n)
            } else {
                let len = src[i + 1..].chars().next().map_or(1, char::len_utf8);
                (b.get(i + 1 + len) == Some(&b'\'')).then_some(i + 1 + len)
            };
            match j {
                Some(j) => {
                    blank(&mut out, i, j + 1);
                    i = j + 1;
                }
                None => i += 1,
            }
        } else {
            i += 1;
        }
    }
    out
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == needle)
}

fn ident_before(b: &[u8], i: usize) -> bool {
    i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')
}

/// The end of a raw string literal (`r"…"`, `r#"…"#`, `br"…"`) starting at
/// `i`, if one does.
fn raw_string_end(b: &[u8], i: usize) -> Option<usize> {
    if ident_before(b, i) {
        return None;
    }
    let mut j = i;
    if b.get(j) == Some(&b'b') {
        j += 1;
    }
    if b.get(j) != Some(&b'r') {
        return None;
    }
    j += 1;
    let hashes = b[j..].iter().take_while(|&&c| c == b'#').count();
    j += hashes;
    if b.get(j) != Some(&b'"') {
        return None;
    }
    let mut close = vec![b'"'];
    close.extend(std::iter::repeat_n(b'#', hashes));
    let body = j + 1;
    let n = b[body..].windows(close.len()).position(|w| w == close)?;
    Some(body + n + close.len())
}

/// Calls that compile a regex.
const COMPILERS: [&str; 4] = [
    "Regex::new",
    "RegexBuilder::new",
    "RegexSet::new",
    "RegexSetBuilder::new",
];

/// Openings of a closure that runs once per process.
const ONCE: [&str; 5] = [
    "LazyLock::new",
    "LazyCell::new",
    "Lazy::new",
    "get_or_init",
    "get_or_try_init",
];

/// A call found in one file.
#[derive(Debug)]
struct Call {
    /// What is called: one of [`COMPILERS`] or a function name.
    callee: String,
    site: Site,
    /// Inside a once-per-process closure or test-only code.
    once_or_test: bool,
}

/// The calls to `callees` (`Regex::new`, or a function's name) in one
/// file's source, each with its enclosing function and whether it runs once.
fn calls(file: &str, src: &str, callees: &[String]) -> Vec<Call> {
    let code = blank_literals(src);
    // One pass: a stack of open brackets, each with the code since the last
    // statement boundary before it (its "header": `fn name(..) -> T`,
    // `#[cfg(test)] mod tests`, `LazyLock::new`).
    let mut stack: Vec<String> = Vec::new();
    let mut boundary = 0;
    let mut found = Vec::new();
    let mut i = 0;
    while i < code.len() {
        let c = code[i];
        let callee = callees.iter().find(|p| {
            code[i..].starts_with(p.as_bytes())
                && code.get(i + p.len()) == Some(&b'(')
                && !ident_before(&code, i)
                && !String::from_utf8_lossy(&code[i.saturating_sub(8)..i])
                    .trim_end()
                    .ends_with("fn")
        });
        if let Some(callee) = callee {
            let once = stack.iter().any(|h| {
                let h = h.trim_end();
                ONCE.iter().any(|w| h.ends_with(w))
            });
            let test_only = stack
                .iter()
                .any(|h| h.contains("#[cfg(test)]") || h.contains("#[test]"))
                || String::from_utf8_lossy(&code[boundary..i]).contains("#[cfg(test)]");
            let function = stack
                .iter()
                .rev()
                .find_map(|h| fn_name(h))
                .unwrap_or_else(|| "(outside any function)".to_string());
            let line = code[..i].iter().filter(|&&c| c == b'\n').count() + 1;
            found.push(Call {
                callee: callee.clone(),
                site: Site {
                    file: file.to_string(),
                    function,
                    line,
                },
                once_or_test: once || test_only,
            });
            i += callee.len(); // the `(` is read as an opening below
            continue;
        }
        match c {
            b'(' | b'[' | b'{' => {
                stack.push(String::from_utf8_lossy(&code[boundary..i]).into_owned());
                if c == b'{' {
                    boundary = i + 1;
                }
            }
            b')' | b']' | b'}' => {
                stack.pop();
                if c == b'}' {
                    boundary = i + 1;
                }
            }
            b';' => boundary = i + 1,
            _ => {}
        }
        i += 1;
    }
    found
}

/// The places in `files` (name, source) that compile a regex at run time: a
/// compiling call outside once-closures and test code, unless its function
/// only builds a regex for statics (every call of that function is itself in
/// a once-closure or test code, as with `fn pattern(tail) -> Regex` used in
/// two `LazyLock`s). One level of such helpers is followed; a helper of a
/// helper is reported, to be rewritten or listed.
fn runtime_sites(files: &[(String, String)]) -> Vec<Site> {
    let compilers: Vec<String> = COMPILERS.iter().map(|c| c.to_string()).collect();
    let direct: Vec<Site> = files
        .iter()
        .flat_map(|(f, s)| calls(f, s, &compilers))
        .filter(|c| !c.once_or_test)
        .map(|c| c.site)
        .collect();
    let mut helpers: Vec<String> = direct.iter().map(|s| s.function.clone()).collect();
    helpers.sort();
    helpers.dedup();
    let uses: Vec<Call> = files
        .iter()
        .flat_map(|(f, s)| calls(f, s, &helpers))
        .collect();
    direct
        .into_iter()
        .filter(|s| {
            let mut of = uses.iter().filter(|u| u.callee == s.function).peekable();
            of.peek().is_none() || of.any(|u| !u.once_or_test)
        })
        .collect()
}

/// `name` if `header` declares `fn name`.
fn fn_name(header: &str) -> Option<String> {
    let words: Vec<&str> = header
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .collect();
    let at = words.iter().rposition(|w| *w == "fn")?;
    words[at + 1..]
        .iter()
        .find(|w| !w.is_empty())
        .map(|w| w.to_string())
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .expect("read src/")
        .map(|e| e.expect("dir entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

fn all_runtime_sites() -> Vec<Site> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(
        files.len() > 5,
        "no source files found under {}",
        src.display()
    );
    let files: Vec<(String, String)> = files
        .iter()
        .map(|f| {
            let rel = f
                .strip_prefix(&src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, fs::read_to_string(f).expect("read source file"))
        })
        .collect();
    runtime_sites(&files)
}

/// [`runtime_sites`] of one invented file.
fn sites_in(src: &str) -> Vec<Site> {
    runtime_sites(&[("x.rs".to_string(), src.to_string())])
}

#[test]
fn no_regex_compiled_after_start_up() {
    let sites = all_runtime_sites();
    let new: Vec<&Site> = sites
        .iter()
        .filter(|s| !KNOWN.iter().any(|&(f, n)| s.file == f && s.function == n))
        .collect();
    let gone: Vec<&(&str, &str)> = KNOWN
        .iter()
        .filter(|&&(f, n)| !sites.iter().any(|s| s.file == f && s.function == n))
        .collect();
    let mut msg = String::new();
    for s in &new {
        msg += &format!(
            "src/{}:{}: `{}` compiles a regex each time it runs; build it once in a \
             `static … LazyLock` (or read tokens instead)\n",
            s.file, s.line, s.function
        );
    }
    for (f, n) in &gone {
        msg += &format!(
            "src/{f}: `{n}` no longer compiles a regex at run time: take it off KNOWN in \
             tests/no_runtime_regex.rs\n"
        );
    }
    assert!(msg.is_empty(), "{msg}");
}

// The scanner itself, on invented sources: these fail if it stops telling a
// static initialiser from a function body.

#[test]
fn scanner_flags_a_regex_built_in_a_function_body() {
    let src = r#"
fn lookup(tail: &str) -> bool {
    let pat = format!(r"(?:{}) said", tail); // a ( in a comment {
    let re = Regex::new(&pat).unwrap();
    re.is_match("x")
}
"#;
    let sites = sites_in(src);
    assert_eq!(
        sites,
        vec![Site {
            file: "x.rs".into(),
            function: "lookup".into(),
            line: 4
        }]
    );
}

#[test]
fn scanner_flags_a_regex_built_in_a_closure_or_method() {
    let src = r#"
impl Finder {
    fn each(&self, words: &[&str]) -> usize {
        words.iter().filter(|w| { let c = '{'; RegexBuilder::new(w).build().is_ok() }).count()
    }
}
"#;
    let sites = sites_in(src);
    assert_eq!(sites.len(), 1, "{sites:?}");
    assert_eq!(sites[0].function, "each");
}

#[test]
fn scanner_passes_statics_once_cells_and_test_code() {
    let src = r##"
static A: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s+(?:x|y)\b").expect("a"));
static B: LazyLock<Regex> = LazyLock::new(|| {
    let body = format!("{}", r#"("#);
    Regex::new(&body).expect("b")
});
fn rule(i: usize) -> &'static Regex {
    static EACH: LazyLock<Vec<OnceLock<Regex>>> = LazyLock::new(Vec::new);
    EACH[i].get_or_init(|| Regex::new("z").expect("c"))
}
fn uses_a(s: &str) -> bool {
    // Regex::new( in a comment is not a call, nor is "Regex::new(" in a string.
    let _ = "Regex::new(";
    A.is_match(s)
}
#[cfg(test)]
fn spec() -> Regex {
    Regex::new("w").unwrap()
}
#[cfg(test)]
mod tests {
    fn helper() -> Regex { Regex::new("v").unwrap() }
    #[test]
    fn t() { let _ = Regex::new("u"); }
}
"##;
    assert_eq!(sites_in(src), vec![]);
}

#[test]
fn scanner_follows_a_pattern_helper_to_its_callers() {
    let only_statics = r#"
fn word_pattern(bound: &str) -> Regex {
    Regex::new(&format!(r"\w{}", bound)).unwrap()
}
static SHORT: LazyLock<Regex> = LazyLock::new(|| word_pattern("{1,3}"));
static LONG: LazyLock<Regex> = LazyLock::new(|| word_pattern("{4,}"));
"#;
    assert_eq!(sites_in(only_statics), vec![]);
    let also_at_run_time = format!(
        "{only_statics}\nfn check(s: &str, b: &str) -> bool {{ word_pattern(b).is_match(s) }}\n"
    );
    let sites = sites_in(&also_at_run_time);
    assert_eq!(sites.len(), 1, "{sites:?}");
    assert_eq!(
        (sites[0].function.as_str(), sites[0].line),
        ("word_pattern", 3)
    );
}
