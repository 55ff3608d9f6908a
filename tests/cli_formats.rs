//! Output formats: span offsets in other units, the quote table (CSV, TSV),
//! Markdown, the text summary, the HTML report page (rendered by headless
//! Chromium when it is installed) and `--explain` with quotes.

use std::path::Path;
use std::process::Command as Process;

use serde_json::Value;

use crate::cli_util::{fixture_dir, fixtures, lede, lines, run, stderr, stdout, ARTICLE};

/// An article written for these tests whose quotations stand after
/// multi-byte characters: a pound sign (2 bytes, 1 UTF-16 unit), an emoji
/// (4 bytes, 2 UTF-16 units) and accented names.
const WIDE: &str = "\
Café prices rise to £4 as 🍎 harvest fails

By Zoë Ångström

The price of a cup at the Élan café went up to £4 this week 🍎 after the orchards lost half their crop to frost.

\"We cannot keep the old price — not at £3,\" said the café’s owner, Renée Fåhraeus.

Customers took it in good part 🙂, and one regular said the coffee was \"worth every penny\".
";

fn python() -> bool {
    Process::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Every `(span, text)` of an analysis: elements and quotes.
fn spans_and_texts(a: &Value) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut add = |v: &Value| {
        if v.is_null() {
            return;
        }
        let s = &v["span"];
        out.push((
            s[0].as_u64().unwrap() as usize,
            s[1].as_u64().unwrap() as usize,
            v["text"].as_str().unwrap().to_string(),
        ));
    };
    add(&a["headline"]);
    add(&a["byline"]);
    for key in ["paragraphs", "quotes", "boilerplate", "subheadings"] {
        for v in a[key].as_array().unwrap() {
            add(v);
        }
    }
    out
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn offsets_chars_and_utf16_slice_the_text_as_python_and_javascript_do() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wide.txt");
    std::fs::write(&path, WIDE).unwrap();
    let json = |unit: &str| -> Value {
        let out = run(lede().args(["--offsets", unit]).arg(&path), 0);
        serde_json::from_str(stdout(&out)).unwrap()
    };
    let (bytes, chars, utf16) = (json("bytes"), json("chars"), json("utf16"));
    assert_eq!(bytes, json_default(&path), "bytes is the default");
    // The output says its unit, and the schema knows the three.
    assert_eq!(
        (&bytes["offsets"], &chars["offsets"], &utf16["offsets"]),
        (
            &Value::from("bytes"),
            &Value::from("chars"),
            &Value::from("utf16")
        )
    );
    let schema: Value = serde_json::from_slice(&run(lede().arg("schema"), 0).stdout).unwrap();
    let analysis = &schema["$defs"]["Analysis"];
    let unit = &schema["$defs"][analysis["properties"]["offsets"]["$ref"]
        .as_str()
        .unwrap()
        .trim_start_matches("#/$defs/")];
    let consts: Vec<&Value> = unit["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| &v["const"])
        .collect();
    assert_eq!(consts, ["bytes", "chars", "utf16"]);
    let chars_of: Vec<char> = WIDE.chars().collect();
    let units: Vec<u16> = WIDE.encode_utf16().collect();
    let in_bytes = spans_and_texts(&bytes);
    let in_chars = spans_and_texts(&chars);
    let in_utf16 = spans_and_texts(&utf16);
    assert!(in_chars.len() >= 6, "{in_chars:?}");
    assert_eq!(in_bytes.len(), in_chars.len());
    let mut moved = 0;
    for ((b, c), u) in in_bytes.iter().zip(&in_chars).zip(&in_utf16) {
        let want = fold(&WIDE[b.0..b.1]);
        let by_char: String = chars_of[c.0..c.1].iter().collect();
        assert_eq!(fold(&by_char), want, "chars {c:?}");
        let by_unit = String::from_utf16(&units[u.0..u.1]).unwrap();
        assert_eq!(fold(&by_unit), want, "utf16 {u:?}");
        moved += usize::from(b.0 != c.0);
        assert!(c.0 <= u.0 && u.0 <= b.0);
    }
    assert!(moved > 0, "multi-byte text comes before most spans");
    let quote = &chars["quotes"][0];
    assert_eq!(quote["text"], "We cannot keep the old price — not at £3");

    // Python slices the text with the chars spans.
    if !python() {
        eprintln!("python3 not found: the Python slicing check is skipped");
        return;
    }
    let json_path = dir.path().join("wide.json");
    std::fs::write(&json_path, serde_json::to_vec(&chars).unwrap()).unwrap();
    let script = r#"
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
a = json.load(open(sys.argv[2], encoding="utf-8"))
items = [a["headline"], a["byline"]] + a["paragraphs"] + a["quotes"] + a["boilerplate"]
for item in items:
    s, e = item["span"]
    assert " ".join(text[s:e].split()) == item["text"], (text[s:e], item["text"])
print(len(items))
"#;
    let out = Process::new("python3")
        .args(["-c", script])
        .arg(&path)
        .arg(&json_path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let n: usize = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
    assert!(n >= 6);
}

/// Who the analysis says speaks the one quotation of [`ARTICLE`].
fn article_speaker() -> String {
    let out = run(lede().write_stdin(ARTICLE), 0);
    let a: Value = serde_json::from_str(stdout(&out)).unwrap();
    a["quotes"][0]["speaker"]
        .as_str()
        .expect("the quotation has a speaker")
        .to_string()
}

fn json_default(path: &Path) -> Value {
    let out = run(lede().arg(path), 0);
    serde_json::from_str(stdout(&out)).unwrap()
}

#[test]
fn offsets_apply_in_record_mode_and_to_warnings() {
    let record = serde_json::json!({"id": "w1", "text": format!("{WIDE}\nShe added: \"The new trees 🙂 will bear fruit in two years, and then the price will come down.\n\nThe café opens at eight every morning except on Sundays and on holidays.\n")});
    let out = run(
        lede()
            .args(["--input", "jsonl", "-q", "--offsets", "utf16"])
            .write_stdin(format!("{record}\n")),
        0,
    );
    let a = &lines(stdout(&out))[0];
    let text = record["text"].as_str().unwrap();
    let units: Vec<u16> = text.encode_utf16().collect();
    for (s, e, t) in spans_and_texts(a) {
        assert_eq!(fold(&String::from_utf16(&units[s..e]).unwrap()), t);
    }
    let warning = a["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "unclosed_quote")
        .expect("an unclosed quotation");
    let (s, e) = (
        warning["span"][0].as_u64().unwrap() as usize,
        warning["span"][1].as_u64().unwrap() as usize,
    );
    assert!(String::from_utf16(&units[s..e])
        .unwrap()
        .contains("trees 🙂 will"));
}

/// Read a table with Python's csv module: the rows as JSON objects.
fn python_rows(table: &str, tsv: bool) -> Vec<Value> {
    let script = r#"
import csv, json, sys
kw = {"delimiter": "\t", "quoting": csv.QUOTE_NONE} if sys.argv[1] == "tsv" else {}
rows = list(csv.DictReader(sys.stdin, **kw))
if sys.argv[1] == "tsv":
    unescape = lambda v: v.replace("\\\\", "\0").replace("\\t", "\t").replace("\\n", "\n").replace("\\r", "\r").replace("\0", "\\")
    rows = [{k: unescape(v) for k, v in r.items()} for r in rows]
print(json.dumps(rows))
"#;
    let mut child = Process::new("python3")
        .args(["-c", script, if tsv { "tsv" } else { "csv" }])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(table.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The quotes of a JSON Lines run as the table would hold them.
fn expected_rows(jsonl: &str) -> Vec<[String; 7]> {
    let s = |v: &Value| match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    lines(jsonl)
        .iter()
        .flat_map(|a| {
            let source = s(&a["source"]);
            a["quotes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|q| {
                    [
                        source.clone(),
                        s(&q["paragraph"]),
                        s(&q["quotation"]),
                        s(&q["speaker"]),
                        s(&q["speaker_mention"]),
                        s(&q["cue"]),
                        s(&q["text"]),
                    ]
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

fn row_fields(r: &Value) -> [String; 7] {
    [
        "source",
        "paragraph",
        "quotation",
        "speaker",
        "speaker_mention",
        "cue",
        "text",
    ]
    .map(|k| {
        r[k].as_str()
            .unwrap_or_else(|| panic!("{k} in {r}"))
            .to_string()
    })
}

#[test]
fn csv_and_tsv_quote_tables_load_with_python_csv() {
    let dir = fixture_dir();
    let jsonl = run(lede().arg(&dir).arg("-q"), 0);
    let want = expected_rows(stdout(&jsonl));
    assert!(want.len() > 50, "the fixtures hold many quotes");
    assert!(
        want.iter().any(|r| r[6].contains(',')),
        "some quotes hold commas"
    );
    for format in ["csv", "tsv"] {
        let out = run(lede().args(["--format", format, "-q"]).arg(&dir), 0);
        let table = stdout(&out);
        let header = table.lines().next().unwrap();
        let sep = if format == "csv" { "," } else { "\t" };
        assert_eq!(
            header.trim_end(),
            [
                "source",
                "paragraph",
                "quotation",
                "speaker",
                "speaker_mention",
                "cue",
                "text",
                "start",
                "end"
            ]
            .join(sep)
        );
        if format == "csv" {
            assert!(table.ends_with("\r\n"), "RFC 4180 records end with CRLF");
        } else {
            assert_eq!(table.lines().count(), want.len() + 1, "one line per row");
            assert!(table.lines().all(|l| l.matches('\t').count() == 8));
        }
        if !python() {
            eprintln!("python3 not found: the csv module check is skipped");
            continue;
        }
        let rows = python_rows(table, format == "tsv");
        let got: Vec<[String; 7]> = rows.iter().map(row_fields).collect();
        assert_eq!(got, want, "{format}");
    }
}

#[test]
fn quote_table_from_one_file_and_from_records() {
    let one = run(lede().args(["--format", "csv"]).write_stdin(ARTICLE), 0);
    let text = stdout(&one);
    let rows: Vec<&str> = text.split_terminator("\r\n").collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert!(
        rows[1].starts_with(&format!(",1,0,{},", article_speaker())),
        "stdin has an empty source: {}",
        rows[1]
    );
    assert!(rows[1].contains(",It joins the two halves of the town at last,"));

    // Records: the id is the source; a bad record is reported on stderr and
    // leaves no row; the header comes once. (The exit status of a stream
    // with a bad record is record mode's rule, tested with record mode.)
    let good = serde_json::json!({"id": "r1", "text": ARTICLE});
    let also = serde_json::json!({"id": "r2", "text": WIDE});
    let input = format!("{good}\nnot json\n{also}\n");
    let out = lede()
        .args(["--input", "jsonl", "--format", "tsv"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    let table = stdout(&out);
    assert_eq!(table.matches("source\tparagraph").count(), 1);
    let sources: Vec<&str> = table
        .lines()
        .skip(1)
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert!(
        sources.contains(&"r1") && sources.contains(&"r2"),
        "{table}"
    );
    assert!(sources.iter().all(|s| *s == "r1" || *s == "r2"));
    assert!(stderr(&out).contains("line 2"), "{}", stderr(&out));
}

#[test]
fn markdown_is_the_clean_article_in_order() {
    let out = run(
        lede()
            .args(["--format", "markdown"])
            .arg(fixture_dir().join("byline-role-subheadings-sir.txt")),
        0,
    );
    let md = stdout(&out);
    let json = json_default(&fixture_dir().join("byline-role-subheadings-sir.txt"));
    let headline = json["headline"]["text"].as_str().unwrap();
    assert!(md.starts_with(&format!("# {headline}\n\n")), "{md}");
    let subheadings = json["subheadings"].as_array().unwrap();
    assert!(!subheadings.is_empty());
    for s in subheadings {
        assert!(
            md.contains(&format!("\n## {}\n", s["text"].as_str().unwrap())),
            "{md}"
        );
    }
    for b in json["boilerplate"].as_array().unwrap() {
        assert!(
            !md.contains(b["text"].as_str().unwrap()),
            "furniture left in: {b}"
        );
    }
    // Paragraphs in input order, each once.
    let mut from = 0;
    for p in json["paragraphs"].as_array().unwrap() {
        let text = p["text"].as_str().unwrap();
        let at = md[from..]
            .find(&text[..text.len().min(30)])
            .unwrap_or_else(|| panic!("{text}"));
        from += at + 1;
    }
    // A folder gives the articles one after the other.
    let batch = run(
        lede()
            .args(["--format", "markdown", "-q"])
            .args(&fixtures()[..3]),
        0,
    );
    assert_eq!(stdout(&batch).matches("\n---\n").count(), 3);
}

#[test]
fn text_summary_lists_quotations_with_speakers() {
    let out = run(lede().args(["--format", "text"]).write_stdin(ARTICLE), 0);
    let text = stdout(&out);
    assert!(
        text.contains("1 quote in 1 quotation, 1 attributed"),
        "{text}"
    );
    assert!(!text.contains("1 quotes"), "{text}");
    let line = text
        .lines()
        .find(|l| l.contains("It joins the two halves"))
        .unwrap_or_else(|| panic!("the quotation is shown: {text}"));
    assert!(
        line.contains(&article_speaker()) && line.contains("said"),
        "{line}"
    );
    let two = run(
        lede()
            .args(["--format", "text"])
            .arg(fixture_dir().join("two-speakers-same-surname.txt")),
        0,
    );
    assert!(stdout(&two).contains(" quotes in "), "{}", stdout(&two));
}

#[test]
fn explain_covers_quotes_in_text_and_json() {
    let text = run(lede().arg("--explain").write_stdin(ARTICLE), 0);
    let t = stdout(&text);
    let speaker = article_speaker();
    assert!(t.contains(&speaker), "{t}");
    assert!(t.contains("why: the cue \"said\""), "{t}");
    let json = run(
        lede()
            .args(["--explain", "--format", "json"])
            .write_stdin(ARTICLE),
        0,
    );
    let e = &lines(stdout(&json))[0];
    assert_eq!(e["blocks"][0]["role"], "headline");
    assert!(e["blocks"][0]["rule"].is_string());
    let q = &e["quotes"][0];
    assert_eq!(q["speaker"], speaker.as_str());
    assert_eq!(q["cue"], "said");
    assert_eq!(q["candidates"][0]["name"], speaker.as_str());
    assert_eq!(q["candidates"][0]["chosen"], true);
    assert!(q["why"].as_str().unwrap().contains(&speaker));
    // Its spans follow --offsets too.
    let chars = run(
        lede()
            .args(["--explain", "--format", "json", "--offsets", "chars"])
            .write_stdin(WIDE),
        0,
    );
    let e = &lines(stdout(&chars))[0];
    let all: Vec<char> = WIDE.chars().collect();
    for q in e["quotes"].as_array().unwrap() {
        let (s, x) = (
            q["span"][0].as_u64().unwrap() as usize,
            q["span"][1].as_u64().unwrap() as usize,
        );
        assert_eq!(
            fold(&all[s..x].iter().collect::<String>()),
            q["text"].as_str().unwrap()
        );
    }
    // A batch gives one line per article.
    let batch = run(
        lede()
            .args(["--explain", "--format", "json", "-q"])
            .args(&fixtures()[..3]),
        0,
    );
    assert_eq!(lines(stdout(&batch)).len(), 3);
}

#[test]
fn format_combinations_that_make_no_sense_are_usage_errors() {
    for args in [
        vec!["--explain", "--format", "csv"],
        vec!["--pretty", "--format", "html"],
        vec!["--jsonl", "--format", "markdown"],
        vec!["--format", "tsv", "--out", "/tmp/lede-never"],
        vec!["--offsets", "words"],
    ] {
        let out = run(lede().args(&args).write_stdin(ARTICLE), 2);
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(stderr(&out).contains("error"), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn html_report_is_self_contained_and_escaped() {
    let hostile = ARTICLE.replace("Harbour town", "Harbour <script>alert(1)</script> & town");
    let out = run(lede().args(["--format", "html"]).write_stdin(hostile), 0);
    let page = stdout(&out);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.trim_end().ends_with("</html>"));
    assert!(!page.contains("<script"), "input is escaped");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; town"));
    for external in ["src=", "href=", "@import", "url("] {
        assert!(!page.contains(external), "no external asset: {external}");
    }
    assert!(page.contains(&format!("{} <span class=\"cue\">", article_speaker())));
    // A batch is one page, with a failed input in its place.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    std::fs::write(dir.path().join("b.txt"), b"bad \xff byte").unwrap();
    let batch = run(lede().args(["--format", "html", "-q"]).arg(dir.path()), 1);
    let page = stdout(&batch);
    assert_eq!(page.matches("<!DOCTYPE html>").count(), 1);
    assert_eq!(page.matches("<article").count(), 2);
    assert!(page.contains("class=\"error\"") && page.contains("invalid_utf8"));
}

/// The chromium binary, if installed.
fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|name| {
            Process::new(name)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

#[test]
fn html_report_renders_in_headless_chromium() {
    let Some(browser) = chromium() else {
        if std::env::var_os("LEDE_REQUIRE_CHROMIUM").is_some_and(|v| v == "1") {
            panic!("LEDE_REQUIRE_CHROMIUM=1 but no chromium is installed (bash ci/chromium.sh)");
        }
        eprintln!("chromium not found: the browser rendering test is skipped (bash ci/chromium.sh installs it)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let article = fixture_dir().join("headline-standfirst-published-line.txt");
    let out = run(lede().args(["--format", "html"]).arg(&article), 0);
    let page = dir.path().join("report.html");
    std::fs::write(&page, &out.stdout).unwrap();
    let json = json_default(&article);
    let chrome = |extra: &[&str]| {
        let profile = dir.path().join("profile");
        let out = Process::new("timeout")
            .arg("120")
            .arg(browser)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--no-first-run",
                "--window-size=1100,1400",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .args(extra)
            .arg(format!("file://{}", page.display()))
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    };
    // The DOM the browser built holds every part of the report.
    let dom = chrome(&["--dump-dom"]);
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(dom.contains("<mark class=\"q\""), "quotations highlighted");
    let speaker = json["quotes"][0]["speaker"].as_str().unwrap();
    assert!(
        dom.contains(&format!(
            "<span class=\"who\" style=\"background:#b45309\">{speaker}"
        )),
        "{speaker} labels its quote"
    );
    assert!(dom.contains("class=\"blk headline\""));
    assert!(dom.contains("class=\"blk boilerplate kind-caption\""));
    assert!(dom.contains("class=\"blk boilerplate kind-media\""));
    assert_eq!(
        dom.matches("class=\"blk paragraph\"").count(),
        json["paragraphs"].as_array().unwrap().len()
    );
    // And painted it: a PNG with enough detail to be the page, not a blank.
    let png = dir.path().join("report.png");
    chrome(&[&format!("--screenshot={}", png.display())]);
    let bytes = std::fs::read(&png).expect("chromium wrote the screenshot");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    assert_eq!(width, 1100);
    assert!(
        bytes.len() > 40_000,
        "a page of text, not a blank: {} bytes",
        bytes.len()
    );
    if let Some(keep) = std::env::var_os("LEDE_KEEP_SCREENSHOT") {
        std::fs::copy(&png, keep).unwrap();
    }
}
