//! `rcctl integrations …`: its subcommands, their arguments, and the FILTERS
//! every command that selects integrations takes (docs/contract.md §3).

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Subcommand, ValueEnum};
use clap_complete::ArgValueCandidates;

use super::help::examples;
use super::values::{Checked, IdArg, complete_ids};
use crate::api::{IntegrationId, IntegrationKind};
use crate::backup::BackupSource;
use crate::filter::{self, Filter};

#[derive(Debug, Subcommand)]
pub enum IntegrationsCommand {
    /// Remove integrations, after checking each one's type
    ///
    /// Each integration is read first, and its own type is sent; a backup is
    /// written before it goes. Also `rcctl integrations delete` and `rm`.
    #[command(
        visible_aliases = ["delete", "rm"],
        after_long_help = examples(&[
            "rcctl integrations remove -t outgoing oNLthAt9RwMw39N2B",
            "rcctl integrations remove --dry-run oNLthAt9RwMw39N2B 659ea5b72dd9f928ada3e43e",
            "rcctl integrations list -o id --disabled | rcctl integrations remove -",
            "rcctl integrations remove --disabled --created-by old.admin --max 20",
        ])
    )]
    Remove(RemoveArgs),

    /// Print one integration
    #[command(after_long_help = examples(&[
        "rcctl integrations get oNLthAt9RwMw39N2B",
        "rcctl integrations get --json oNLthAt9RwMw39N2B | jq .urls",
    ]))]
    Get(GetArgs),

    /// List the integrations you may see, every page
    #[command(
        visible_alias = "ls",
        after_long_help = examples(&[
            "rcctl integrations list --type outgoing --name deploy",
            "rcctl integrations list -o wide --event sendMessage",
            "rcctl integrations list --disabled --older-than 90d -o id",
        ])
    )]
    List(ListArgs),

    /// Bring an integration back from a backup file, or from the newest backup of an ID
    #[command(after_long_help = examples(&[
        "rcctl integrations restore oNLthAt9RwMw39N2B",
        "rcctl integrations get --json --show-secrets oNLthAt9RwMw39N2B > saved.json",
        "rcctl integrations restore saved.json",
    ]))]
    Restore(RestoreArgs),

    /// List the local backups of removed or updated integrations, newest first
    #[command(after_long_help = examples(&[
        "rcctl integrations backups",
        "rcctl integrations backups -o id",
    ]))]
    Backups,

    /// Show an outgoing webhook's delivery history, newest first
    #[command(after_long_help = examples(&[
        "rcctl integrations history oNLthAt9RwMw39N2B",
        "rcctl integrations history --limit 200 --json oNLthAt9RwMw39N2B | jq '.[] | select(.error)'",
    ]))]
    History(HistoryArgs),

    /// Check the matching integrations for problems; reads only, changes nothing
    #[command(after_long_help = examples(&[
        "rcctl integrations doctor",
        "rcctl integrations doctor --type outgoing --stale 30",
        "rcctl integrations doctor --exit-code --json > findings.json",
    ]))]
    Doctor(DoctorArgs),

    /// Write one TOML file per integration (its script beside it), to keep them in git
    #[command(after_long_help = examples(&[
        "rcctl integrations export --dir integrations",
        "rcctl integrations export -t outgoing --dir hooks",
    ]))]
    Export(ExportArgs),

    /// Compare TOML files with the server: what `apply` would change (reads only)
    #[command(after_long_help = examples(&[
        "rcctl integrations plan integrations/",
        "rcctl integrations plan integrations/ --prune --exit-code   # in CI: exit 11 on drift",
    ]))]
    Plan(PlanArgs),

    /// Make the server match TOML files: create, update, and with --prune remove
    #[command(after_long_help = examples(&[
        "rcctl integrations apply integrations/",
        "rcctl integrations apply integrations/ --prune --yes        # in CI, on the main branch",
        "rcctl -p staging integrations apply integrations/guggy.toml",
    ]))]
    Apply(ApplyArgs),
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub filters: FilterArgs,

    /// The directory to write into (created if missing)
    #[arg(long, value_name = "DIR", default_value = "integrations")]
    pub dir: PathBuf,

    /// Write outgoing tokens into the files (then mode 0600) instead of
    /// { env = "RCCTL_TOKEN_<SLUG>" } references
    #[arg(long)]
    pub show_secrets: bool,
}

/// What `plan` and `apply` share: the files, and what --prune may remove.
#[derive(Debug, Args)]
pub struct ManifestArgs {
    /// TOML files, or directories whose *.toml files are read (not recursively)
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    /// Also remove each integration that matches the FILTERS below and no file
    #[arg(long)]
    pub prune: bool,

    /// Print tokens instead of "[redacted]"
    #[arg(long)]
    pub show_secrets: bool,

    /// What --prune may remove
    #[command(flatten)]
    pub filters: FilterArgs,
}

// `plan`'s and `apply`'s own flags come before the shared ones, whose
// FILTERS heading would otherwise cover them too.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Exit 11 when applying the files would change anything
    #[arg(long)]
    pub exit_code: bool,

    #[command(flatten)]
    pub manifest: ManifestArgs,
}

#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// Show the plan; change nothing (what `plan` does)
    #[arg(long)]
    pub dry_run: bool,

    /// Apply without asking (needed without a terminal)
    #[arg(short, long)]
    pub yes: bool,

    /// Do not back up each integration before it is updated or removed
    #[arg(long)]
    pub no_backup: bool,

    #[command(flatten)]
    pub manifest: ManifestArgs,
}

/// Without IDs, FILTERS select the integrations to remove (`--all` for every
/// one): the matches are listed, then a terminal is asked
/// `Remove N integrations from <server>? [y/N]`; without a terminal `--yes`
/// is needed. With IDs, `--type` is a guard: an integration of another type
/// is refused (exit 7).
#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// Integration IDs; `-` reads IDs from stdin, one per line
    #[arg(value_name = "ID", value_parser = Checked::<IdArg>::new(),
          add = ArgValueCandidates::new(complete_ids))]
    pub ids: Vec<IdArg>,

    // With IDs, `--type` is the guard and the other filters are refused;
    // without IDs, every integration that matches is removed.
    #[command(flatten)]
    pub filters: FilterArgs,

    /// Without IDs or filters: remove every integration you may see
    #[arg(long)]
    pub all: bool,

    /// Refuse (exit 7, nothing removed) when more than N integrations would be removed
    #[arg(long, value_name = "N")]
    pub max: Option<usize>,

    /// Show what would be removed; remove nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Report integrations that do not exist on stderr and count them as success
    #[arg(long)]
    pub ignore_missing: bool,

    /// Print the integration's token instead of "[redacted]"
    #[arg(long)]
    pub show_secrets: bool,

    /// Up to N requests in flight at once; output and exit code keep the ID order
    #[arg(long, value_name = "N", default_value_t = DEFAULT_PARALLEL, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub parallel: u16,

    /// Confirm without asking (needed without a terminal to remove by filter,
    /// and for protected profiles)
    #[arg(short, long)]
    pub yes: bool,

    /// Do not write a backup of each removed integration
    #[arg(long)]
    pub no_backup: bool,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// A backup file, or an integration ID whose newest backup is used
    #[arg(value_name = "FILE|ID", value_parser = Checked::<BackupSource>::new())]
    pub source: BackupSource,

    /// Confirm without asking (needed for protected profiles without a terminal)
    #[arg(short, long)]
    pub yes: bool,

    /// Restore even a backup that was restored before (creates another copy)
    #[arg(long)]
    pub force: bool,

    /// Print the integration's token instead of "[redacted]"
    #[arg(long)]
    pub show_secrets: bool,
}

#[derive(Debug, Args)]
pub struct GetArgs {
    /// Integration ID
    #[arg(value_name = "ID", value_parser = Checked::<IntegrationId>::new(),
          add = ArgValueCandidates::new(complete_ids))]
    pub id: IntegrationId,

    /// Print the integration's token instead of "[redacted]"
    #[arg(long)]
    pub show_secrets: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filters: FilterArgs,

    /// Print tokens instead of "[redacted]"
    #[arg(long)]
    pub show_secrets: bool,

    /// Up to N pages requested at once, once the first page has told the total
    #[arg(long, value_name = "N", default_value_t = DEFAULT_PARALLEL, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub parallel: u16,
}

/// Requests in flight at once unless `--parallel` says otherwise (docs/contract.md §3.1).
pub const DEFAULT_PARALLEL: u16 = 4;

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The ID of an outgoing integration
    #[arg(value_name = "ID", value_parser = Checked::<IntegrationId>::new())]
    pub id: IntegrationId,

    /// Show at most N entries
    #[arg(long, value_name = "N", default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: u32,

    /// Print the tokens inside the entries instead of "[redacted]"
    #[arg(long)]
    pub show_secrets: bool,
}

/// Findings: post-as-user-missing, script-error, legacy-script-engine and
/// failing are errors; insecure-url, secret-in-url and creator-missing are
/// warnings; stale and disabled are info.
#[derive(Debug, Args)]
pub struct DoctorArgs {
    #[command(flatten)]
    pub filters: FilterArgs,

    /// Call an outgoing integration stale when it is older than DAYS and has
    /// delivered nothing for that long
    #[arg(long, value_name = "DAYS", default_value_t = 90, value_parser = clap::value_parser!(u32).range(1..))]
    pub stale: u32,

    /// Exit 12 when any `error` finding exists
    #[arg(long)]
    pub exit_code: bool,
}

/// The outgoing events Rocket.Chat knows (docs/server-api.md §3.3).
pub const EVENTS: [&str; 7] = [
    "sendMessage",
    "fileUploaded",
    "roomArchived",
    "roomCreated",
    "roomJoined",
    "roomLeft",
    "userCreated",
];

/// FILTERS (docs/contract.md §3.3): every command that selects integrations
/// takes these; several must all hold.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Filters")]
pub struct FilterArgs {
    /// Only integrations of this type: webhook-incoming or webhook-outgoing
    /// (aliases: incoming, outgoing)
    #[arg(short = 't', long = "type", value_name = "TYPE")]
    pub kind: Option<KindArg>,

    /// Only integrations whose name contains TEXT (any case)
    #[arg(long, value_name = "TEXT")]
    pub name: Option<String>,

    /// Only enabled integrations
    #[arg(long, conflicts_with = "disabled")]
    pub enabled: bool,

    /// Only disabled integrations
    #[arg(long)]
    pub disabled: bool,

    /// Only integrations created by this user (username)
    #[arg(long, value_name = "USERNAME")]
    pub created_by: Option<String>,

    /// Only integrations posting to or listening on this channel (#room or @user; prefix optional)
    #[arg(long, value_name = "NAME")]
    pub channel: Option<String>,

    /// Only outgoing integrations triggered by this event
    #[arg(long, value_name = "EVENT", value_parser = clap::builder::PossibleValuesParser::new(EVENTS))]
    pub event: Option<String>,

    /// Only integrations created more than DURATION ago, e.g. 90d, 12h, 1w
    #[arg(long, value_name = "DURATION", value_parser = filter::parse_duration)]
    pub older_than: Option<Duration>,
}

impl FilterArgs {
    pub fn filter(&self) -> Filter {
        Filter {
            kind: self.kind.map(IntegrationKind::from),
            name: self.name.clone(),
            enabled: match (self.enabled, self.disabled) {
                (true, _) => Some(true),
                (_, true) => Some(false),
                _ => None,
            },
            created_by: self.created_by.clone(),
            channel: self.channel.clone(),
            event: self.event.clone(),
            older_than: self.older_than,
        }
    }
}

/// `--type` values, with the short aliases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    #[value(name = "webhook-incoming", alias = "incoming")]
    Incoming,
    #[value(name = "webhook-outgoing", alias = "outgoing")]
    Outgoing,
}

impl From<KindArg> for IntegrationKind {
    fn from(kind: KindArg) -> Self {
        match kind {
            KindArg::Incoming => IntegrationKind::Incoming,
            KindArg::Outgoing => IntegrationKind::Outgoing,
        }
    }
}
