//! The command-line grammar (docs/contract.md §1 and §3): clap derive types,
//! the help around them (examples, the exit codes), and the values dynamic
//! completion offers for them.

use std::ffi::OsStr;
use std::fmt::Display;
use std::marker::PhantomData;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use anstyle::Style;
use clap::builder::TypedValueParser;
use clap::error::ErrorKind;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use clap_complete::{ArgValueCandidates, CompletionCandidate, Shell};

use crate::api::{IntegrationId, IntegrationKind, InvalidId};
use crate::backup::BackupSource;
use crate::complete;
use crate::config::{Env, Flags};
use crate::exit::Exit;
use crate::filter::{self, Filter};
use crate::output::Format;
use crate::secret::Secret;

/// Administer a Rocket.Chat server from the command line.
///
/// Credentials come from a profile in the config file, or from RCCTL_URL,
/// RCCTL_USER_ID and RCCTL_AUTH_TOKEN; never from the command line.
#[derive(Debug, Parser)]
#[command(
    name = "rcctl",
    version,
    propagate_version = true,
    max_term_width = 100,
    after_help = examples(&[
        "rcctl auth login",
        "rcctl integrations list --type outgoing --name deploy",
        "rcctl integrations remove --dry-run oNLthAt9RwMw39N2B",
    ]),
    after_long_help = format!(
        "{}\n\n{}",
        examples(&[
            "rcctl auth login",
            "rcctl integrations list --type outgoing --name deploy",
            "rcctl integrations remove --dry-run oNLthAt9RwMw39N2B",
        ]),
        exit_codes()
    )
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted before or after any subcommand. Their help is in `rcctl
/// --help` (and every `--help`); `-h` names them in one line ([`command`]).
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Profile from the config file [env: RCCTL_PROFILE]
    #[arg(short, long, global = true, value_name = "NAME", hide_short_help = true,
          add = ArgValueCandidates::new(complete_profiles))]
    pub profile: Option<String>,

    /// Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]
    #[arg(long, global = true, value_name = "URL", hide_short_help = true)]
    pub url: Option<String>,

    /// Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]
    #[arg(long, global = true, value_name = "FILE", hide_short_help = true)]
    pub config: Option<PathBuf>,

    /// What stdout gets: a table that fits the terminal, the wide table, JSON,
    /// one JSON object per line, or one ID per line
    #[arg(
        short,
        long,
        global = true,
        value_name = "FORMAT",
        hide_short_help = true
    )]
    pub output: Option<OutputArg>,

    /// Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr
    #[arg(long, global = true, conflicts_with = "output", hide_short_help = true)]
    pub json: bool,

    /// Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]
    #[arg(long, global = true, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..),
          hide_short_help = true)]
    pub timeout: Option<u64>,

    /// Longest total wait for one rate-limited request before giving up (exit 8)
    #[arg(
        long,
        global = true,
        value_name = "SECS",
        default_value_t = 60,
        hide_short_help = true
    )]
    pub max_wait: u64,

    /// Extra PEM root certificate(s) to trust
    #[arg(long, global = true, value_name = "FILE", hide_short_help = true)]
    pub ca_cert: Option<PathBuf>,

    /// Skip TLS certificate verification (unsafe; warns every time)
    #[arg(long, global = true, hide_short_help = true)]
    pub insecure: bool,

    /// Print one line per HTTP exchange on stderr (secrets redacted)
    #[arg(short, long, global = true, hide_short_help = true)]
    pub verbose: bool,
}

impl GlobalArgs {
    /// The output format: `-o`, or `--json`, or a table.
    pub fn format(&self) -> Format {
        match (self.output, self.json) {
            (Some(format), _) => format.into(),
            (None, true) => Format::Json,
            (None, false) => Format::Table,
        }
    }

    /// The flags that configuration resolution takes.
    pub fn flags(&self) -> Flags {
        Flags {
            profile: self.profile.clone(),
            url: self.url.clone(),
            config: self.config.clone(),
            timeout: self.timeout,
            ca_cert: self.ca_cert.clone(),
        }
    }
}

/// `-o` values (docs/contract.md §4.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputArg {
    Table,
    Wide,
    Json,
    Ndjson,
    Id,
}

impl From<OutputArg> for Format {
    fn from(format: OutputArg) -> Self {
        match format {
            OutputArg::Table => Format::Table,
            OutputArg::Wide => Format::Wide,
            OutputArg::Json => Format::Json,
            OutputArg::Ndjson => Format::Ndjson,
            OutputArg::Id => Format::Id,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find, inspect and remove incoming and outgoing webhooks
    #[command(
        subcommand,
        after_long_help = examples(&[
            "rcctl integrations list --disabled",
            "rcctl integrations get oNLthAt9RwMw39N2B",
            "rcctl integrations list -o id --name staging- | rcctl integrations remove -",
        ])
    )]
    Integrations(IntegrationsCommand),

    /// Log in, see who you are, and switch between profiles
    #[command(
        subcommand,
        after_long_help = examples(&[
            "rcctl auth login",
            "rcctl auth status",
            "rcctl auth use staging",
        ])
    )]
    Auth(AuthCommand),

    /// Print the completion script for a shell
    ///
    /// The script completes commands and flags. rcctl can also complete
    /// profile names and integration IDs (those the last `integrations list`
    /// saw) as you type: see "Dynamic completion" below.
    #[command(after_long_help = completions_help())]
    Completions {
        /// bash, zsh, fish, elvish or powershell
        shell: Shell,
    },
}

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

#[derive(Debug, Subcommand)]
pub enum AuthCommand {
    /// Log in (password or personal access token) and save the profile
    ///
    /// The server is --url (or RCCTL_URL, or the profile's url); the profile is
    /// --profile (or RCCTL_PROFILE, or the default one). Credentials are checked
    /// with the server before anything is saved.
    #[command(after_long_help = examples(&[
        "rcctl auth login",
        "rcctl --url https://chat.example.com -p prod auth login --username admin",
        "rcctl auth login --with-token --user-id aobEdbYhXfu5hkeqG < token.txt",
    ]))]
    Login(LoginArgs),

    /// Show the profile, server, user and where the token comes from (never the token)
    #[command(after_long_help = examples(&[
        "rcctl auth status",
        "rcctl -p staging auth status --json",
    ]))]
    Status,

    /// Forget the profile's token; a password session is also ended on the server
    #[command(after_long_help = examples(&[
        "rcctl auth logout",
        "rcctl -p staging auth logout",
    ]))]
    Logout,

    /// List the profiles in the config file, the default one marked
    #[command(
        visible_alias = "ls",
        after_long_help = examples(&["rcctl auth list", "rcctl auth list --json"])
    )]
    List,

    /// Make a profile the default
    #[command(after_long_help = examples(&["rcctl auth use staging", "rcctl auth list"]))]
    Use {
        /// Profile name
        #[arg(add = ArgValueCandidates::new(complete_profiles))]
        name: String,
    },
}

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// User name or email [asked on a terminal]
    #[arg(long, value_name = "NAME", conflicts_with = "with_token")]
    pub username: Option<String>,

    /// Without a terminal, read the password from the first line of stdin
    #[arg(long, conflicts_with = "with_token")]
    pub password_stdin: bool,

    /// Two-factor code, if the server asks for one [asked on a terminal]
    #[arg(long, value_name = "CODE", value_parser = secret, conflicts_with = "with_token")]
    pub code: Option<Secret>,

    /// Log in with a personal access token (first line of stdin, or asked on a terminal)
    #[arg(long, requires = "user_id")]
    pub with_token: bool,

    /// The id of the user who owns the personal access token
    #[arg(long, value_name = "ID", requires = "with_token")]
    pub user_id: Option<String>,
}

/// The command line's grammar as parsed and shown: [`Cli`], with every `-h`
/// naming the global options in one line instead of repeating their help.
pub fn command() -> clap::Command {
    let command = Cli::command();
    let globals: Vec<String> = command
        .get_arguments()
        .filter(|arg| arg.is_global_set())
        .map(|arg| match (arg.get_short(), arg.get_long()) {
            (Some(short), Some(long)) => format!("-{short}/--{long}"),
            (None, Some(long)) => format!("--{long}"),
            (Some(short), None) => format!("-{short}"),
            (None, None) => arg.get_id().to_string(),
        })
        .collect();
    // Wrapped here: clap's own wrapping of this line leaves a blank line in it.
    let mut pointer = format!(
        "{}Global options:{}",
        HEADER.render(),
        HEADER.render_reset()
    );
    let mut width = "Global options:".len();
    let last = globals.len().saturating_sub(1);
    for (index, global) in globals.iter().enumerate() {
        let word = if index == last {
            format!("{global} (see --help)")
        } else {
            format!("{global},")
        };
        if width + 1 + word.len() > 90 {
            pointer.push_str("\n ");
            width = 1;
        }
        pointer.push(' ');
        pointer.push_str(&word);
        width += 1 + word.len();
    }
    with_pointer(command, &pointer)
}

/// Parses the process's arguments.
pub fn parse() -> Result<Cli, clap::Error> {
    let mut matches = command().try_get_matches()?;
    Cli::from_arg_matches_mut(&mut matches).map_err(|err| err.format(&mut command()))
}

/// `-h` of `command` and of every subcommand ends with `pointer`, after the
/// examples that `--help` shows.
fn with_pointer(mut command: clap::Command, pointer: &str) -> clap::Command {
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_owned())
        .collect();
    for name in names {
        command = command.mut_subcommand(name, |sub| with_pointer(sub, pointer));
    }
    let short = command
        .get_after_help()
        .or_else(|| command.get_after_long_help())
        .map(|text| format!("{}\n\n", text.ansi()));
    let short = format!("{}{pointer}", short.unwrap_or_default());
    command.after_help(short)
}

/// clap's own style for headings such as `Usage:` and `Options:`.
const HEADER: Style = Style::new().bold().underline();

/// A help section of real command lines.
fn examples(lines: &[&str]) -> String {
    let mut text = format!("{}Examples:{}", HEADER.render(), HEADER.render_reset());
    for line in lines {
        text.push_str("\n  ");
        text.push_str(line);
    }
    text
}

/// The exit codes of docs/contract.md §5, from the table that decides them.
fn exit_codes() -> String {
    let mut text = format!("{}Exit codes:{}", HEADER.render(), HEADER.render_reset());
    for exit in Exit::ALL {
        text.push_str(&format!(
            "\n  {:>3}  {:<14}{}",
            exit.code(),
            exit.name(),
            exit.meaning()
        ));
    }
    text
}

/// How to install the scripts, and dynamic completion, shell by shell.
fn completions_help() -> String {
    format!(
        "{}Installing the script:{}
  bash        rcctl completions bash > ~/.local/share/bash-completion/completions/rcctl
  zsh         rcctl completions zsh > ~/.zfunc/_rcctl
              (with `fpath+=~/.zfunc; autoload -Uz compinit; compinit` in ~/.zshrc)
  fish        rcctl completions fish > ~/.config/fish/completions/rcctl.fish
  elvish      rcctl completions elvish >> ~/.config/elvish/rc.elv
  powershell  rcctl completions powershell >> $PROFILE
Then open a new shell.

{}Dynamic completion{} (profile names for -p, integration IDs for get and remove):
  bash        echo 'source <(COMPLETE=bash rcctl)' >> ~/.bashrc
  zsh         echo 'source <(COMPLETE=zsh rcctl)' >> ~/.zshrc
  fish        echo 'COMPLETE=fish rcctl | source' >> ~/.config/fish/config.fish
  elvish      echo 'eval (E:COMPLETE=elvish rcctl | slurp)' >> ~/.config/elvish/rc.elv
  powershell  add these lines to $PROFILE:
              $env:COMPLETE = \"powershell\"; rcctl | Out-String | Invoke-Expression
              Remove-Item Env:\\COMPLETE
IDs come from what `rcctl integrations list` last saw on that server with
that profile; completing never asks the server.

{}",
        HEADER.render(),
        HEADER.render_reset(),
        HEADER.render(),
        HEADER.render_reset(),
        examples(&[
            "rcctl completions fish > ~/.config/fish/completions/rcctl.fish",
            "echo 'source <(COMPLETE=bash rcctl)' >> ~/.bashrc",
        ])
    )
}

/// Profile names, for dynamic completion.
fn complete_profiles() -> Vec<CompletionCandidate> {
    complete::profiles(&typed_flags(), &Env::from_process())
}

/// Integration IDs, for dynamic completion.
fn complete_ids() -> Vec<CompletionCandidate> {
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
struct Checked<T>(PhantomData<fn() -> T>);

impl<T> Checked<T> {
    fn new() -> Self {
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

/// A value that must never be printed, straight from the command line.
fn secret(text: &str) -> Result<Secret, std::convert::Infallible> {
    Ok(Secret::new(text))
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_grammar_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn global_options_work_after_the_subcommand() {
        let cli = Cli::try_parse_from([
            "rcctl",
            "integrations",
            "get",
            "abc",
            "--json",
            "-p",
            "prod",
            "--url",
            "https://x",
        ])
        .expect("parses");
        assert!(cli.global.json);
        assert_eq!(cli.global.profile.as_deref(), Some("prod"));
    }

    #[test]
    fn type_aliases_are_accepted() {
        for (text, kind) in [
            ("incoming", KindArg::Incoming),
            ("webhook-incoming", KindArg::Incoming),
            ("outgoing", KindArg::Outgoing),
            ("webhook-outgoing", KindArg::Outgoing),
        ] {
            let cli = Cli::try_parse_from(["rcctl", "integrations", "remove", "-t", text, "id1"])
                .expect("parses");
            let Command::Integrations(IntegrationsCommand::Remove(args)) = cli.command else {
                panic!("not remove")
            };
            assert_eq!(args.filters.kind, Some(kind));
        }
    }

    #[test]
    fn with_token_needs_a_user_id_and_excludes_a_password() {
        let parse =
            |args: &[&str]| Cli::try_parse_from([&["rcctl", "auth", "login"], args].concat());
        assert!(parse(&["--with-token"]).is_err());
        assert!(parse(&["--user-id", "u"]).is_err());
        assert!(parse(&["--with-token", "--user-id", "u", "--password-stdin"]).is_err());
        assert!(parse(&["--with-token", "--user-id", "u"]).is_ok());
    }

    #[test]
    fn the_two_factor_code_is_a_secret() {
        let cli =
            Cli::try_parse_from(["rcctl", "auth", "login", "--code", "123456"]).expect("parses");
        assert!(!format!("{cli:?}").contains("123456"));
    }

    #[test]
    fn ids_are_parsed_at_the_edge() {
        let cli = Cli::try_parse_from(["rcctl", "integrations", "remove", "a1", "-", "b2"])
            .expect("parses");
        let Command::Integrations(IntegrationsCommand::Remove(args)) = cli.command else {
            panic!("not remove")
        };
        let id = |text: &str| IdArg::Id(text.parse().expect("an ID"));
        assert_eq!(args.ids, [id("a1"), IdArg::Stdin, id("b2")]);

        for bad in ["a b", "", "x\u{7}"] {
            let err =
                Cli::try_parse_from(["rcctl", "integrations", "get", bad]).expect_err("rejected");
            assert_eq!(err.exit_code(), 2, "{bad:?}");
        }
        let huge = "x".repeat(70_000);
        let err =
            Cli::try_parse_from(["rcctl", "integrations", "remove", &huge]).expect_err("rejected");
        assert!(err.to_string().len() < 300, "the value is not echoed whole");
    }

    #[test]
    fn every_command_ends_its_long_help_with_examples() {
        fn visit(command: &clap::Command, path: &str) {
            let path = format!("{path} {}", command.get_name());
            if command.get_subcommands().next().is_none() {
                let help = command
                    .get_after_long_help()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                assert!(help.contains("Examples:"), "`{path}` has no examples");
            }
            for sub in command.get_subcommands() {
                visit(sub, &path);
            }
        }
        visit(&Cli::command(), "");
    }

    #[test]
    fn plan_and_apply_need_a_path_and_take_the_filters() {
        assert!(Cli::try_parse_from(["rcctl", "integrations", "plan"]).is_err());
        let cli = Cli::try_parse_from([
            "rcctl",
            "integrations",
            "apply",
            "a.toml",
            "dir",
            "--prune",
            "-t",
            "outgoing",
            "--yes",
        ])
        .expect("parses");
        let Command::Integrations(IntegrationsCommand::Apply(args)) = cli.command else {
            panic!("not apply")
        };
        assert_eq!(args.manifest.paths, [PathBuf::from("a.toml"), "dir".into()]);
        assert!(args.manifest.prune && args.yes && !args.dry_run);
        assert_eq!(args.manifest.filters.kind, Some(KindArg::Outgoing));
    }

    #[test]
    fn timeout_zero_is_a_usage_error() {
        assert!(Cli::try_parse_from(["rcctl", "--timeout", "0", "completions", "bash"]).is_err());
    }
}
