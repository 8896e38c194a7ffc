//! rcctl: administer Rocket.Chat integrations from a terminal or a CI job.
//!
//! [`run`] parses the command line, dispatches to a command, prints an error
//! once and maps it to the exit code of docs/contract.md §5. How the modules
//! depend on each other, and why, is in docs/design.md.

#![forbid(unsafe_code)]

mod api;
mod audit;
mod backup;
mod batch;
mod cli;
mod commands;
mod complete;
mod config;
mod error;
mod exit;
mod filter;
mod id_cache;
mod interrupt;
mod manifest;
mod output;
mod private_file;
mod prompt;
mod secret;

/// What the fuzz targets in `fuzz/` drive: the response classifier and the
/// config parser and resolver. Not an API.
#[doc(hidden)]
pub mod fuzzing {
    pub use crate::api::{RawResponse, classify};
    pub use crate::config::{Env, Flags, parse, resolve};
}

/// The command line's grammar, for the man pages in `man/` and their drift
/// test. Not an API.
#[doc(hidden)]
pub fn command() -> clap::Command {
    cli::command()
}

use std::process::ExitCode;

use clap_complete::CompleteEnv;

use crate::config::Env;
use crate::error::Interrupted;
use crate::exit::{AlreadyReported, Exit};
use crate::output::Output;

/// Runs rcctl with the process's arguments and returns its exit code.
pub fn run() -> ExitCode {
    // `COMPLETE=bash rcctl …`: the shell asks for completions (docs/contract.md §3.11).
    match CompleteEnv::with_factory(cli::command)
        .try_complete(std::env::args_os(), std::env::current_dir().ok().as_deref())
    {
        Ok(true) => return ExitCode::SUCCESS,
        Ok(false) => {}
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(Exit::Usage.code());
        }
    }
    let cli = match cli::parse() {
        Ok(cli) => cli,
        Err(err) => {
            // --help and --version land here too, with exit code 0.
            let _ = err.print();
            return ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(Exit::Usage.code()));
        }
    };
    let env = Env::from_process();
    let out = Output::new(cli.global.format(), cli.global.verbose, &env);
    match commands::dispatch(cli, &env, &out) {
        Ok(()) => ExitCode::SUCCESS,
        // `rcctl … | head -1`: the reader has gone, so stop quietly.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let exit = Exit::of(&err);
            // A batch prints its own report, an interrupted one too.
            if !err.is::<AlreadyReported>() && !err.is::<Interrupted>() {
                out.error(&err, exit);
            }
            exit.into()
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
