//! The `rcctl` binary: everything happens in [`rcctl::run`].

#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    rcctl::run()
}
