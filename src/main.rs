use std::io::{Read, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let explain = args.iter().any(|a| a == "--explain");
    let pretty = args.iter().any(|a| a == "--pretty");
    let path = args.iter().find(|a| !a.starts_with("--"));
    let bytes = match path {
        Some(p) if p != "-" => match std::fs::read(p) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("lede: {p}: {e}");
                return ExitCode::from(1);
            }
        },
        _ => {
            let mut b = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut b) {
                eprintln!("lede: <stdin>: {e}");
                return ExitCode::from(1);
            }
            b
        }
    };
    let text = match lede::input::decode(&bytes, lede::Encoding::Utf8) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("lede: {}: {e}", path.map_or("<stdin>", |p| p.as_str()));
            return ExitCode::from(1);
        }
    };
    let (mut a, ex) = lede::analyze_explained(&text);
    a.source = path.cloned();
    let mut out = std::io::stdout().lock();
    if explain {
        for e in ex {
            let _ = writeln!(out, "{:>6}..{:<6} {:<11} {:<22} {}", e.span.start, e.span.end, e.role, e.rule, e.text.chars().take(90).collect::<String>());
        }
        return ExitCode::SUCCESS;
    }
    let s = if pretty { serde_json::to_string_pretty(&a) } else { serde_json::to_string(&a) };
    let _ = writeln!(out, "{}", s.unwrap_or_default());
    ExitCode::SUCCESS
}
