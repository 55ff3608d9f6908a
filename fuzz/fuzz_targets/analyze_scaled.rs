//! Inputs that reach size: the fuzzer's bytes are a small program ("repeat
//! this unit n times, then this one", see `scaled.rs`) expanded to 32 kB and
//! to 256 kB. Both are analysed and the work counted (allocations plus
//! `lede::work` steps); more than 16x the work for 8x the input fails.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../scaled.rs"]
mod scaled;

#[global_allocator]
static ALLOC: scaled::Counting = scaled::Counting;

fuzz_target!(|data: &[u8]| {
    let Some(program) = scaled::Program::parse(data) else {
        return;
    };
    if let Err(e) = scaled::check(&program) {
        panic!("{e}");
    }
});
