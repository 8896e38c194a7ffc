//! What `export` writes for the server's integrations (docs/contract.md §7.1):
//! a slug per integration, its TOML file, and its script beside it.
//!
//! The file holds the integration's `_id`, `type`, `name` and every other
//! field the server would take back for that type, in the schema's order,
//! with the script and the token last. An outgoing token is a reference to an
//! environment variable unless the user asked to see secrets. What is written
//! reads back (through [`super::load`]) as exactly the server's values, so a
//! plan right after an export has nothing to do.

use std::collections::HashSet;
use std::fmt;

use serde_json::Value;
use toml_edit::{DocumentMut, InlineTable, Item, value};

use crate::api::{Integration, IntegrationKind, Shape, writable_fields};

/// One integration's files, ready to write.
#[derive(Clone, PartialEq)]
pub struct ExportFile {
    /// `<slug>.toml`, and `<slug>.js` for the script.
    pub slug: String,
    pub id: String,
    pub name: String,
    pub kind: IntegrationKind,
    pub toml: String,
    /// The script's text, when it has one.
    pub script: Option<String>,
    /// The variable that `token = { env = … }` names.
    pub token_env: Option<String>,
    /// The file holds a token itself (`--show-secrets`): it must be private.
    pub holds_secret: bool,
}

/// The TOML text may hold a token: never shown.
impl fmt::Debug for ExportFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ExportFile")
            .field("slug", &self.slug)
            .field("id", &self.id)
            .field("name", &self.name)
            .field("kind", &self.kind)
            .field("token_env", &self.token_env)
            .finish_non_exhaustive()
    }
}

/// The files for `docs`, in `_createdAt` order (which decides who gets a
/// slug's `-2`), and a warning for anything left out.
pub fn export_files(docs: &[Integration], show_secrets: bool) -> (Vec<ExportFile>, Vec<String>) {
    let mut order: Vec<&Integration> = docs.iter().collect();
    order.sort_by(|a, b| (a.created_at(), a.id()).cmp(&(b.created_at(), b.id())));
    let mut taken = HashSet::new();
    let mut files = Vec::with_capacity(order.len());
    let mut warnings = Vec::new();
    for doc in order {
        let Some(kind) = doc.kind() else {
            warnings.push(format!(
                "integration {} ({}) is a {} integration, which files cannot describe: skipped",
                doc.id(),
                doc.name(),
                doc.type_label()
            ));
            continue;
        };
        let slug = unique_slug(&slug(doc.name()), &mut taken);
        files.push(render(doc, kind, slug, show_secrets, &mut warnings));
    }
    (files, warnings)
}

/// The name in lower case, every run of characters other than `a-z0-9` one
/// `-`; none at either end (a file name starting with `-` reads as an option
/// in a shell), and `integration` when nothing is left.
pub fn slug(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    let mut gap = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            if gap && !slug.is_empty() {
                slug.push('-');
            }
            gap = false;
            slug.push(c);
        } else {
            gap = true;
        }
    }
    if slug.is_empty() {
        "integration".to_owned()
    } else {
        slug
    }
}

/// `slug`, or `slug-2`, `slug-3`… when it is taken.
fn unique_slug(slug: &str, taken: &mut HashSet<String>) -> String {
    let mut candidate = slug.to_owned();
    let mut number = 1;
    while taken.contains(&candidate) {
        number += 1;
        candidate = format!("{slug}-{number}");
    }
    taken.insert(candidate.clone());
    candidate
}

/// `RCCTL_TOKEN_<SLUG>`, in capitals with `-` as `_`.
fn token_variable(slug: &str) -> String {
    format!("RCCTL_TOKEN_{}", slug.to_uppercase().replace('-', "_"))
}

fn render(
    doc: &Integration,
    kind: IntegrationKind,
    slug: String,
    show_secrets: bool,
    warnings: &mut Vec<String>,
) -> ExportFile {
    let source = doc.as_object();
    let mut file = DocumentMut::new();
    let mut id = toml_edit::Value::from(doc.id());
    id.decor_mut()
        .set_suffix("  # identity on the server it came from");
    file["_id"] = Item::Value(id);
    file["type"] = value(kind.as_api_str());
    file["name"] = value(doc.name());
    for field in writable_fields(kind) {
        if matches!(field.name, "type" | "name" | "script" | "token") {
            continue;
        }
        let Some(found) = source.get(field.name).filter(|found| !found.is_null()) else {
            continue;
        };
        match toml_value(field.shape, found) {
            Some(toml) => file[field.name] = value(toml),
            None => warnings.push(format!(
                "integration {} ({}): its `{}` is {found}, which is not {}: left out of the file",
                doc.id(),
                doc.name(),
                field.name,
                shape_name(field.shape)
            )),
        }
    }
    let script = source
        .get("script")
        .and_then(Value::as_str)
        .filter(|script| !script.is_empty())
        .map(str::to_owned);
    if script.is_some() {
        file["script"] = value(single("file", &format!("{slug}.js")));
    }
    let token = source
        .get("token")
        .and_then(Value::as_str)
        .filter(|token| kind == IntegrationKind::Outgoing && !token.is_empty());
    let mut token_env = None;
    if let Some(token) = token {
        if show_secrets {
            file["token"] = value(token);
        } else {
            let variable = token_variable(&slug);
            file["token"] = value(single("env", &variable));
            token_env = Some(variable);
        }
    }
    ExportFile {
        id: doc.id().to_owned(),
        name: doc.name().to_owned(),
        kind,
        toml: file.to_string(),
        script,
        token_env,
        holds_secret: show_secrets && token.is_some(),
        slug,
    }
}

/// `{ key = "text" }`.
fn single(key: &str, text: &str) -> InlineTable {
    let mut table = InlineTable::new();
    table.insert(key, text.into());
    table
}

/// A document value as TOML, when it has the shape the schema wants.
fn toml_value(shape: Shape, found: &Value) -> Option<toml_edit::Value> {
    match (shape, found) {
        (Shape::Flag, Value::Bool(flag)) => Some((*flag).into()),
        (Shape::Text, Value::String(text)) => Some(text.into()),
        (Shape::Number, Value::Number(number)) => number
            .as_i64()
            .map(toml_edit::Value::from)
            .or_else(|| number.as_f64().map(toml_edit::Value::from)),
        (Shape::TextList, Value::Array(items)) => items
            .iter()
            .map(|item| item.as_str())
            .collect::<Option<toml_edit::Array>>()
            .map(toml_edit::Value::from),
        _ => None,
    }
}

fn shape_name(shape: Shape) -> &'static str {
    match shape {
        Shape::Flag => "true or false",
        Shape::Text => "a string",
        Shape::Number => "a number",
        Shape::TextList => "a list of strings",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::{Scope, load, plan};
    use serde_json::json;
    use std::time::SystemTime;

    fn guggy() -> Integration {
        Integration::from_json(json!({
            "_id": "oNLthAt9RwMw39N2B", "type": "webhook-outgoing", "name": "Guggy",
            "enabled": true, "username": "rocket.cat", "userId": "rocket.cat",
            "channel": ["#general"], "event": "sendMessage",
            "urls": ["https://guggy.example.com/hook"], "triggerWords": ["!guggy"],
            "token": "guggy-token", "scriptEnabled": true, "script": "class Script {}\n",
            "scriptCompiled": "compiled", "retryCount": 6, "targetRoom": null,
            "_createdAt": "2017-01-05T17:06:05.660Z",
            "_createdBy": {"_id": "u1", "username": "admin"},
        }))
    }

    #[test]
    fn slugs_follow_the_contract() {
        assert_eq!(slug("Guggy"), "guggy");
        assert_eq!(slug("CI notices (prod)"), "ci-notices-prod");
        assert_eq!(slug("  !!Deploy -- bot!! "), "deploy-bot");
        assert_eq!(slug("日本"), "integration");
        assert_eq!(
            token_variable("ci-notices-prod"),
            "RCCTL_TOKEN_CI_NOTICES_PROD"
        );
    }

    #[test]
    fn clashing_slugs_are_numbered_in_creation_order() {
        let named = |id: &str, name: &str, at: &str| {
            Integration::from_json(
                json!({"_id": id, "type": "webhook-incoming", "name": name, "_createdAt": at}),
            )
        };
        let docs = [
            named("c", "Deploy!", "2024-03-01T00:00:00.000Z"),
            named("a", "deploy", "2024-01-01T00:00:00.000Z"),
            named("b", "Deploy", "2024-02-01T00:00:00.000Z"),
            named("d", "deploy-2", "2024-04-01T00:00:00.000Z"),
        ];
        let (files, _) = export_files(&docs, false);
        let slugs: Vec<(&str, &str)> = files
            .iter()
            .map(|file| (file.id.as_str(), file.slug.as_str()))
            .collect();
        assert_eq!(
            slugs,
            [
                ("a", "deploy"),
                ("b", "deploy-2"),
                ("c", "deploy-3"),
                ("d", "deploy-2-2")
            ]
        );
    }

    #[test]
    fn an_outgoing_file_has_the_writable_fields_and_refers_to_its_token() {
        let (files, warnings) = export_files(&[guggy()], false);
        assert!(warnings.is_empty(), "{warnings:?}");
        let file = &files[0];
        let keys: Vec<&str> = file
            .toml
            .lines()
            .filter_map(|line| line.split(" = ").next())
            .collect();
        assert_eq!(
            keys,
            [
                "_id",
                "type",
                "name",
                "enabled",
                "username",
                "channel",
                "event",
                "urls",
                "triggerWords",
                "scriptEnabled",
                "retryCount",
                "script",
                "token"
            ],
            "the schema's order, script and token last; nothing the server manages"
        );
        assert!(
            file.toml.starts_with(
                "_id = \"oNLthAt9RwMw39N2B\"  # identity on the server it came from\n"
            )
        );
        assert!(file.toml.contains("\nchannel = [\"#general\"]\n"));
        assert!(file.toml.contains("\nscript = { file = \"guggy.js\" }\n"));
        assert!(
            file.toml
                .ends_with("\ntoken = { env = \"RCCTL_TOKEN_GUGGY\" }\n")
        );
        assert_eq!(file.script.as_deref(), Some("class Script {}\n"));
        assert_eq!(file.token_env.as_deref(), Some("RCCTL_TOKEN_GUGGY"));
        assert!(!file.holds_secret);
        assert!(!format!("{file:?}").contains("guggy-token"));

        let (shown, _) = export_files(&[guggy()], true);
        assert!(shown[0].toml.contains("token = \"guggy-token\"\n"));
        assert!(shown[0].holds_secret);
        assert!(!format!("{:?}", shown[0]).contains("guggy-token"));
    }

    #[test]
    fn an_incoming_token_is_never_written() {
        let hook = Integration::from_json(json!({
            "_id": "i1", "type": "webhook-incoming", "name": "CI", "enabled": true,
            "username": "rocket.cat", "channel": ["#ops"], "scriptEnabled": false,
            "script": "", "token": "incoming-token",
        }));
        let (files, _) = export_files(&[hook], true);
        assert!(!files[0].toml.contains("token"), "{}", files[0].toml);
        assert!(
            !files[0].toml.contains("script ="),
            "an empty script has no file"
        );
        assert!(!files[0].holds_secret);
    }

    #[test]
    fn an_exported_directory_plans_nothing_against_its_server() {
        let dir = tempfile::tempdir().expect("temp dir");
        let hook = Integration::from_json(json!({
            "_id": "i1", "type": "webhook-incoming", "name": "CI notices", "enabled": false,
            "username": "rocket.cat", "channel": ["#ops", "@bob"], "scriptEnabled": true,
            "script": "const x = '\\t\"quoted\"';\n", "alias": "CI", "emoji": ":ghost:",
            "overrideDestinationChannelEnabled": true, "scriptEngine": "isolated-vm",
            "token": "incoming-token", "_createdAt": "2024-02-01T00:00:00.000Z",
        }));
        let docs = [guggy(), hook];
        let (files, _) = export_files(&docs, false);
        for file in &files {
            std::fs::write(dir.path().join(format!("{}.toml", file.slug)), &file.toml)
                .expect("written");
            if let Some(script) = &file.script {
                std::fs::write(dir.path().join(format!("{}.js", file.slug)), script)
                    .expect("written");
            }
        }
        let env = |name: &str| (name == "RCCTL_TOKEN_GUGGY").then(|| "guggy-token".to_owned());
        let manifests = load(&[dir.path().to_owned()], &env).expect("valid");
        let scope = Scope {
            version: Some(crate::api::ServerVersion::new(6, 14)),
            prune: None,
            now: SystemTime::now(),
        };
        let plan = plan(&manifests, &docs, &scope);
        assert_eq!(plan.changes(), 0, "{plan:?}");
        assert_eq!(plan.unchanged.len(), 2);
        assert!(plan.warnings.is_empty(), "{:?}", plan.warnings);
    }

    #[test]
    fn unknown_types_and_odd_values_are_left_out_with_a_warning() {
        let mut odd = guggy().as_object().clone();
        odd.insert("retryCount".into(), json!("5"));
        let docs = [
            Integration::from_object(odd),
            Integration::from_json(json!({"_id": "z", "type": "zapier", "name": "Zap"})),
        ];
        let (files, warnings) = export_files(&docs, false);
        assert_eq!(files.len(), 1);
        assert!(!files[0].toml.contains("retryCount"));
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(
            warnings[0].contains("is a `zapier` integration"),
            "{warnings:?}"
        );
        assert!(warnings[1].contains("its `retryCount` is \"5\", which is not a number"));
    }
}
