//! How what rcctl keeps on this machine looks: backups, and the profiles
//! of `auth`.

use std::path::PathBuf;

use serde::Serialize;

use super::{CellValue, Column, ID, Shown, minutes, some_text};
use crate::backup::Backup;

/// One local backup, as `backups --json` prints it.
#[derive(Debug, Serialize)]
pub struct BackupView<'a> {
    pub time: Option<&'a str>,
    pub server: Option<&'a str>,
    pub profile: Option<&'a str>,
    pub id: &'a str,
    pub name: &'a str,
    #[serde(rename = "type")]
    pub kind: &'a str,
    /// What came after the backup: `remove` or `update`.
    pub action: &'static str,
    /// The ID a restore of this backup created.
    pub restored_as: Option<&'a str>,
    /// `restored`, or `unknown` when a restore's answer was lost (it may have
    /// re-created the integration); `null` when never restored.
    pub restore_outcome: Option<&'static str>,
    pub file: &'a PathBuf,
}

impl<'a> BackupView<'a> {
    pub fn new(backup: &'a Backup) -> Self {
        let doc = &backup.integration;
        Self {
            time: backup.removed_at.as_deref(),
            server: backup.server.as_deref(),
            profile: backup.profile.as_deref(),
            id: doc.id(),
            name: doc.name(),
            kind: doc.type_name(),
            action: backup.action.name(),
            restored_as: backup
                .restored_as
                .as_ref()
                .and_then(|restored| restored.id.as_deref()),
            restore_outcome: backup.restored_as.as_ref().map(|restored| {
                if restored.id.is_some() {
                    "restored"
                } else {
                    "unknown"
                }
            }),
            file: &backup.path,
        }
    }
}

/// The columns of a local backup.
pub static BACKUP: &[Column<Backup>] = &[
    Column {
        label: "Time (UTC)",
        shown: Shown::Always,
        whole: true,
        value: |backup, _| {
            CellValue::text(minutes(backup.removed_at.as_deref().unwrap_or_default()))
        },
    },
    Column {
        label: "Server",
        shown: Shown::Always,
        whole: false,
        value: |backup, _| CellValue::text(backup.server.as_deref().unwrap_or_default()),
    },
    Column {
        label: ID,
        shown: Shown::Always,
        whole: true,
        value: |backup, _| CellValue::text(backup.integration.id()),
    },
    Column {
        label: "Name",
        shown: Shown::Always,
        whole: false,
        value: |backup, _| CellValue::text(backup.integration.name()),
    },
    Column {
        label: "Type",
        shown: Shown::Always,
        whole: true,
        value: |backup, _| CellValue::text(backup.integration.short_type()),
    },
    Column {
        label: "Action",
        shown: Shown::Always,
        whole: true,
        value: |backup, _| CellValue::text(backup.action.name()),
    },
    Column {
        label: "Restored as",
        shown: Shown::When(|backup| backup.restored_as.is_some()),
        whole: false,
        value: |backup, _| {
            some_text(
                backup
                    .restored_as
                    .as_ref()
                    .map(|r| r.id.as_deref().unwrap_or("unknown (answer lost)")),
            )
        },
    },
    Column {
        label: "File",
        shown: Shown::Always,
        whole: false,
        value: |backup, _| CellValue::text(backup.path.display().to_string()),
    },
];

/// `auth status`: who is logged in where, and where the token comes from.
#[derive(Debug, Serialize)]
pub struct StatusView {
    pub profile: Option<String>,
    pub url: String,
    pub user: String,
    pub user_id: String,
    pub server_version: Option<String>,
    pub token_source: String,
    pub token_kind: Option<&'static str>,
}

/// The fields of `auth status`.
pub static STATUS: &[Column<StatusView>] = &[
    Column {
        label: "Profile",
        shown: Shown::Always,
        whole: false,
        value: |status, _| some_text(status.profile.as_deref()),
    },
    Column {
        label: "URL",
        shown: Shown::Always,
        whole: false,
        value: |status, _| CellValue::text(&status.url),
    },
    Column {
        label: "User",
        shown: Shown::Always,
        whole: false,
        value: |status, _| CellValue::text(&status.user),
    },
    Column {
        label: "User id",
        shown: Shown::Always,
        whole: false,
        value: |status, _| CellValue::text(&status.user_id),
    },
    Column {
        label: "Server version",
        shown: Shown::Always,
        whole: false,
        value: |status, _| some_text(status.server_version.as_deref()),
    },
    Column {
        label: "Token from",
        shown: Shown::Always,
        whole: false,
        value: |status, _| CellValue::text(&status.token_source),
    },
    Column {
        label: "Token kind",
        shown: Shown::Always,
        whole: false,
        value: |status, _| some_text(status.token_kind),
    },
];

/// `auth login --json`: the profile just saved.
#[derive(Debug, Serialize)]
pub struct LoginView {
    pub profile: String,
    pub url: String,
    pub user: String,
    pub user_id: String,
    pub token_kind: &'static str,
    pub config_file: String,
}

/// One profile of `auth list`.
#[derive(Debug, Serialize)]
pub struct ProfileView {
    pub name: String,
    pub default: bool,
    pub url: Option<String>,
    pub user_id: Option<String>,
    /// What kind of token it holds (`session`, `personal`, `token_command`), never the token.
    pub token: Option<&'static str>,
}

/// The columns of `auth list`.
pub static PROFILE: &[Column<ProfileView>] = &[
    Column {
        label: "Default",
        shown: Shown::Always,
        whole: false,
        value: |profile, _| CellValue::text(if profile.default { "yes" } else { "" }),
    },
    Column {
        label: "Profile",
        shown: Shown::Always,
        whole: false,
        value: |profile, _| CellValue::text(&profile.name),
    },
    Column {
        label: "URL",
        shown: Shown::Always,
        whole: false,
        value: |profile, _| CellValue::text(profile.url.as_deref().unwrap_or_default()),
    },
    Column {
        label: "User id",
        shown: Shown::Always,
        whole: false,
        value: |profile, _| CellValue::text(profile.user_id.as_deref().unwrap_or_default()),
    },
    Column {
        label: "Token",
        shown: Shown::Always,
        whole: false,
        value: |profile, _| CellValue::text(profile.token.unwrap_or_default()),
    },
];
