//! The `rcctl` binary: everything happens in [`rcctl::run`].

fn main() -> std::process::ExitCode {
    rcctl::run()
}
