//! Integrations as code (docs/contract.md §7): the TOML files that describe
//! integrations, and the plan that makes a server match them. Nothing here
//! sends a request or prints; the commands `export`, `plan` and `apply` do.
//!
//! - [`read`]: the files named by PATH..., read and validated into
//!   [`Manifest`]s before any request (§7.4); every problem names the file,
//!   and the line and column where there is one;
//! - [`plan()`]: a pure function of the files, the server's documents and
//!   release, and the prune filter, giving the [`Plan`] that `plan` prints and
//!   `apply` carries out (§7.2), as Terraform's plan is a value;
//! - [`write`]: what `export` writes for the server's documents: a slug per
//!   integration, its TOML file and its script (§7.1).
//!
//! A file uses the server's own field names, and only those that
//! `integrations.create`/`update` accept for its type
//! ([`crate::api::writable_fields`]), so what a file may say and what a request
//! may carry are one list.

mod plan;
mod read;
mod write;

use std::path::PathBuf;

use serde_json::{Map, Value};

pub use plan::{Change, Create, Plan, PlanProblem, Scope, Update, plan};
pub use read::{ManifestError, load};
pub use write::{ExportFile, export_files};

use crate::api::IntegrationKind;
use crate::secret::Secret;

/// One file, validated: an integration as it should be.
#[derive(Debug, Clone)]
pub struct Manifest {
    pub path: PathBuf,
    /// `_id`: the integration on the server it came from.
    pub id: Option<String>,
    pub kind: IntegrationKind,
    pub name: String,
    /// Every field the file gives but `_id`, `type` and `token`, in the file's
    /// order and as the server's document holds them (`name` included; a
    /// script as its text, read from its file).
    pub fields: Map<String, Value>,
    /// Where the script's text came from, when it is not inline.
    pub script_file: Option<PathBuf>,
    /// An outgoing webhook's token, inline or read from the variable the file names.
    pub token: Option<Secret>,
}
