//! Dynamic shell completion (`COMPLETE=bash rcctl`, clap_complete's
//! `CompleteEnv`): the values a shell offers for `-p` and for integration IDs.
//!
//! Profiles come from the config file, IDs from what `integrations list` last
//! saw on the same server with the same profile ([`IdCache`]). Completing
//! reads files only: it never calls a server, never runs a `token_command`,
//! and says nothing, so a broken config file just completes to nothing.

use clap::builder::StyledStr;
use clap_complete::CompletionCandidate;

use crate::config::{self, Env, Flags};
use crate::id_cache::IdCache;

/// Every profile in the config file, its server as the description.
pub fn profiles(flags: &Flags, env: &Env) -> Vec<CompletionCandidate> {
    let Some(file) = config_file(flags, env) else {
        return Vec::new();
    };
    file.raw
        .profiles
        .iter()
        .map(|(name, profile)| {
            CompletionCandidate::new(name).help(
                profile
                    .url
                    .as_deref()
                    .map(|url| StyledStr::from(shown(url))),
            )
        })
        .collect()
}

/// The integration IDs last listed on the server the command would talk to,
/// with the same profile, each described by its name.
pub fn integration_ids(flags: &Flags, env: &Env) -> Vec<CompletionCandidate> {
    let file = config_file(flags, env);
    let (Ok(settings), Some(data_dir)) = (
        config::resolve(flags, env, file.as_ref()),
        config::data_dir(env),
    ) else {
        return Vec::new();
    };
    IdCache::new(&data_dir)
        .load(settings.url().as_str(), settings.profile.as_deref())
        .into_iter()
        .map(|cached| {
            CompletionCandidate::new(cached.id).help(Some(StyledStr::from(shown(&cached.name))))
        })
        .collect()
}

fn config_file(flags: &Flags, env: &Env) -> Option<config::ConfigFile> {
    let path = config::config_path(flags, env)?;
    config::load(&path).ok().flatten()
}

/// A description on one line, without anything a shell would act on.
fn shown(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}
