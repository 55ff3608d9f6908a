//! Library benchmarks: `lede::analyze` on a short, a long and a messy article
//! (benches/texts/, see its README), against a naive baseline that only
//! splits on blank lines and folds white space — the gap is what the
//! heuristics cost. Throughput is in bytes of input.
//!
//! ```text
//! cargo bench --bench analyze                 # about 30 s
//! cargo bench --bench analyze -- --quick      # a few seconds
//! cargo bench --bench analyze -- long         # one text
//! cargo bench --bench analyze -- --save-baseline main   # then, on a branch:
//! cargo bench --bench analyze -- --baseline main
//! ```

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

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

criterion_group!(benches, analyze);
criterion_main!(benches);
