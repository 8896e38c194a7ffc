//! `rcctl integrations export` (docs/contract.md §7.1): the integrations that
//! match FILTERS, written as files into DIR for `plan` and `apply`.
//!
//! What each file says is decided in [`crate::manifest::export_files`]; this
//! command lists, writes (atomically: 0644, or 0600 when a file holds a
//! token) and reports. Outgoing tokens stay out of the files unless
//! `--show-secrets`: the variables their files name are printed on stderr,
//! since `plan` and `apply` need them set.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::Context;

use super::list_matching;
use crate::cli::{DEFAULT_PARALLEL, ExportArgs, GlobalArgs};
use crate::commands::session::connect;
use crate::config::Env;
use crate::manifest::{ExportFile, export_files};
use crate::output::Output;
use crate::output::view::{EXPORTED, ExportedView};
use crate::private_file::write_atomically;

/// Mode of the files anyone may read: they hold no secret.
const SHARED: u32 = 0o644;
/// Mode of a file that holds a token (`--show-secrets`).
const PRIVATE: u32 = 0o600;

pub fn run(args: &ExportArgs, global: &GlobalArgs, env: &Env, out: &Output) -> anyhow::Result<()> {
    let session = connect(global, env, out)?;
    let docs = list_matching(
        &session,
        &args.filters.filter(),
        DEFAULT_PARALLEL.into(),
        out,
    )?;
    let (files, warnings) = export_files(&docs, args.show_secrets);
    for warning in &warnings {
        out.warn(warning);
    }
    let dir = &args.dir;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut written = Vec::with_capacity(files.len());
    for file in &files {
        written.push(write(dir, file)?);
    }
    for file in &files {
        if let Some(variable) = &file.token_env {
            out.notice(&format!(
                "the token of {} ({}) is not in its file: set {variable} before `plan` or `apply`",
                file.name, file.id
            ));
        }
    }
    warn_of_strays(dir, &written, out);
    if files.is_empty() {
        out.note("no integrations matched; nothing was written");
    }
    out.records(&written, EXPORTED)?;
    Ok(())
}

/// Writes one integration's script (first: its file names it) and TOML file.
fn write(dir: &Path, file: &ExportFile) -> anyhow::Result<ExportedView> {
    if let Some(script) = &file.script {
        let path = dir.join(format!("{}.js", file.slug));
        write_atomically(&path, script.as_bytes(), SHARED)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    let path = dir.join(format!("{}.toml", file.slug));
    let mode = if file.holds_secret { PRIVATE } else { SHARED };
    write_atomically(&path, file.toml.as_bytes(), mode)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(ExportedView {
        file: path.display().to_string(),
        id: file.id.clone(),
        name: file.name.clone(),
        kind: file.kind,
    })
}

/// `*.toml` files in DIR that this export did not write: left from an
/// integration renamed or removed since, they would still be planned.
fn warn_of_strays(dir: &Path, written: &[ExportedView], out: &Output) {
    let ours: HashSet<PathBuf> = written
        .iter()
        .map(|view| PathBuf::from(&view.file))
        .collect();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut strays: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .filter(|path| !ours.contains(path))
        .collect();
    strays.sort();
    for stray in strays {
        out.warn(&format!(
            "{} was not written by this export: delete it if its integration is gone, or \
             `plan` and `apply` will still read it",
            stray.display()
        ));
    }
}
