//! The command-line grammar (docs/contract.md §1 and §3): clap derive types.
//!
//! - here: the command line as a whole, its global options and `-o`;
//! - [`integrations`]: `rcctl integrations …` and the FILTERS;
//! - [`auth`]: `rcctl auth …`;
//! - [`values`]: the types arguments are parsed into (an ID, `-`), and the
//!   values dynamic completion offers;
//! - [`help`]: the help around them (examples, the exit codes, installing
//!   completions).

mod auth;
mod help;
mod integrations;
mod values;

pub use auth::{AuthCommand, LoginArgs};
pub use integrations::{
    ApplyArgs, DEFAULT_PARALLEL, DoctorArgs, ExportArgs, GetArgs, HistoryArgs, IntegrationsCommand,
    ListArgs, ManifestArgs, PlanArgs, RemoveArgs, RestoreArgs,
};
pub use values::IdArg;

use std::path::PathBuf;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use clap_complete::{ArgValueCandidates, Shell};

use crate::config::Flags;
use crate::output::Format;
use help::{HEADER, completions_help, examples, exit_codes};
use values::complete_profiles;

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

#[cfg(test)]
mod tests {
    use super::integrations::KindArg;
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
