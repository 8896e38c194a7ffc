//! `rcctl completions SHELL`: the completion script, straight from the grammar.
//! Dynamic completion (`COMPLETE=bash rcctl`) is answered before any command
//! runs, in `lib::run`; its candidates are in `crate::complete`.

use clap_complete::Shell;

use crate::cli;
use crate::output::Output;

pub fn run(shell: Shell, out: &Output) -> anyhow::Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cli::command(), "rcctl", &mut script);
    out.raw(&script)?;
    Ok(())
}
