//! A bug in the analysis must not take a batch down: each article is
//! analysed under `catch_unwind`, and a panic becomes that input's fault.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};

use super::inputs::Fault;

thread_local! {
    /// Where and why the last panic on this thread happened.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
    /// True while this thread runs inside [`run`].
    static GUARDED: Cell<bool> = const { Cell::new(false) };
}

/// Inside [`run`], replace the default panic message (several lines on
/// stderr) by a note that `run` reports as the input's fault. Elsewhere a
/// panic is reported as usual.
pub fn install() {
    let default = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if !GUARDED.with(Cell::get) {
            return default(info);
        }
        let message = match info.payload().downcast_ref::<&str>() {
            Some(s) => (*s).to_string(),
            None => info
                .payload()
                .downcast_ref::<String>()
                .cloned()
                .unwrap_or_else(|| "unknown cause".to_string()),
        };
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{message}{place}")));
    }));
}

/// Run `f`; a panic becomes an `internal` fault naming its cause.
pub fn run<T>(f: impl FnOnce() -> T) -> Result<T, Fault> {
    let outer = GUARDED.with(|g| g.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(outer));
    result.map_err(|_| {
        let cause = LAST_PANIC
            .with(|p| p.borrow_mut().take())
            .unwrap_or_else(|| "unknown cause".to_string());
        Fault::new(
            "internal",
            format!("lede failed on this input (a bug; please report it with the input): {cause}"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_fault() {
        install();
        let fault = run(|| -> u8 { panic!("boom") }).unwrap_err();
        assert_eq!(fault.kind, "internal");
        assert!(fault.message.contains("boom"), "{}", fault.message);
        assert_eq!(run(|| 7).unwrap(), 7);
        let _ = panic::take_hook();
    }
}
