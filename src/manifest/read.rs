//! Reading the files of `plan`/`apply` PATH... (docs/contract.md §7.2, §7.4).
//!
//! Every file is read and checked before anything is sent: TOML syntax, a key
//! the type does not accept, a value of the wrong shape, a missing `type` or
//! `name`, a script file that cannot be read, a token variable that is unset.
//! All problems of all files are collected, so one run shows every fix to
//! make. The file is parsed with `toml_edit`, which keeps each key's position
//! and the keys' order.

use std::collections::HashMap;
use std::fmt;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde_json::{Map, Number, Value};
use thiserror::Error;
use toml_edit::{Document, Item};

use super::Manifest;
use crate::api::{IntegrationId, IntegrationKind, Shape, writable_fields};
use crate::config::line_and_column;
use crate::secret::Secret;

/// Fields the server manages, which no file may set (docs/contract.md §7.1).
const SERVER_MANAGED: &[&str] = &[
    "_createdAt",
    "_createdBy",
    "_updatedAt",
    "_updatedBy",
    "userId",
    "scriptCompiled",
    "scriptError",
];

/// A file (or a PATH) that cannot be used: exit 3, and nothing is sent.
#[derive(Debug, Error)]
pub enum ManifestError {
    #[error("cannot read {}: {source}", path.display())]
    Unreadable {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{} holds no *.toml files", dir.display())]
    NoFiles { dir: PathBuf },
    #[error("{}{}: {message}", path.display(), Location(*at))]
    Invalid {
        path: PathBuf,
        /// Line and column, 1-based, where the problem is.
        at: Option<(usize, usize)>,
        message: String,
    },
}

/// `:3:9` after a file name, or nothing.
struct Location(Option<(usize, usize)>);

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some((line, column)) => write!(f, ":{line}:{column}"),
            None => Ok(()),
        }
    }
}

/// The files named by `paths` (a directory gives its `*.toml`, not
/// recursively), each read and validated; `env` looks up the variables that
/// tokens name. Either every file, in order, or every problem found.
pub fn load(
    paths: &[PathBuf],
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<Manifest>, Vec<ManifestError>> {
    let mut problems = Vec::new();
    let mut manifests = Vec::new();
    for path in files_in(paths, &mut problems) {
        match std::fs::read_to_string(&path) {
            Ok(text) => match parse(&path, &text, env) {
                Ok(manifest) => manifests.push(manifest),
                Err(found) => problems.extend(found),
            },
            Err(source) => problems.push(ManifestError::Unreadable { path, source }),
        }
    }
    problems.extend(pinned_twice(&manifests));
    if problems.is_empty() {
        Ok(manifests)
    } else {
        Err(problems)
    }
}

/// The files of `paths`: a file as named, a directory's `*.toml` sorted by
/// name; each once.
fn files_in(paths: &[PathBuf], problems: &mut Vec<ManifestError>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let listed = std::fs::read_dir(path).and_then(|entries| {
            entries
                .map(|entry| entry.map(|entry| entry.path()))
                .collect::<io::Result<Vec<_>>>()
        });
        match listed {
            Ok(mut entries) => {
                entries.retain(|entry| {
                    entry.extension().is_some_and(|ext| ext == "toml") && entry.is_file()
                });
                entries.sort();
                if entries.is_empty() {
                    problems.push(ManifestError::NoFiles { dir: path.clone() });
                }
                files.extend(entries);
            }
            Err(source) => problems.push(ManifestError::Unreadable {
                path: path.clone(),
                source,
            }),
        }
    }
    let mut seen = std::collections::HashSet::new();
    files.retain(|file| seen.insert(std::fs::canonicalize(file).unwrap_or_else(|_| file.clone())));
    files
}

/// Two files that pin the same `_id` would fight over one integration.
fn pinned_twice(manifests: &[Manifest]) -> Vec<ManifestError> {
    let mut first: HashMap<&str, &Path> = HashMap::new();
    let mut problems = Vec::new();
    for manifest in manifests {
        let Some(id) = manifest.id.as_deref() else {
            continue;
        };
        if let Some(other) = first.insert(id, &manifest.path) {
            first.insert(id, other);
            problems.push(ManifestError::Invalid {
                path: manifest.path.clone(),
                at: None,
                message: format!(
                    "`_id = \"{id}\"` is pinned by {} too: keep one file per integration",
                    other.display()
                ),
            });
        }
    }
    problems
}

/// The problems of one file, each placed where it is.
struct Problems<'a> {
    path: &'a Path,
    text: &'a str,
    found: Vec<ManifestError>,
}

impl Problems<'_> {
    fn at(&mut self, span: Option<Range<usize>>, message: String) {
        let at = span.map(|span| line_and_column(self.text, span.start));
        self.found.push(ManifestError::Invalid {
            path: self.path.to_owned(),
            at,
            message,
        });
    }
}

/// Reads one file's text into a [`Manifest`], or says everything wrong with it.
pub(super) fn parse(
    path: &Path,
    text: &str,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Manifest, Vec<ManifestError>> {
    let mut problems = Problems {
        path,
        text,
        found: Vec::new(),
    };
    let document = match Document::parse(text) {
        Ok(document) => document,
        Err(err) => {
            problems.at(
                Some(err.span().unwrap_or(0..0)),
                format!("invalid TOML: {}", err.message().trim()),
            );
            return Err(problems.found);
        }
    };
    let table = document.as_table();
    let kind = kind_of(table, &mut problems);
    let name = match table.get_key_value("name") {
        None => {
            problems.at(
                None,
                "missing `name`: every file needs the integration's name".to_owned(),
            );
            None
        }
        Some((_, item)) => match item.as_str() {
            Some(name) if !name.trim().is_empty() => Some(name.to_owned()),
            Some(_) => {
                problems.at(item.span(), "`name` cannot be empty".to_owned());
                None
            }
            None => {
                problems.at(item.span(), wrong("name", "a string", item));
                None
            }
        },
    };
    let Some(kind) = kind else {
        return Err(problems.found);
    };
    let mut manifest = Manifest {
        path: path.to_owned(),
        id: None,
        kind,
        name: name.unwrap_or_default(),
        fields: Map::new(),
        script_file: None,
        token: None,
    };
    let dir = path.parent().unwrap_or(Path::new(""));
    for (key, item) in table.iter() {
        let key_span = table.get_key_value(key).and_then(|(key, _)| key.span());
        match key {
            "type" => {}
            "_id" => manifest.id = id_of(item, &mut problems),
            "script" => {
                if let Some((text, file)) = script_of(item, dir, &mut problems) {
                    manifest
                        .fields
                        .insert("script".to_owned(), Value::String(text));
                    manifest.script_file = file;
                }
            }
            "token" if kind == IntegrationKind::Outgoing => {
                manifest.token = token_of(item, env, &mut problems);
            }
            "token" => problems.at(
                key_span,
                "an incoming webhook's `token` is made by the server and cannot be set: \
                 remove it"
                    .to_owned(),
            ),
            managed if SERVER_MANAGED.contains(&managed) => problems.at(
                key_span,
                format!("`{managed}` is managed by the server and cannot be set: remove it"),
            ),
            other => match writable_fields(kind)
                .iter()
                .find(|field| field.name == other)
            {
                Some(field) => {
                    if let Some(value) = value_of(other, field.shape, item, &mut problems) {
                        manifest.fields.insert(other.to_owned(), value);
                    }
                }
                None => problems.at(key_span, unknown_key(other, kind)),
            },
        }
    }
    if problems.found.is_empty() {
        Ok(manifest)
    } else {
        Err(problems.found)
    }
}

fn kind_of(table: &toml_edit::Table, problems: &mut Problems<'_>) -> Option<IntegrationKind> {
    let Some(item) = table.get("type") else {
        problems.at(
            None,
            "missing `type`: every file needs `type = \"webhook-incoming\"` or \
             `type = \"webhook-outgoing\"`"
                .to_owned(),
        );
        return None;
    };
    let kind = item.as_str().and_then(IntegrationKind::from_api_str);
    if kind.is_none() {
        problems.at(
            item.span(),
            format!(
                "`type` must be \"webhook-incoming\" or \"webhook-outgoing\", not {}",
                shown(item)
            ),
        );
    }
    kind
}

fn id_of(item: &Item, problems: &mut Problems<'_>) -> Option<String> {
    let Some(text) = item.as_str() else {
        problems.at(item.span(), wrong("_id", "a string", item));
        return None;
    };
    match text.parse::<IntegrationId>() {
        Ok(id) => Some(id.to_string()),
        Err(err) => {
            problems.at(item.span(), format!("`_id`: {err}"));
            None
        }
    }
}

/// `script = "…"`, or `script = { file = "x.js" }` relative to the file.
fn script_of(
    item: &Item,
    dir: &Path,
    problems: &mut Problems<'_>,
) -> Option<(String, Option<PathBuf>)> {
    if let Some(text) = item.as_str() {
        return Some((text.to_owned(), None));
    }
    let (_, name_item) = single_entry(item, "script", "file", problems)?;
    let Some(file) = name_item.as_str() else {
        problems.at(
            name_item.span(),
            wrong("script.file", "a file name", name_item),
        );
        return None;
    };
    let path = dir.join(file);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some((text, Some(path))),
        Err(err) => {
            problems.at(
                name_item.span(),
                format!(
                    "`script` is in {}, which cannot be read ({err})",
                    path.display()
                ),
            );
            None
        }
    }
}

/// `token = "…"`, or `token = { env = "NAME" }` read from the environment.
fn token_of(
    item: &Item,
    env: &dyn Fn(&str) -> Option<String>,
    problems: &mut Problems<'_>,
) -> Option<Secret> {
    if let Some(text) = item.as_str() {
        if text.trim().is_empty() {
            problems.at(
                item.span(),
                "`token` cannot be empty: leave it out to keep the server's".to_owned(),
            );
            return None;
        }
        return Some(Secret::new(text));
    }
    let (_, name_item) = single_entry(item, "token", "env", problems)?;
    let Some(name) = name_item.as_str() else {
        problems.at(
            name_item.span(),
            wrong("token.env", "a variable name", name_item),
        );
        return None;
    };
    match env(name).filter(|value| !value.is_empty()) {
        Some(value) => Some(Secret::new(value)),
        None => {
            problems.at(
                name_item.span(),
                format!(
                    "`token` is read from the environment variable {name}, which is not set: \
                     set it to the webhook's token (in CI, from the secret store)"
                ),
            );
            None
        }
    }
}

/// The one entry `{ wanted = … }` of a table-valued `key`.
fn single_entry<'a>(
    item: &'a Item,
    key: &str,
    wanted: &str,
    problems: &mut Problems<'_>,
) -> Option<(&'a str, &'a Item)> {
    let Some(table) = item.as_table_like() else {
        problems.at(
            item.span(),
            format!(
                "`{key}` must be a string or {{ {wanted} = \"…\" }}, not {}",
                shown(item)
            ),
        );
        return None;
    };
    let mut found = None;
    for (name, value) in table.iter() {
        if name == wanted {
            found = Some((name, value));
        } else {
            let span = table.get_key_value(name).and_then(|(key, _)| key.span());
            problems.at(
                span,
                format!("unknown key `{name}` in `{key}`: it takes `{wanted}` only"),
            );
            return None;
        }
    }
    if found.is_none() {
        problems.at(
            item.span(),
            format!("`{key}` must be a string or {{ {wanted} = \"…\" }}"),
        );
    }
    found
}

/// A field's value as the server's document holds it, if it has the shape
/// the schema wants.
fn value_of(key: &str, shape: Shape, item: &Item, problems: &mut Problems<'_>) -> Option<Value> {
    let value = match shape {
        Shape::Flag => item.as_bool().map(Value::Bool),
        Shape::Text => item.as_str().map(|text| Value::String(text.to_owned())),
        Shape::Number => item.as_integer().map(Value::from).or_else(|| {
            item.as_float()
                .and_then(Number::from_f64)
                .map(Value::Number)
        }),
        Shape::TextList => return list_of(key, item, problems),
    };
    if value.is_none() {
        problems.at(item.span(), wrong(key, expected(shape), item));
    }
    value
}

fn list_of(key: &str, item: &Item, problems: &mut Problems<'_>) -> Option<Value> {
    let Some(array) = item.as_array() else {
        problems.at(item.span(), wrong(key, expected(Shape::TextList), item));
        return None;
    };
    let mut items = Vec::with_capacity(array.len());
    for (index, value) in array.iter().enumerate() {
        match value.as_str() {
            Some(text) => items.push(Value::String(text.to_owned())),
            None => {
                problems.at(
                    value.span(),
                    format!(
                        "`{key}` must be {}; item {} is {}",
                        expected(Shape::TextList),
                        index + 1,
                        article(value.type_name())
                    ),
                );
                return None;
            }
        }
    }
    Some(Value::Array(items))
}

fn expected(shape: Shape) -> &'static str {
    match shape {
        Shape::Flag => "true or false",
        Shape::Text => "a string",
        Shape::Number => "a number",
        Shape::TextList => "an array of strings, such as [\"#general\"]",
    }
}

fn wrong(key: &str, expected: &str, item: &Item) -> String {
    format!("`{key}` must be {expected}, not {}", shown(item))
}

/// What a value is, for an error: `a string ("yes")`, `an integer (3)`, `a table`.
fn shown(item: &Item) -> String {
    let kind = article(item.type_name());
    match item.as_value() {
        Some(value @ (toml_edit::Value::String(_) | toml_edit::Value::Boolean(_)))
        | Some(value @ (toml_edit::Value::Integer(_) | toml_edit::Value::Float(_))) => {
            let text = value.to_string();
            let text = text.trim();
            if text.chars().count() > 40 {
                kind
            } else {
                format!("{kind} ({text})")
            }
        }
        _ => kind,
    }
}

fn article(type_name: &str) -> String {
    let an = type_name.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {type_name}", if an { "an" } else { "a" })
}

fn unknown_key(key: &str, kind: IntegrationKind) -> String {
    let known: Vec<&str> = ["_id"]
        .into_iter()
        .chain(writable_fields(kind).iter().map(|field| field.name))
        .filter(|name| kind == IntegrationKind::Outgoing || *name != "token")
        .collect();
    format!(
        "unknown key `{key}` for a {kind} integration (it takes {})",
        known.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    fn problems(text: &str) -> Vec<String> {
        parse(Path::new("hook.toml"), text, &no_env)
            .expect_err("invalid")
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_full_outgoing_file_reads_in_order() {
        let env = |name: &str| (name == "RCCTL_TOKEN_GUGGY").then(|| "s3cret".to_owned());
        let manifest = parse(
            Path::new("guggy.toml"),
            r##"_id = "oNLthAt9RwMw39N2B"  # identity
type = "webhook-outgoing"
name = "Guggy"
enabled = true
event = "sendMessage"
channel = ["#general"]
username = "rocket.cat"
urls = ["https://guggy.example.com/hook"]
retryCount = 6
scriptEnabled = false
script = "class Script {}"
token = { env = "RCCTL_TOKEN_GUGGY" }
"##,
            &env,
        )
        .expect("valid");
        assert_eq!(manifest.id.as_deref(), Some("oNLthAt9RwMw39N2B"));
        assert_eq!(manifest.kind, IntegrationKind::Outgoing);
        assert_eq!(manifest.name, "Guggy");
        let keys: Vec<&String> = manifest.fields.keys().collect();
        assert_eq!(
            keys,
            [
                "name",
                "enabled",
                "event",
                "channel",
                "username",
                "urls",
                "retryCount",
                "scriptEnabled",
                "script"
            ]
        );
        assert_eq!(manifest.fields["channel"], json!(["#general"]));
        assert_eq!(manifest.fields["retryCount"], json!(6));
        assert_eq!(manifest.token.expect("a token").expose(), "s3cret");
    }

    #[test]
    fn a_syntax_error_names_the_line_and_column() {
        let found = problems("type = \"webhook-incoming\"\nname = \"x\nenabled = true\n");
        assert_eq!(found.len(), 1);
        assert!(found[0].starts_with("hook.toml:2:"), "{found:?}");
        assert!(found[0].contains("invalid TOML"), "{found:?}");
    }

    #[test]
    fn type_and_name_are_required() {
        let found = problems("enabled = true\n");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].starts_with("hook.toml: missing `type`"),
            "{found:?}"
        );
        assert!(
            found[1].starts_with("hook.toml: missing `name`"),
            "{found:?}"
        );
        let found = problems("type = \"zapier\"\nname = \"x\"\n");
        assert_eq!(
            found,
            [
                "hook.toml:1:8: `type` must be \"webhook-incoming\" or \"webhook-outgoing\", not a string (\"zapier\")"
            ]
        );
    }

    #[test]
    fn keys_the_type_does_not_take_are_refused_where_they_are() {
        let found = problems(
            "type = \"webhook-incoming\"\nname = \"x\"\nevent = \"sendMessage\"\n\
             token = \"t\"\n_createdAt = \"2024\"\n",
        );
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(
            found[0].starts_with("hook.toml:3:1: unknown key `event` for a webhook-incoming"),
            "{found:?}"
        );
        assert!(found[1].starts_with("hook.toml:4:1: an incoming webhook's `token`"));
        assert!(found[2].starts_with("hook.toml:5:1: `_createdAt` is managed by the server"));
    }

    #[test]
    fn values_of_the_wrong_shape_are_refused() {
        let found = problems(
            "type = \"webhook-outgoing\"\nname = \"x\"\nenabled = \"yes\"\n\
             channel = \"#general\"\nurls = [\"a\", 2]\nretryCount = \"5\"\n",
        );
        assert_eq!(
            found,
            [
                "hook.toml:3:11: `enabled` must be true or false, not a string (\"yes\")",
                "hook.toml:4:11: `channel` must be an array of strings, such as [\"#general\"], not a string (\"#general\")",
                "hook.toml:5:14: `urls` must be an array of strings, such as [\"#general\"]; item 2 is an integer",
                "hook.toml:6:14: `retryCount` must be a number, not a string (\"5\")",
            ]
        );
    }

    #[test]
    fn an_unset_token_variable_is_named() {
        let found = problems(
            "type = \"webhook-outgoing\"\nname = \"x\"\ntoken = { env = \"RCCTL_TOKEN_X\" }\n",
        );
        assert_eq!(found.len(), 1);
        assert!(
            found[0].starts_with(
                "hook.toml:3:17: `token` is read from the environment variable RCCTL_TOKEN_X, \
                 which is not set"
            ),
            "{found:?}"
        );
        let found =
            problems("type = \"webhook-outgoing\"\nname = \"x\"\ntoken = { file = \"t\" }\n");
        assert!(
            found[0].contains("unknown key `file` in `token`"),
            "{found:?}"
        );
    }

    #[test]
    fn a_script_file_is_read_beside_the_toml_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("hook.js"), "line 1\nline 2\n").expect("written");
        let toml = dir.path().join("hook.toml");
        let text = "type = \"webhook-incoming\"\nname = \"x\"\nscript = { file = \"hook.js\" }\n";
        let manifest = parse(&toml, text, &no_env).expect("valid");
        assert_eq!(manifest.fields["script"], "line 1\nline 2\n");
        assert_eq!(manifest.script_file, Some(dir.path().join("hook.js")));

        let missing =
            "type = \"webhook-incoming\"\nname = \"x\"\nscript = { file = \"gone.js\" }\n";
        let found: Vec<String> = parse(&toml, missing, &no_env)
            .expect_err("invalid")
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(found[0].contains(":3:19: `script` is in "), "{found:?}");
        assert!(
            found[0].contains("gone.js, which cannot be read"),
            "{found:?}"
        );
    }

    #[test]
    fn a_directory_gives_its_toml_files_and_pinned_ids_are_unique() {
        let dir = tempfile::tempdir().expect("temp dir");
        let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text);
        let file = |name: &str| {
            format!("_id = \"same\"\ntype = \"webhook-incoming\"\nname = \"{name}\"\n")
        };
        write("b.toml", &file("b")).expect("written");
        write("a.toml", &file("a")).expect("written");
        write("notes.txt", "not a manifest").expect("written");
        let found = load(&[dir.path().to_owned()], &no_env).expect_err("pinned twice");
        assert_eq!(found.len(), 1);
        assert!(
            found[0].to_string().ends_with(&format!(
                "b.toml: `_id = \"same\"` is pinned by {} too: keep one file per integration",
                dir.path().join("a.toml").display()
            )),
            "{}",
            found[0]
        );

        write("b.toml", "type = \"webhook-incoming\"\nname = \"b\"\n").expect("written");
        let paths = [dir.path().to_owned(), dir.path().join("a.toml")];
        let loaded = load(&paths, &no_env).expect("valid");
        let names: Vec<&str> = loaded.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["a", "b"], "sorted, each once");

        let empty = tempfile::tempdir().expect("temp dir");
        let found = load(&[empty.path().to_owned()], &no_env).expect_err("empty");
        assert!(found[0].to_string().ends_with("holds no *.toml files"));
    }
}
