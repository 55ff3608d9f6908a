//! The `lede` command line. Everything lives in `cli/`; see `lede --help`
//! and the README for the flags, subcommands and exit codes.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
