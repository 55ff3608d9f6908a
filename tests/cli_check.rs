//! `lede check` and `--bless`.

use std::fs;

use crate::cli_util::{fixtures, lede, run, stderr, stdout, ARTICLE};

#[test]
fn check_bless_then_detect_a_change() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    fs::create_dir(dir.join("sub")).unwrap();
    fs::copy(&fixtures()[0], dir.join("sub/b.txt")).unwrap();

    // No expected files yet.
    let out = run(lede().arg("check").arg(dir), 1);
    assert_eq!(
        stdout(&out).matches("missing").count(),
        2,
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("--bless"));

    // Bless writes them beside the articles; they are not inputs themselves.
    let out = run(lede().args(["check", "--bless"]).arg(dir), 0);
    assert!(stdout(&out).contains("created"));
    assert!(dir.join("a.expected.json").is_file());
    assert!(dir.join("sub/b.expected.json").is_file());
    let out = run(lede().arg("check").arg(dir), 0);
    assert_eq!(stdout(&out), "");
    assert!(
        stderr(&out).contains("2 articles: 2 same, 0 differ"),
        "{}",
        stderr(&out)
    );

    // The expected file holds the output (without source).
    let expected: lede::Analysis =
        serde_json::from_slice(&fs::read(dir.join("a.expected.json")).unwrap()).unwrap();
    assert_eq!(expected.source, None);
    assert_eq!(
        expected.headline.unwrap().text,
        "Harbour town opens new footbridge"
    );

    // Change the headline: a readable diff, field by field, and exit 1.
    let changed = ARTICLE.replace("opens new", "closes old");
    fs::write(dir.join("a.txt"), &changed).unwrap();
    let out = run(lede().args(["check", "--color", "never"]).arg(dir), 1);
    let text = stdout(&out);
    assert!(text.starts_with("differs "), "{text}");
    assert!(text.contains("/headline/text"), "{text}");
    assert!(
        text.contains("- \"Harbour town opens new footbridge\""),
        "{text}"
    );
    assert!(
        text.contains("+ \"Harbour town closes old footbridge\""),
        "{text}"
    );
    assert!(text.contains("spans moved by +1 byte:"), "{text}");
    assert!(
        !text.contains("sub/b.txt"),
        "unchanged articles are not listed"
    );

    // Bless again: updated, and clean afterwards.
    let out = run(lede().args(["check", "--bless"]).arg(dir), 0);
    assert!(stdout(&out).contains("updated"), "{}", stdout(&out));
    assert!(stderr(&out).contains("1 expected files written, 1 unchanged"));
    run(lede().args(["check", "-q"]).arg(dir), 0);
}

#[test]
fn check_with_an_expected_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let articles = tmp.path().join("articles");
    let expected = tmp.path().join("expected");
    fs::create_dir_all(articles.join("deep")).unwrap();
    fs::write(articles.join("deep/a.txt"), ARTICLE).unwrap();
    run(
        lede()
            .args(["check", "--bless", "-q", "--expected"])
            .arg(&expected)
            .arg(&articles),
        0,
    );
    assert!(expected.join("deep/a.expected.json").is_file());
    assert!(!articles.join("deep/a.expected.json").exists());
    run(
        lede()
            .args(["check", "--expected"])
            .arg(&expected)
            .arg(&articles),
        0,
    );
    // Checking beside the articles instead finds nothing.
    run(lede().args(["check", "-q"]).arg(&articles), 1);
}

#[test]
fn check_reports_a_broken_expected_file_and_refuses_stdin() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("a.txt"), ARTICLE).unwrap();
    fs::write(tmp.path().join("a.expected.json"), "{oops").unwrap();
    let out = run(lede().arg("check").arg(tmp.path()), 1);
    assert!(
        stderr(&out).contains("is not valid JSON"),
        "{}",
        stderr(&out)
    );
    // --bless replaces it.
    run(lede().args(["check", "--bless", "-q"]).arg(tmp.path()), 0);
    run(lede().args(["check", "-q"]).arg(tmp.path()), 0);
    run(lede().arg("check").write_stdin(ARTICLE), 2);
    run(lede().args(["check", "-"]).write_stdin(ARTICLE), 2);
}

/// The repo's own fixtures hold hand-written gold files (`NAME.expect.json`):
/// `lede check fixtures/` compares against them and passes, known misses
/// included; a changed gold file is reported as a miss and fails.
#[test]
fn check_understands_the_fixtures_gold_files() {
    let out = run(lede().arg("check").arg(crate::cli_util::fixture_dir()), 0);
    let err = stderr(&out);
    let n = fixtures().len() - 1; // known-misses.txt is the list, not an article
    assert!(
        err.contains(&format!("{n} articles: {n} same")),
        "{err}\n{}",
        stdout(&out)
    );
    assert!(!stdout(&out).contains("missing"), "{}", stdout(&out));

    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let article = ARTICLE.replace("said the mayor, Ellis Varga", "said Ellis Varga");
    fs::write(dir.join("a.txt"), article).unwrap();
    let gold = serde_json::json!({
        "headline": "Harbour town opens new footbridge",
        "byline_authors": ["Mara Quint"],
        "paragraphs": [
            "The new footbridge over the River Tolle opened on Saturday after two years of work.",
            "\"It joins the two halves of the town at last,\" said Ellis Varga.",
            "Residents crossed in their hundreds during the first hour."
        ],
        "boilerplate": [],
        "quotes": [{"text": "It joins the two halves of the town at last", "speaker": "Ellis Varga"}]
    });
    fs::write(dir.join("a.expect.json"), gold.to_string()).unwrap();
    run(lede().args(["check", "-q"]).arg(dir), 0);
    let mut wrong = gold.clone();
    wrong["byline_authors"] = serde_json::json!(["Mara Quince"]);
    fs::write(dir.join("a.expect.json"), wrong.to_string()).unwrap();
    let out = run(lede().args(["check", "--color", "never"]).arg(dir), 1);
    let text = stdout(&out);
    assert!(text.contains("2 misses against the gold file"), "{text}");
    assert!(text.contains("byline missed: mara quince"), "{text}");
    // Listed as known, the misses no longer fail the check.
    fs::write(
        dir.join("known-misses.txt"),
        "a: byline missed: mara quince\na: byline extra: mara quint\n",
    )
    .unwrap();
    let out = run(lede().arg("check").arg(dir), 0);
    assert!(stderr(&out).contains("2 known misses"), "{}", stderr(&out));
    // --bless never writes over a hand-written gold file.
    run(lede().args(["check", "--bless", "-q"]).arg(dir), 0);
    assert_eq!(
        fs::read_to_string(dir.join("a.expect.json")).unwrap(),
        wrong.to_string()
    );
    assert!(!dir.join("a.expected.json").exists());
}
