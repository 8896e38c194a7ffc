//! A profile's `token_command` (docs/contract.md §2): run through the shell
//! when the token is needed, its trimmed stdout is the token.

use std::process::{Command, Stdio};

use super::{ConfigError, Source};
use crate::secret::Secret;

/// Runs `command`; its trimmed stdout is the token.
pub(super) fn run(command: &str, source: &Source) -> Result<Secret, ConfigError> {
    let failed = |reason: String| ConfigError::TokenCommand {
        origin: source.clone(),
        reason,
    };
    let output = shell(command)
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|err| failed(format!("cannot run `{command}`: {err}")))?;
    if !output.status.success() {
        return Err(failed(format!("`{command}` exited with {}", output.status)));
    }
    let token = String::from_utf8(output.stdout)
        .map_err(|_| failed(format!("`{command}` printed something that is not UTF-8")))?;
    let token = Secret::new(token.trim());
    if token.is_empty() {
        return Err(failed(format!("`{command}` printed nothing")));
    }
    Ok(token)
}

#[cfg(unix)]
fn shell(command: &str) -> Command {
    let mut shell = Command::new("sh");
    shell.arg("-c").arg(command);
    shell
}

#[cfg(windows)]
fn shell(command: &str) -> Command {
    let mut shell = Command::new("cmd");
    shell.arg("/C").arg(command);
    shell
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failing_token_command_is_a_config_error() {
        let err = run("exit 3", &Source::Default).expect_err("fails");
        assert!(matches!(err, ConfigError::TokenCommand { .. }));
    }
}
