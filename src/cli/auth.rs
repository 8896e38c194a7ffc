//! `rcctl auth …` (docs/contract.md §3.10).

use clap::{Args, Subcommand};
use clap_complete::ArgValueCandidates;

use super::help::examples;
use super::values::complete_profiles;
use crate::secret::Secret;

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

/// A value that must never be printed, straight from the command line.
fn secret(text: &str) -> Result<Secret, std::convert::Infallible> {
    Ok(Secret::new(text))
}
