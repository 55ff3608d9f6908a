//! Compiles the boilerplate gates' needles (src/boilerplate/needles.rs)
//! into the flat automaton tables the crate includes
//! (src/boilerplate/needle_tables.rs says how), so that no automaton is
//! built at run time.

#[path = "src/boilerplate/needle_tables.rs"]
mod needle_tables;
#[path = "src/boilerplate/needles.rs"]
#[allow(dead_code)]
mod needles;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/boilerplate/needles.rs");
    println!("cargo::rerun-if-changed=src/boilerplate/needle_tables.rs");
    let ci = needle_tables::table(needles::CI_GATES, true);
    let exact = needle_tables::table(needles::EXACT_GATES, false);
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("needle_tables.rs"), source(&ci, &exact)).expect("OUT_DIR is writable");
}

/// The Rust source of the two tables as statics of `boilerplate::Scan`,
/// `CI_SCAN` and `EXACT_SCAN`, which src/boilerplate.rs includes.
fn source(ci: &needle_tables::Table, exact: &needle_tables::Table) -> String {
    let mut s = String::from("// Written by build.rs from src/boilerplate/needles.rs.\n");
    for (name, t) in [("CI_SCAN", ci), ("EXACT_SCAN", exact)] {
        let list = |v: &mut dyn Iterator<Item = String>| v.collect::<Vec<_>>().join(",");
        s += &format!(
            "static {name}: Scan = Scan {{ class2: [{}], trans: padded(&[{}]), stride: {}, gates_at: &[{}], longest: {} }};\n",
            list(&mut t.class2.iter().map(u8::to_string)),
            list(&mut t.trans.iter().map(u16::to_string)),
            t.stride,
            list(&mut t.gates_at.iter().map(u64::to_string)),
            t.longest,
        );
    }
    s
}
