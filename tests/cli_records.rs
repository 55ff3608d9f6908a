//! Record mode (`--input jsonl`) as distributed engines use it: bad records
//! never fail the task, ids survive exactly, and text a JSON parser accepts
//! is never lost.

use serde_json::{json, Value};

use crate::cli_util::{lede, lines, run, stderr, stdout, ARTICLE};

/// One record per line, built with serde so the JSON is right.
fn record(id: Value, text: &str) -> String {
    json!({"id": id, "text": text}).to_string()
}

#[test]
fn one_broken_record_exits_0_with_one_line_per_record() {
    let input = [
        record(json!("first"), ARTICLE),
        // Cut off mid-string, as a truncated upload would be.
        r#"{"id": "cut-1", "text": "Harbour town opens"#.to_string(),
        r#"{"text": "no id and broken"#.to_string(),
        record(json!("last"), ARTICLE),
    ]
    .join("\n");
    let out = run(
        lede().args(["--input", "jsonl"]).write_stdin(input.clone()),
        0,
    );
    let results = lines(stdout(&out));
    assert_eq!(results.len(), 4, "{}", stdout(&out));
    assert_eq!(results[0]["source"], "first");
    assert_eq!(results[3]["source"], "last");
    // The id of a record that cannot be parsed is found by a lenient scan;
    // else the error record still names the line.
    assert_eq!(results[1]["source"], "cut-1");
    assert_eq!(results[1]["line"], 2);
    assert_eq!(results[1]["error"]["kind"], "bad_record");
    assert_eq!(results[2]["source"], Value::Null);
    assert_eq!(results[2]["line"], 3);
    for r in &results {
        assert_eq!(
            r["schema"], "lede/1",
            "every line carries the schema tag: {r}"
        );
    }
    assert!(
        stderr(&out).contains("4 records (2 failed)"),
        "{}",
        stderr(&out)
    );
    let strict = run(
        lede()
            .args(["--input", "jsonl", "--strict", "-q"])
            .write_stdin(input),
        1,
    );
    assert_eq!(lines(stdout(&strict)).len(), 4);
}

#[test]
fn an_unreadable_input_still_fails_the_run() {
    let out = run(lede().args(["--input", "jsonl", "-q", "no/such.jsonl"]), 1);
    let r = &lines(stdout(&out))[0];
    assert_eq!(r["error"]["kind"], "not_found");
    assert_eq!(r["line"], Value::Null);
}

#[test]
fn numeric_ids_are_kept_exactly_as_written() {
    let input = format!(
        "{{\"id\": 12345678901234567890123, \"text\": {t}}}\n{{\"id\": 12345678901234567890124, \"text\": {t}}}\n{{\"id\": 1.50, \"text\": {t}}}\n{{\"id\": -0, \"text\": {t}}}\n",
        t = Value::String(ARTICLE.into())
    );
    let out = run(
        lede().args(["--input", "jsonl", "-q"]).write_stdin(input),
        0,
    );
    let sources: Vec<Value> = lines(stdout(&out))
        .iter()
        .map(|r| r["source"].clone())
        .collect();
    assert_eq!(
        sources,
        [
            json!("12345678901234567890123"),
            json!("12345678901234567890124"),
            json!("1.50"),
            json!("-0")
        ]
    );
}

#[test]
fn a_bom_opening_a_jsonl_file_is_accepted() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("with-bom.jsonl");
    let body = format!(
        "\u{feff}{}\n{}\n",
        record(json!("a"), ARTICLE),
        record(json!("b"), ARTICLE)
    );
    std::fs::write(&path, body).unwrap();
    let out = run(lede().args(["--input", "jsonl", "-q"]).arg(&path), 0);
    let results = lines(stdout(&out));
    assert_eq!(results.len(), 2);
    for r in &results {
        assert!(r.get("error").is_none(), "{r}");
    }
    assert_eq!(results[0]["source"], "a");
}

#[test]
fn a_lone_surrogate_becomes_u_fffd_with_a_warning() {
    // Python's json.dumps writes a lone surrogate this way; so does JavaScript.
    let text = Value::String(ARTICLE.into()).to_string();
    let text = text.replacen("Saturday", "Satur\\ud800day", 1);
    let input = format!("{{\"id\": \"s\", \"text\": {text}}}\n");
    let out = run(
        lede().args(["--input", "jsonl", "-q"]).write_stdin(input),
        0,
    );
    let r = &lines(stdout(&out))[0];
    assert!(r.get("error").is_none(), "{r}");
    let paragraphs = r["paragraphs"].to_string();
    assert!(paragraphs.contains("Satur\u{fffd}day"), "{paragraphs}");
    let codes: Vec<&str> = r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|w| w["code"].as_str())
        .collect();
    assert!(codes.contains(&"lone_surrogate"), "{codes:?}");
}

#[test]
fn nul_and_over_limit_records_have_the_kinds_the_readme_names() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let input = [
        record(json!("nul"), "a\u{0}b"),
        record(json!("long"), &"x".repeat(3000)),
    ]
    .join("\n");
    let out = run(
        lede()
            .args(["--input", "jsonl", "-q", "--max-bytes", "2K"])
            .write_stdin(input),
        0,
    );
    let kinds: Vec<Value> = lines(stdout(&out))
        .iter()
        .map(|r| r["error"]["kind"].clone())
        .collect();
    assert_eq!(kinds, [json!("binary"), json!("too_large")]);
    let section = &readme[readme.find("### Record mode").unwrap()..];
    let section = &section[..section.find("**Spark**").unwrap()];
    for kind in ["`binary`", "`too_large`", "`bad_record`"] {
        assert!(section.contains(kind), "README record mode names {kind}");
    }
}

/// The README's first record-mode example, run as written: it gives a body.
#[test]
fn the_readme_record_example_yields_a_body() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = &readme[readme.find("### Record mode").unwrap()..];
    let start = section.find("echo '").unwrap() + "echo '".len();
    let json_text = &section[start..start + section[start..].find("' \\").unwrap()];
    let out = run(
        lede()
            .args(["--input", "jsonl", "-q"])
            .write_stdin(format!("{json_text}\n")),
        0,
    );
    let r = &lines(stdout(&out))[0];
    assert!(r.get("error").is_none(), "{r}");
    assert!(!r["paragraphs"].as_array().unwrap().is_empty(), "{r}");
    assert!(r["headline"].is_object(), "{r}");
    assert_eq!(r["byline"]["authors"], json!(["Jane Doe"]));
}

/// The README's Hadoop Streaming mapper, run as written on lines that end
/// with the tab Hadoop may add: one result per record, exit 0.
#[test]
fn the_readme_hadoop_mapper_handles_trailing_tabs() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = &readme[readme.find("**Hadoop Streaming**").unwrap()..];
    let start = section.find("-mapper './lede ").unwrap() + "-mapper './lede ".len();
    let args: Vec<&str> = section[start..start + section[start..].find('\'').unwrap()]
        .split_whitespace()
        .collect();
    assert!(args.contains(&"jsonl"), "{args:?}");
    let input = format!(
        "{}\t\n{}\t\n",
        record(json!("h1"), ARTICLE),
        record(json!("h2"), ARTICLE)
    );
    let out = run(lede().args(&args).write_stdin(input), 0);
    let results = lines(stdout(&out));
    assert_eq!(results.len(), 2);
    assert_eq!(results[1]["source"], "h2");
    assert!(results.iter().all(|r| r.get("error").is_none()));
}
