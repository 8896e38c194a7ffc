//! One file per noun: arguments in, calls to `api`/`config` below, values out to
//! [`Output`]. This module only dispatches; what every server command needs
//! before its first request (settings, a client) is in [`session`].

mod auth;
mod completions;
mod integrations;
mod safety;
mod session;

use crate::cli::{Cli, Command};
use crate::config::Env;
use crate::output::Output;

pub fn dispatch(cli: Cli, env: &Env, out: &Output) -> anyhow::Result<()> {
    match cli.command {
        Command::Integrations(command) => integrations::run(command, &cli.global, env, out),
        Command::Auth(command) => auth::run(command, &cli.global, env, out),
        Command::Completions { shell } => completions::run(shell, out),
    }
}
