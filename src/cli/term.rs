//! Terminal concerns: colour decisions, styles, and text made safe to show.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::IsTerminal;

use anstyle::{AnsiColor, Style};

use super::args::ColorChoice;

/// Whether to colour a stream: `always`, `never`, or for `auto` when it is
/// a terminal, NO_COLOR is unset or empty, and TERM is not `dumb`.
pub fn use_color(choice: ColorChoice, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            is_terminal
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
        }
    }
}

pub fn stdout_color(choice: ColorChoice) -> bool {
    use_color(choice, std::io::stdout().is_terminal())
}

/// Styles for human-readable output; all plain when colour is off.
#[derive(Debug, Clone, Copy)]
pub struct Paint {
    pub on: bool,
}

impl Paint {
    fn apply(&self, style: Style, text: &str) -> String {
        if self.on {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }

    pub fn bold(&self, text: &str) -> String {
        self.apply(Style::new().bold(), text)
    }

    pub fn dim(&self, text: &str) -> String {
        self.apply(Style::new().dimmed(), text)
    }

    pub fn red(&self, text: &str) -> String {
        self.apply(AnsiColor::Red.on_default().bold(), text)
    }

    pub fn green(&self, text: &str) -> String {
        self.apply(AnsiColor::Green.on_default(), text)
    }

    pub fn yellow(&self, text: &str) -> String {
        self.apply(AnsiColor::Yellow.on_default().bold(), text)
    }

    pub fn cyan(&self, text: &str) -> String {
        self.apply(AnsiColor::Cyan.on_default(), text)
    }
}

/// Text from inputs (paths, article words) made safe for a terminal:
/// control characters, bidi overrides and zero-width characters are written
/// as `\u{…}` escapes, so they cannot move the cursor, recolour the screen
/// or reorder what is shown. Tabs and line breaks are escaped too: a
/// message stays on one line.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200b}'..='\u{200f}'   // zero-width space/joiners, LRM, RLM
            | '\u{202a}'..='\u{202e}' // bidi embeddings and overrides
            | '\u{2066}'..='\u{2069}' // bidi isolates
            | '\u{061c}'              // Arabic letter mark
            | '\u{feff}'              // BOM / zero-width no-break space
        )
}

/// Write one line to stderr; a closed or failing stderr is ignored (there
/// is nowhere left to report it).
pub fn eprint_line(line: &str) {
    use std::io::Write;
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{line}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_escapes_controls_and_bidi() {
        assert_eq!(sanitize("plain"), "plain");
        assert_eq!(sanitize("a\x1b[31mb"), "a\\u{1b}[31mb");
        assert_eq!(sanitize("x\u{202e}y\nz"), "x\\u{202e}y\\u{a}z");
    }

    #[test]
    fn colour_choice() {
        assert!(use_color(ColorChoice::Always, false));
        assert!(!use_color(ColorChoice::Never, true));
        assert!(!use_color(ColorChoice::Auto, false));
    }
}
