//! The help around the grammar: examples at the end of every command's
//! `--help`, the exit-code table of `rcctl --help`, and how to install
//! completions.

use anstyle::Style;

use crate::exit::Exit;

/// clap's own style for headings such as `Usage:` and `Options:`.
pub(super) const HEADER: Style = Style::new().bold().underline();

/// A help section of real command lines.
pub(super) fn examples(lines: &[&str]) -> String {
    let mut text = format!("{}Examples:{}", HEADER.render(), HEADER.render_reset());
    for line in lines {
        text.push_str("\n  ");
        text.push_str(line);
    }
    text
}

/// The exit codes of docs/contract.md §5, from the table that decides them.
pub(super) fn exit_codes() -> String {
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
pub(super) fn completions_help() -> String {
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
