//! `--encoding` with every WHATWG label, `auto`, and `--lossy`; what spans
//! and `stats.bytes` index when a file is decoded.

use serde_json::Value;

use crate::cli_util::{lede, run, stderr, stdout, ARTICLE};

/// The article with accented words, so that legacy encodings differ.
fn accented() -> String {
    ARTICLE
        .replace("River Tolle", "rivière Tollé")
        .replace("town", "bourg élevé")
}

fn analysis(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(out)))
}

#[test]
fn any_whatwg_label_decodes_and_spans_index_the_decoded_text() {
    let text = accented();
    for label in [
        "iso-8859-15",
        "l1",
        "macintosh",
        "iso-8859-3",
        "windows-1254",
        "windows-1252",
    ] {
        let enc = encoding_rs::Encoding::for_label(label.as_bytes()).unwrap();
        let (bytes, _, unmappable) = enc.encode(&text);
        assert!(!unmappable, "{label}");
        let out = run(
            lede()
                .args(["--encoding", label])
                .write_stdin(bytes.to_vec()),
            0,
        );
        let a = analysis(&out);
        // stats.bytes is the decoded text's length in UTF-8, not the file's.
        assert_eq!(a["stats"]["bytes"], text.len(), "{label}");
        assert_ne!(
            bytes.len(),
            text.len(),
            "{label}: the test needs a difference"
        );
        // Every span slices the decoded text.
        for p in a["paragraphs"].as_array().unwrap() {
            let (s, e) = (
                p["span"][0].as_u64().unwrap() as usize,
                p["span"][1].as_u64().unwrap() as usize,
            );
            let folded: Vec<&str> = text[s..e].split_whitespace().collect();
            assert_eq!(folded.join(" "), p["text"].as_str().unwrap(), "{label}");
        }
        assert!(
            a["paragraphs"].to_string().contains("rivière Tollé"),
            "{label}"
        );
    }
    let sjis = encoding_rs::SHIFT_JIS
        .encode("橋が開通した\n\n町の人々が渡った。\n")
        .0;
    let out = run(
        lede()
            .args(["--encoding", "Shift_JIS"])
            .write_stdin(sjis.to_vec()),
        0,
    );
    assert!(
        stdout(&out).contains("町の人々が渡った。"),
        "{}",
        stdout(&out)
    );
    let bad = run(lede().args(["--encoding", "klingon"]), 2);
    assert!(stderr(&bad).contains("WHATWG"), "{}", stderr(&bad));
}

#[test]
fn auto_detects_legacy_text_and_keeps_utf8() {
    let text = accented();
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    let auto = run(
        lede()
            .args(["--encoding", "auto"])
            .write_stdin(bytes.to_vec()),
        0,
    );
    let strict = run(
        lede()
            .args(["--encoding", "windows-1252"])
            .write_stdin(bytes.to_vec()),
        0,
    );
    assert_eq!(auto.stdout, strict.stdout);
    let utf8 = run(
        lede()
            .args(["--encoding", "auto"])
            .write_stdin(text.clone()),
        0,
    );
    assert_eq!(utf8.stdout, run(lede().write_stdin(text), 0).stdout);
}

#[test]
fn lossy_replaces_invalid_utf8_with_a_warning() {
    // A renderer cut "é" (C3 A9) in two.
    let mut bytes = ARTICLE.replace("Saturday", "Saturday café").into_bytes();
    let at = bytes.windows(2).position(|w| w == [0xC3, 0xA9]).unwrap();
    bytes.remove(at + 1);
    run(lede().write_stdin(bytes.clone()), 1);
    let out = run(lede().arg("--lossy").write_stdin(bytes.clone()), 0);
    let a = analysis(&out);
    assert!(a["paragraphs"].to_string().contains("caf\u{fffd}"));
    let warning = a["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "lossy_utf8")
        .unwrap_or_else(|| panic!("{}", a["warnings"]));
    assert!(warning["message"]
        .as_str()
        .unwrap()
        .contains(&format!("offset {at}")));
    // Valid input gets no warning.
    let clean = analysis(&run(lede().arg("--lossy").write_stdin(ARTICLE), 0));
    assert!(!clean["warnings"].to_string().contains("lossy_utf8"));
}
