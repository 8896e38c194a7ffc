//! `rcctl completions SHELL`: the completion script, straight from the grammar.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::output::Output;

pub fn run(shell: Shell, out: &Output) -> anyhow::Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "rcctl", &mut script);
    out.raw(&script)?;
    Ok(())
}
