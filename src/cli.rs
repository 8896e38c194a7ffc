//! The command-line grammar (docs/contract.md §1 and §3): clap derive types only.

use std::ffi::OsStr;
use std::fmt::Display;
use std::marker::PhantomData;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use clap::builder::TypedValueParser;
use clap::error::ErrorKind;
use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

use crate::api::{IntegrationId, IntegrationKind, InvalidId};
use crate::backup::BackupSource;
use crate::filter::{self, Filter};
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
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted before or after any subcommand.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Profile from the config file [env: RCCTL_PROFILE]
    #[arg(short, long, global = true, value_name = "NAME")]
    pub profile: Option<String>,

    /// Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]
    #[arg(long, global = true, value_name = "URL")]
    pub url: Option<String>,

    /// Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Machine-readable output: JSON on stdout, JSON errors on stderr
    #[arg(long, global = true)]
    pub json: bool,

    /// Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]
    #[arg(long, global = true, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout: Option<u64>,

    /// Longest total wait for one rate-limited request before giving up (exit 8)
    #[arg(long, global = true, value_name = "SECS", default_value_t = 60)]
    pub max_wait: u64,

    /// Extra PEM root certificate(s) to trust
    #[arg(long, global = true, value_name = "FILE")]
    pub ca_cert: Option<PathBuf>,

    /// Skip TLS certificate verification (unsafe; warns every time)
    #[arg(long, global = true)]
    pub insecure: bool,

    /// Print one line per HTTP exchange on stderr (secrets redacted)
    #[arg(short, long, global = true)]
    pub verbose: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find, inspect and remove incoming and outgoing webhooks
    #[command(subcommand)]
    Integrations(IntegrationsCommand),

    /// Log in, see who you are, and switch between profiles
    #[command(subcommand)]
    Auth(AuthCommand),

    /// Print the completion script for a shell
    Completions {
        /// bash, zsh, fish, elvish or powershell
        shell: Shell,
    },
}

#[derive(Debug, Subcommand)]
pub enum IntegrationsCommand {
    /// Remove integrations, after checking each one's type
    #[command(visible_alias = "rm")]
    Remove(RemoveArgs),

    /// Print one integration
    Get(GetArgs),

    /// List the integrations you may see, every page
    #[command(visible_alias = "ls")]
    List(ListArgs),

    /// Re-create an integration from a backup file, or from the newest backup of an ID
    Restore(RestoreArgs),

    /// List the local backups of removed integrations, newest first
    Backups,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// Integration IDs; `-` reads IDs from stdin, one per line
    #[arg(value_name = "ID", required = true, value_parser = Checked::<IdArg>::new())]
    pub ids: Vec<IdArg>,

    /// Remove only integrations of this type; any other type is refused (exit 7).
    /// Without it, each integration's own type is used.
    #[arg(short = 't', long = "type", value_name = "TYPE")]
    pub kind: Option<KindArg>,

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
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub parallel: u16,

    /// Confirm without asking (needed for protected profiles without a terminal)
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
    #[arg(value_name = "ID", value_parser = Checked::<IntegrationId>::new())]
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
    /// Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)
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
    Login(LoginArgs),

    /// Show the profile, server, user and where the token comes from (never the token)
    Status,

    /// Forget the profile's token; a password session is also ended on the server
    Logout,

    /// List the profiles in the config file, the default one marked
    #[command(visible_alias = "ls")]
    List,

    /// Make a profile the default
    Use {
        /// Profile name
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
            assert_eq!(args.kind, Some(kind));
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
    fn timeout_zero_is_a_usage_error() {
        assert!(Cli::try_parse_from(["rcctl", "--timeout", "0", "completions", "bash"]).is_err());
    }
}
