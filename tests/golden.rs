//! Every `fixtures/NAME.txt` against its hand-written `NAME.expect.json`
//! (gold format: `../shared/spec/GOLD.md`), compared the way the scorer
//! compares (`lede::gold::misses`, which `lede check` uses too).
//!
//! Each difference is a "miss". The misses still open are listed, one per
//! line, in `fixtures/known-misses.txt`; the test fails on any miss not in
//! that list (a regression) and on any listed miss that no longer happens
//! (an improvement: delete the line). Run with `LEDE_BLESS_MISSES=1` to
//! rewrite the list after reviewing the diff.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use lede::gold::misses;
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

#[test]
fn fixtures_match_their_expectations() {
    let dir = fixtures();
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("fixtures dir")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".expect.json"))
                .map(str::to_string)
        })
        .collect();
    names.sort();
    assert!(
        names.len() >= 15,
        "expected at least 15 fixtures, found {}",
        names.len()
    );
    let mut found = BTreeSet::new();
    for name in &names {
        let bytes = fs::read(dir.join(format!("{name}.txt"))).expect("fixture text");
        let analysis = lede::analyze_bytes(&bytes, lede::Encoding::Utf8).expect("fixture decodes");
        let out = serde_json::to_value(&analysis).expect("serialises");
        let gold: Value = serde_json::from_slice(
            &fs::read(dir.join(format!("{name}.expect.json"))).expect("expect file"),
        )
        .expect("expect file is JSON");
        for miss in misses(&gold, &out) {
            found.insert(format!("{name}: {miss}"));
        }
    }
    let list_path = dir.join("known-misses.txt");
    let known: BTreeSet<String> = fs::read_to_string(&list_path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    if std::env::var_os("LEDE_BLESS_MISSES").is_some() {
        let mut text = String::from(
            "# Open misses of lede against fixtures/*.expect.json; see tests/golden.rs.\n",
        );
        for m in &found {
            text.push_str(m);
            text.push('\n');
        }
        fs::write(&list_path, text).expect("write known misses");
        return;
    }
    let new: Vec<&String> = found.difference(&known).collect();
    let fixed: Vec<&String> = known.difference(&found).collect();
    assert!(
        new.is_empty() && fixed.is_empty(),
        "fixture results changed.\nNew misses (regressions):\n  {}\nFixed (delete from fixtures/known-misses.txt):\n  {}",
        new.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n  "),
        fixed.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n  ")
    );
}

#[test]
fn misses_detects_a_wrong_speaker() {
    let gold = serde_json::json!({"headline": "H", "byline_authors": [], "paragraphs": ["P."],
        "boilerplate": [], "quotes": [{"text": "Yes", "speaker": "Jane Doe"}]});
    let out = serde_json::json!({"headline": {"text": "H"}, "byline": null, "paragraphs": [{"text": "P."}],
        "boilerplate": [], "quotes": [{"text": "Yes,", "speaker": "John Roe"}]});
    let m = misses(&gold, &out);
    assert_eq!(
        m,
        [
            "quote missed: Yes <- jane doe",
            "quote extra: Yes <- john roe"
        ]
    );
    let right = serde_json::json!({"headline": {"text": "H"}, "byline": null, "paragraphs": [{"text": "P."}],
        "boilerplate": [], "quotes": [{"text": "Yes.", "speaker": "Ms Jane Doe"}]});
    assert!(misses(&gold, &right).is_empty());
}
