//! Library benchmarks: `lede::analyze` on a short, a long and a messy article
//! (benches/texts/, see its README), against a naive baseline that only
//! splits on blank lines and folds white space — the gap is what the
//! heuristics cost. Throughput is in bytes of input.
//!
//! A second group, `real`, analyses about 1 MB of real articles read at bench
//! time from `../shared/corpus/{dev,ggt,web}` when that folder is present
//! (never copied into the repo), else the texts of `fixtures/`: real pages
//! reach rules that the three texts above do not. Beside `lede` and
//! `lede+json` it times `tokens`: [`lede::tokens::TokenBuf::fill`] over the
//! same texts with the speakers' lexicon, the one tokenisation pass that
//! issue 15 proposed every rule should read.
//!
//! ```text
//! cargo bench --bench analyze                 # about 40 s
//! cargo bench --bench analyze -- --quick      # a few seconds
//! cargo bench --bench analyze -- long         # one text
//! cargo bench --bench analyze -- real         # the real articles only
//! cargo bench --bench analyze -- --save-baseline main   # then, on a branch:
//! cargo bench --bench analyze -- --baseline main
//! ```

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};

const TEXTS: [(&str, &str); 3] = [
    ("short", include_str!("texts/short.txt")),
    ("long", include_str!("texts/long.txt")),
    ("messy", include_str!("texts/messy.txt")),
];

/// What a tool without heuristics would do: paragraphs are runs of non-blank
/// lines, each folded to single spaces. One pass, one `String` per paragraph.
fn naive(input: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut cur = String::new();
    for line in input.lines() {
        let mut words = line.split_whitespace().peekable();
        if words.peek().is_none() {
            if !cur.is_empty() {
                paragraphs.push(std::mem::take(&mut cur));
            }
            continue;
        }
        for w in words {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(w);
        }
    }
    if !cur.is_empty() {
        paragraphs.push(cur);
    }
    paragraphs
}

fn analyze(c: &mut Criterion) {
    let mut g = c.benchmark_group("analyze");
    // Short measurement windows: these are for spotting a change's cost before
    // it lands, not for publication (bench/corpus.sh is).
    g.sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (name, text) in TEXTS {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("lede", name), text, |b, t| {
            b.iter(|| lede::analyze(black_box(t)))
        });
        // What the CLI does per article: analyse, then write the JSON.
        let mut out = Vec::with_capacity(1 << 16);
        g.bench_with_input(BenchmarkId::new("lede+json", name), text, |b, t| {
            b.iter(|| {
                out.clear();
                serde_json::to_writer(&mut out, &lede::analyze(black_box(t))).unwrap();
                out.len()
            })
        });
        g.bench_with_input(BenchmarkId::new("naive", name), text, |b, t| {
            b.iter(|| naive(black_box(t)))
        });
    }
    g.finish();
}

/// About this many bytes of real text per iteration of the `real` group.
const REAL_BYTES: usize = 1_000_000;

/// The `*.txt` files of `dirs` (not recursive), sorted.
fn text_files(dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = dirs
        .iter()
        .filter_map(|d| std::fs::read_dir(d).ok())
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// Real articles for the `real` group and where they came from: every n-th
/// text of the shared corpora (n chosen so that about [`REAL_BYTES`] are
/// taken, from every folder alike), else every fixture. Texts that are not
/// UTF-8 are left out (`analyze` takes `&str`).
fn real_texts() -> Option<(String, Vec<String>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/corpus");
    let dirs: Vec<PathBuf> = ["dev", "ggt", "web"]
        .iter()
        .map(|d| shared.join(d))
        .collect();
    let (what, files) = match text_files(&dirs) {
        f if !f.is_empty() => ("shared corpus", f),
        _ => ("fixtures", text_files(&[root.join("fixtures")])),
    };
    let total: u64 = files
        .iter()
        .filter_map(|f| f.metadata().ok())
        .map(|m| m.len())
        .sum();
    let step = (total as usize).div_ceil(REAL_BYTES).max(1);
    let texts: Vec<String> = files
        .iter()
        .step_by(step)
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect();
    (!texts.is_empty()).then(|| (what.to_string(), texts))
}

fn real(c: &mut Criterion) {
    let Some((what, texts)) = real_texts() else {
        eprintln!(
            "benches/analyze.rs: no real texts (../shared/corpus or fixtures/): `real` skipped"
        );
        return;
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    eprintln!(
        "benches/analyze.rs: `real` analyses {} texts, {bytes} bytes, of the {what}",
        texts.len()
    );
    let mut g = c.benchmark_group("real");
    // One iteration is a few hundred ms: flat sampling, the fewest samples.
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(BenchmarkId::new("lede", &what), |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| lede::analyze(black_box(t)).paragraphs.len())
                .sum::<usize>()
        })
    });
    let mut out = Vec::with_capacity(1 << 20);
    g.bench_function(BenchmarkId::new("lede+json", &what), |b| {
        b.iter(|| {
            let mut n = 0;
            for t in &texts {
                out.clear();
                serde_json::to_writer(&mut out, &lede::analyze(black_box(t))).unwrap();
                n += out.len();
            }
            n
        })
    });
    // The tokenised view of every text alone (issue 15's design: one token
    // array of each text, the speakers' lexicon looked up once a word),
    // the cost such a pass starts from before any rule reads it.
    let mut tokens = lede::tokens::TokenBuf::new();
    let lexicon = lede::speakers::lexicon();
    g.bench_function(BenchmarkId::new("tokens", &what), |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| tokens.fill(black_box(t), lexicon).map_or(0, <[_]>::len))
                .sum::<usize>()
        })
    });
    g.bench_function(BenchmarkId::new("naive", &what), |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| naive(black_box(t)).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, analyze, real);
criterion_main!(benches);
