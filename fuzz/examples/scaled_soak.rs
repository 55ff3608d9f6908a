//! The `analyze_scaled` check without libFuzzer: random programs built
//! from a palette of the marks and words lede's heuristics look at, run for
//! a while. `cargo run --release --example scaled_soak -- SECONDS [SEED]`.
//! Prints every program that fails (also written to `artifacts/scaled/`)
//! and, at the end, how many ran and the largest growth of work seen.

#[path = "../scaled.rs"]
mod scaled;

#[global_allocator]
static ALLOC: scaled::Counting = scaled::Counting;

const PALETTE: &[&str] = &[
    "\"",
    "\u{201c}",
    "\u{201d}",
    "\u{ab}",
    "\u{bb}",
    "\u{201e}",
    "'",
    "\u{2018}",
    "\u{2019}",
    "a ",
    "word ",
    "We agree",
    ".",
    ",",
    ":",
    " ",
    "\n",
    "\n\n",
    " said",
    " he said",
    " she said",
    "He ",
    "She ",
    "They ",
    "John ",
    "Mira ",
    "Doev ",
    "Karlsson ",
    "added",
    " told reporters",
    "According to ",
    "the mayor",
    ", a spokesman",
    "By ",
    "Jane Doe",
    "LONDON (Wire) \u{2014} ",
    "Read more: ",
    "Photo: ",
    "\u{2014}",
    "-",
    "(",
    ")",
    "1",
    "Monday",
    "\u{a0}",
    "\t",
    "\r\n",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn fragments(rng: &mut Rng, max: usize) -> Vec<u8> {
    let mut s = Vec::new();
    for _ in 0..1 + rng.below(max) {
        s.extend_from_slice(PALETTE[rng.below(PALETTE.len())].as_bytes());
    }
    s.truncate(64);
    s
}

/// A program's bytes, as the fuzz target reads them.
fn program(rng: &mut Rng) -> Vec<u8> {
    let mut data = if rng.below(2) == 0 {
        b"Council approves bridge plan\n\nBy Jane Doe\n\n".to_vec()
    } else {
        fragments(rng, 4)
    };
    for _ in 0..1 + rng.below(4) {
        data.push(0);
        data.push(1 + rng.below(8) as u8);
        data.extend(fragments(rng, 6));
    }
    data
}

/// The programs of issue 14's families (see bench/scaling.py), written
/// to `seeds/` for the fuzzer's corpus and checked here.
fn families() {
    let head = "Council approves bridge plan\n\nBy Jane Doe\n\n";
    let programs: &[(&str, &str, &str)] = &[
        ("quotes_straight", head, "\"a "),
        ("quotes_curly_open", head, "\u{201c}a "),
        ("quotes_word", head, "\"word "),
        ("quotes_added_colon", head, "added:\"On "),
        ("quotes_closed", head, "\u{201c}We agree.\u{201d} "),
        ("quotes_sentences", head, "\"a. "),
        ("quotes_lines", head, "\"a\n"),
        (
            "pronoun_fits_nobody",
            head,
            "John Doev spoke on Monday. \u{201c}We will,\u{201d} she said.\n\n",
        ),
        ("one_word_lines", "", "word\n"),
        (
            "said_quotes",
            head,
            "\u{201c}We will look at it again,\u{201d} he said.\n\n",
        ),
        (
            "nested_quotes",
            "The leader said ",
            "\u{201c}we \u{2018}we ",
        ),
        (
            "long_line_prose",
            "",
            "lorem ipsum dolor sit amet, the raven said. ",
        ),
    ];
    let _ = std::fs::create_dir_all("seeds/analyze_scaled");
    for (name, prefix, unit) in programs {
        let mut data = prefix.as_bytes().to_vec();
        data.extend_from_slice(&[0, 2]);
        data.extend_from_slice(unit.as_bytes());
        let _ = std::fs::write(format!("seeds/analyze_scaled/{name}"), &data);
        let p = scaled::Program::parse(&data).expect("a program");
        match scaled::check(&p) {
            Ok((s, l)) => println!(
                "ok   {name}: work {:?} -> {:?} (at most {:.1}x for {:.1}x the input), peak heap {:.1}x the input",
                (s.instructions, s.steps, s.allocs),
                (l.instructions, l.steps, l.allocs),
                l.growth(&s),
                l.bytes as f64 / s.bytes as f64,
                l.peak as f64 / l.bytes as f64
            ),
            Err(e) => println!("FAIL {name}: {}", e.split(". Program").next().unwrap_or(&e)),
        }
    }
}

fn main() {
    if std::env::args().nth(1).as_deref() == Some("families") {
        return families();
    }
    let mut args = std::env::args().skip(1);
    let seconds: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(60);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let mut rng = Rng(seed.max(1));
    let start = std::time::Instant::now();
    let (mut runs, mut failures, mut worst) = (0u64, 0u64, (0.0f64, String::new()));
    while start.elapsed().as_secs() < seconds {
        let data = program(&mut rng);
        let Some(p) = scaled::Program::parse(&data) else {
            continue;
        };
        runs += 1;
        match scaled::check(&p) {
            Ok((small, large)) => {
                let growth = large.growth(&small);
                if growth > worst.0 {
                    worst = (growth, format!("{p:?}"));
                }
            }
            Err(e) => {
                failures += 1;
                println!("FAIL {e}");
                let dir = std::path::Path::new("artifacts/scaled");
                let _ = std::fs::create_dir_all(dir);
                let _ = std::fs::write(dir.join(format!("fail-{seed}-{runs}")), &data);
            }
        }
    }
    println!(
        "{runs} programs in {} s (seed {seed}), {failures} failed; largest growth of work \
         {:.1}x for 8x the input: {}",
        start.elapsed().as_secs(),
        worst.0,
        worst.1
    );
    if failures > 0 {
        std::process::exit(1);
    }
}
