//! Writing the config file (docs/contract.md §2): `auth login`, `logout`, `use`.
//!
//! The file is edited, not regenerated: `toml_edit` keeps the user's comments,
//! key order and keys rcctl does not know. It is written back with
//! [`private_file::write_private_atomically`] (0600 in a 0700 directory, temp
//! file then rename), so a crash never leaves half a file with a token in it.
//!
//! Each edit is a read-modify-write under an exclusive lock on
//! `config.toml.lock` beside the file, held from [`ConfigEditor::open`] until
//! the editor is dropped, so concurrent rcctl processes never lose each
//! other's edits (docs/contract.md §6.3). A config that is a symbolic link is
//! edited where it points, and the link stays.

use std::path::{Path, PathBuf};

use toml_edit::{DocumentMut, InlineTable, Item, TableLike, Value};

use super::file::line_and_column;
use super::{ConfigError, RawConfig, Source, TokenKind, parse};
use crate::private_file::{self, FileLock};
use crate::secret::Secret;

/// Most symbolic links followed to the real file.
const MAX_LINKS: usize = 40;

/// What `auth login` writes into a profile.
#[derive(Debug)]
pub struct LoggedInProfile<'a> {
    pub url: &'a str,
    pub user_id: &'a str,
    pub token: &'a Secret,
    pub token_kind: TokenKind,
    /// `--ca-cert`, as an absolute path, when it was given (docs/contract.md §6.10).
    pub ca_cert: Option<&'a Path>,
    /// `--timeout`, when it was given.
    pub timeout: Option<u64>,
}

/// What `auth logout` found in a profile.
#[derive(Debug, PartialEq, Eq)]
pub enum Forgotten {
    /// A `token` was removed.
    Token,
    /// The profile had no `token` to remove.
    Nothing,
}

/// The config file, parsed for editing, and locked until dropped. Nothing
/// changes on disk until [`save`].
///
/// [`save`]: ConfigEditor::save
#[derive(Debug)]
pub struct ConfigEditor {
    /// The real file: where a symbolic link points.
    path: PathBuf,
    doc: DocumentMut,
    raw: RawConfig,
    /// `None` only for editors made from text in tests.
    _lock: Option<FileLock>,
}

impl ConfigEditor {
    /// Locks and opens the file at `path` (or where it links to); a missing
    /// file is an empty one.
    pub fn open(path: &Path) -> Result<Self, ConfigError> {
        let path = link_target(path).map_err(|source| ConfigError::Unreadable {
            path: path.to_owned(),
            source,
        })?;
        let lock = private_file::lock_beside(&path).map_err(|source| ConfigError::Unwritable {
            path: path.clone(),
            source,
        })?;
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(source) => return Err(ConfigError::Unreadable { path, source }),
        };
        Ok(Self {
            _lock: Some(lock),
            ..Self::from_text(&path, &text)?
        })
    }

    /// Parses `text` as the file at `path`; errors name the line and column.
    fn from_text(path: &Path, text: &str) -> Result<Self, ConfigError> {
        // The typed parse first: it checks the shape and names line and column.
        let raw = parse(path, text)?.raw;
        let doc = text.parse::<DocumentMut>().map_err(|err| {
            let (line, column) = line_and_column(text, err.span().map_or(0, |span| span.start));
            ConfigError::Malformed {
                path: path.to_owned(),
                line,
                column,
                message: err.message().trim().to_owned(),
            }
        })?;
        Ok(Self {
            path: path.to_owned(),
            doc,
            raw,
            _lock: None,
        })
    }

    /// Writes a logged-in profile. `token_command` goes, since the new token would
    /// shadow it. When the file names no default, the profile in use stays the
    /// default: the first one written, or the only one already there.
    pub fn set_profile(
        &mut self,
        name: &str,
        profile: &LoggedInProfile<'_>,
    ) -> Result<(), ConfigError> {
        if self.raw.default_profile.is_none() {
            let default = if self.raw.profiles.is_empty() {
                Some(name)
            } else {
                self.raw.default_profile_name()
            };
            if let Some(default) = default {
                set_string(self.doc.as_table_mut(), "default_profile", default);
            }
        }
        let table = self.profile_table(name)?;
        set_string(table, "url", profile.url);
        set_string(table, "user_id", profile.user_id);
        set_string(table, "token", profile.token.expose());
        set_string(table, "token_kind", profile.token_kind.as_str());
        table.remove("token_command");
        if let Some(ca_cert) = profile.ca_cert {
            set_string(table, "ca_cert", &ca_cert.to_string_lossy());
        }
        if let Some(timeout) = profile.timeout {
            let mut value = Value::from(i64::try_from(timeout).unwrap_or(i64::MAX));
            if let Some(old) = table.get("timeout").and_then(Item::as_value) {
                *value.decor_mut() = old.decor().clone();
            }
            table.insert("timeout", Item::Value(value));
        }
        Ok(())
    }

    /// Removes the profile's `token` and `token_kind`; the rest stays.
    pub fn forget_token(&mut self, name: &str) -> Forgotten {
        let Some(table) = self.existing_profile_table(name) else {
            return Forgotten::Nothing;
        };
        table.remove("token_kind");
        match table.remove("token") {
            Some(_) => Forgotten::Token,
            None => Forgotten::Nothing,
        }
    }

    /// Makes `name` the default profile; it must exist.
    pub fn set_default(&mut self, name: &str) -> Result<(), ConfigError> {
        if !self.raw.profiles.contains_key(name) {
            return Err(ConfigError::UnknownProfile {
                name: name.to_owned(),
                origin: Source::Flag("the command line"),
                path: Some(self.path.clone()),
                available: self.raw.profiles.keys().cloned().collect(),
            });
        }
        set_string(self.doc.as_table_mut(), "default_profile", name);
        Ok(())
    }

    /// Writes the edited file: 0600, atomically.
    pub fn save(&self) -> Result<(), ConfigError> {
        private_file::write_private_atomically(&self.path, self.doc.to_string().as_bytes()).map_err(
            |source| ConfigError::Unwritable {
                path: self.path.clone(),
                source,
            },
        )
    }

    /// `[profiles.NAME]`, created when missing (inline inside an inline `profiles`).
    fn profile_table(&mut self, name: &str) -> Result<&mut dyn TableLike, ConfigError> {
        let not_a_table = |what: String| ConfigError::Malformed {
            path: self.path.clone(),
            line: 1,
            column: 1,
            message: format!("{what} is not a table"),
        };
        let profiles = self.doc.entry("profiles").or_insert_with(|| {
            let mut table = toml_edit::Table::new();
            // `[profiles.x]` headers only, no empty `[profiles]`.
            table.set_implicit(true);
            Item::Table(table)
        });
        let inline = profiles.is_inline_table();
        let profile = profiles
            .as_table_like_mut()
            .ok_or_else(|| not_a_table("`profiles`".to_owned()))?
            .entry(name)
            .or_insert_with(|| {
                if inline {
                    Item::Value(Value::InlineTable(InlineTable::new()))
                } else {
                    toml_edit::table()
                }
            });
        profile
            .as_table_like_mut()
            .ok_or_else(|| not_a_table(format!("profile `{name}`")))
    }

    fn existing_profile_table(&mut self, name: &str) -> Option<&mut dyn TableLike> {
        self.doc
            .get_mut("profiles")?
            .as_table_like_mut()?
            .get_mut(name)?
            .as_table_like_mut()
    }
}

/// The file `path` names after following every symbolic link (even one to a
/// file not created yet), so that a save replaces the file, not the link.
fn link_target(path: &Path) -> std::io::Result<PathBuf> {
    let mut path = path.to_owned();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&path) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let target = std::fs::read_link(&path)?;
                path = match path.parent() {
                    Some(dir) => dir.join(target),
                    None => target,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(std::io::Error::other(format!(
        "more than {MAX_LINKS} symbolic links to follow"
    )))
}

/// Sets a string, keeping the comment and spacing around an old value.
fn set_string(table: &mut dyn TableLike, key: &str, text: &str) {
    let mut value = Value::from(text);
    if let Some(old) = table.get(key).and_then(Item::as_value) {
        *value.decor_mut() = old.decor().clone();
    }
    table.insert(key, Item::Value(value));
}

#[cfg(test)]
mod tests {
    use super::*;

    const PATH: &str = "/home/u/.config/rcctl/config.toml";

    fn editor(text: &str) -> ConfigEditor {
        ConfigEditor::from_text(Path::new(PATH), text).expect("valid")
    }

    fn login(editor: &mut ConfigEditor, name: &str, kind: TokenKind) {
        let token = Secret::new("tok");
        editor
            .set_profile(
                name,
                &LoggedInProfile {
                    url: "https://chat.example.com",
                    user_id: "uid",
                    token: &token,
                    token_kind: kind,
                    ca_cert: None,
                    timeout: None,
                },
            )
            .expect("a table");
    }

    #[test]
    fn a_login_keeps_the_ca_cert_and_timeout_it_was_given() {
        let mut config = editor("[profiles.p]\ntimeout = 5 # slow VPN\n");
        let token = Secret::new("tok");
        config
            .set_profile(
                "p",
                &LoggedInProfile {
                    url: "https://chat.example.com",
                    user_id: "uid",
                    token: &token,
                    token_kind: TokenKind::Session,
                    ca_cert: Some(Path::new("/etc/ssl/corp.pem")),
                    timeout: Some(90),
                },
            )
            .expect("a table");
        let written = config.doc.to_string();
        assert!(written.contains("timeout = 90 # slow VPN\n"), "{written}");
        assert!(
            written.contains("ca_cert = \"/etc/ssl/corp.pem\"\n"),
            "{written}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_config_is_edited_where_it_points() {
        let root = tempfile::tempdir().expect("temp dir");
        let real = root.path().join("dotfiles/rcctl.toml");
        std::fs::create_dir_all(real.parent().expect("a parent")).expect("mkdir");
        std::fs::write(&real, "[profiles.p]\nurl = \"https://a.example.com\"\n").expect("written");
        let link = root.path().join("config.toml");
        std::os::unix::fs::symlink("dotfiles/rcctl.toml", &link).expect("linked");

        let mut config = ConfigEditor::open(&link).expect("opens");
        config.set_default("p").expect("exists");
        config.save().expect("saved");
        drop(config);

        assert!(
            std::fs::symlink_metadata(&link)
                .expect("there")
                .file_type()
                .is_symlink()
        );
        let text = std::fs::read_to_string(&real).expect("read");
        assert!(text.starts_with("default_profile = \"p\""), "{text}");
    }

    #[test]
    fn the_first_profile_becomes_the_default() {
        let mut config = editor("");
        login(&mut config, "prod", TokenKind::Session);
        assert_eq!(
            config.doc.to_string(),
            "default_profile = \"prod\"\n\n[profiles.prod]\nurl = \"https://chat.example.com\"\n\
             user_id = \"uid\"\ntoken = \"tok\"\ntoken_kind = \"session\"\n"
        );
    }

    #[test]
    fn comments_unknown_keys_and_other_profiles_are_kept() {
        let text = "# my servers\ndefault_profile = \"old\" # the usual one\nfuture_key = 1\n\n\
                    [profiles.old]\nurl = \"https://old.example.com\"\nuser_id = \"o\" # me\n\
                    token = \"old-token\"\nprotected = true\n";
        let mut config = editor(text);
        login(&mut config, "new", TokenKind::Personal);
        let written = config.doc.to_string();
        assert!(written.starts_with(text), "{written}");
        assert!(
            written.ends_with(
                "[profiles.new]\nurl = \"https://chat.example.com\"\nuser_id = \"uid\"\n\
                 token = \"tok\"\ntoken_kind = \"personal\"\n"
            ),
            "{written}"
        );
    }

    #[test]
    fn logging_in_again_replaces_values_in_place_and_drops_token_command() {
        let mut config = editor(
            "[profiles.p]\nurl = \"https://x.example.com\" # prod\n\
             token_command = \"pass rc\"\ntimeout = 5\n",
        );
        login(&mut config, "p", TokenKind::Session);
        let written = config.doc.to_string();
        assert!(
            written.contains("url = \"https://chat.example.com\" # prod\ntimeout = 5\n"),
            "{written}"
        );
        assert!(!written.contains("token_command"), "{written}");
        assert!(
            written.starts_with("default_profile = \"p\"\n"),
            "{written}"
        );
    }

    #[test]
    fn a_second_profile_keeps_the_only_one_as_default() {
        let mut config =
            editor("[profiles.first]\nurl = \"https://a.example.com\"\nuser_id = \"u\"\n");
        login(&mut config, "second", TokenKind::Session);
        assert!(
            config
                .doc
                .to_string()
                .starts_with("default_profile = \"first\"\n")
        );
    }

    #[test]
    fn inline_profiles_stay_inline() {
        let mut config = editor("profiles = { a = { url = \"https://a.example.com\" } }\n");
        login(&mut config, "b", TokenKind::Session);
        let reparsed = parse(Path::new(PATH), &config.doc.to_string()).expect("valid");
        assert_eq!(
            reparsed.raw.profiles["b"].token_kind,
            Some(TokenKind::Session)
        );
        assert!(config.doc.to_string().contains("profiles = { a = {"));
    }

    #[test]
    fn forgetting_removes_only_the_token() {
        let mut config = editor(
            "[profiles.p]\nurl = \"https://x.example.com\"\nuser_id = \"u\"\n\
             token = \"t\"\ntoken_kind = \"personal\"\n",
        );
        assert_eq!(config.forget_token("p"), Forgotten::Token);
        assert_eq!(
            config.doc.to_string(),
            "[profiles.p]\nurl = \"https://x.example.com\"\nuser_id = \"u\"\n"
        );
        assert_eq!(config.forget_token("p"), Forgotten::Nothing);
        assert_eq!(config.forget_token("nope"), Forgotten::Nothing);
    }

    #[test]
    fn the_default_can_only_be_an_existing_profile() {
        let mut config = editor("default_profile = \"a\"\n[profiles.a]\n[profiles.b]\n");
        config.set_default("b").expect("exists");
        assert!(
            config
                .doc
                .to_string()
                .starts_with("default_profile = \"b\"\n")
        );
        let err = config.set_default("c").expect_err("unknown");
        assert!(err.to_string().contains("available: a, b"), "{err}");
    }

    #[test]
    fn malformed_text_names_line_and_column() {
        let err = ConfigEditor::from_text(Path::new(PATH), "a = 1\nb = \n").expect_err("bad");
        assert!(
            matches!(err, ConfigError::Malformed { line: 2, .. }),
            "{err:?}"
        );
    }
}
