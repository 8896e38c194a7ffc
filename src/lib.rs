//! rcctl: administer Rocket.Chat integrations from a terminal or a CI job.
//!
//! [`run`] parses the command line, dispatches to a command, prints an error
//! once and maps it to the exit code of CONTRACT.md section 5.

#![forbid(unsafe_code)]

pub mod api;
pub mod audit;
pub mod backup;
pub mod batch;
pub mod cli;
pub mod commands;
pub mod config;
pub mod exit;
pub mod interrupt;
pub mod output;
pub mod private_file;
pub mod prompt;
pub mod secret;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::Cli;
use crate::exit::{AlreadyReported, Exit};
use crate::output::Output;

/// Runs rcctl with the process's arguments and returns its exit code.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // --help and --version land here too, with exit code 0.
            let _ = err.print();
            return ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(Exit::Usage.code()));
        }
    };
    let out = Output::new(cli.global.json, cli.global.verbose);
    match commands::dispatch(cli, &out) {
        Ok(()) => ExitCode::SUCCESS,
        // `rcctl … | head -1`: the reader has gone, so stop quietly.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let exit = Exit::of(&err);
            if !err.is::<AlreadyReported>() {
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
