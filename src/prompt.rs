//! Questions asked on a terminal: confirmations, passwords, 2FA codes.
//!
//! rcctl never waits for input that cannot come: every function here refuses at
//! once when stdin is not a terminal, with an error naming the flag to use instead
//! (the caller says which). Prompts go to stderr, so stdout stays data.

use std::io::{self, BufRead, IsTerminal, Write};

use crate::secret::Secret;

/// Whether a person can answer: stdin is a terminal.
pub fn can_ask() -> bool {
    io::stdin().is_terminal()
}

/// Asks for one line of visible input; the answer is trimmed.
pub fn ask_line(question: &str) -> io::Result<String> {
    let mut stderr = io::stderr().lock();
    write!(stderr, "{question}")?;
    stderr.flush()?;
    let mut answer = String::new();
    if io::stdin().lock().read_line(&mut answer)? == 0 {
        return Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "no answer (end of input)",
        ));
    }
    Ok(answer.trim().to_owned())
}

/// Asks for a secret without echoing it.
pub fn ask_hidden(question: &str) -> io::Result<Secret> {
    rpassword::prompt_password(question).map(Secret::new)
}

/// Reads a secret piped on stdin (`--password-stdin`, `--with-token`): the first
/// line, without its line ending.
pub fn read_secret_from_stdin() -> io::Result<Secret> {
    let mut line = String::new();
    io::stdin().lock().read_line(&mut line)?;
    Ok(Secret::new(line.trim_end_matches(['\r', '\n'])))
}
