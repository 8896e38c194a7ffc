//! What arguments are parsed into at the edge, and the values dynamic
//! completion offers (profile names, cached integration IDs).

use std::ffi::OsStr;
use std::fmt::Display;
use std::marker::PhantomData;
use std::str::FromStr;

use clap::FromArgMatches;
use clap::builder::TypedValueParser;
use clap::error::ErrorKind;
use clap_complete::CompletionCandidate;

use super::{GlobalArgs, command};
use crate::api::{IntegrationId, InvalidId};
use crate::complete;
use crate::config::{Env, Flags};

/// Profile names, for dynamic completion.
pub(super) fn complete_profiles() -> Vec<CompletionCandidate> {
    complete::profiles(&typed_flags(), &Env::from_process())
}

/// Integration IDs, for dynamic completion.
pub(super) fn complete_ids() -> Vec<CompletionCandidate> {
    complete::integration_ids(&typed_flags(), &Env::from_process())
}

/// The global flags on the command line being completed (the words after
/// `--` in `COMPLETE=bash rcctl -- rcctl -p prod integrations get …`).
fn typed_flags() -> Flags {
    let words = std::env::args_os().skip_while(|arg| arg != "--").skip(1);
    command()
        .ignore_errors(true)
        .try_get_matches_from(words)
        .ok()
        .and_then(|matches| GlobalArgs::from_arg_matches(&matches).ok())
        .map(|global| global.flags())
        .unwrap_or_default()
}

/// One `ID` argument of `remove`: an ID, or `-` for the IDs on stdin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdArg {
    Stdin,
    Id(IntegrationId),
}

impl FromStr for IdArg {
    type Err = InvalidId;

    fn from_str(text: &str) -> Result<Self, InvalidId> {
        match text {
            "-" => Ok(Self::Stdin),
            id => id.parse().map(Self::Id),
        }
    }
}

/// A value parser for a `FromStr` type whose error says everything: clap prints
/// that sentence alone (exit 2), without echoing a value that may be huge.
#[derive(Debug)]
pub(super) struct Checked<T>(PhantomData<fn() -> T>);

impl<T> Checked<T> {
    pub(super) fn new() -> Self {
        Self(PhantomData)
    }
}

impl<T> Clone for Checked<T> {
    fn clone(&self) -> Self {
        Self::new()
    }
}

impl<T> TypedValueParser for Checked<T>
where
    T: FromStr + Clone + Send + Sync + 'static,
    T::Err: Display,
{
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<T, clap::Error> {
        let invalid = |message: String| {
            clap::Error::raw(ErrorKind::ValueValidation, format!("{message}\n")).with_cmd(cmd)
        };
        value
            .to_str()
            .ok_or_else(|| invalid("an argument is not valid UTF-8".to_owned()))?
            .parse()
            .map_err(|err: T::Err| invalid(err.to_string()))
    }
}
