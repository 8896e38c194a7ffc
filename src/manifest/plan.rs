//! The plan (docs/contract.md §7.2): which file describes which server
//! integration, and what applying the files would do to each.
//!
//! A file is matched by its `_id` when that ID is on the server with the
//! file's type, else by type and exact name; an `_id` of the other type is not
//! a match (§7.4: the server would update it anyway, docs/server-api.md
//! §3.5.6). Only the keys a file gives are compared. The request bodies are
//! built here too, so `apply` sends exactly what `plan` showed; server
//! integrations that a file may mean are never pruned.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde_json::{Map, Value};
use thiserror::Error;

use super::Manifest;
use crate::api::{
    Integration, IntegrationKind, REDACTED, RequestBody, ServerVersion, UpdateError, create_body,
    update_body, update_refusal, writable_fields,
};
use crate::filter::Filter;

/// What the plan is made against, besides the files and the documents.
#[derive(Debug, Clone, Copy)]
pub struct Scope<'a> {
    /// The server's release: it decides which fields are sent.
    pub version: Option<ServerVersion>,
    /// `--prune` and its FILTERS: the server integrations that may be removed.
    pub prune: Option<&'a Filter>,
    pub now: SystemTime,
}

/// What applying the files would do, item by item, and what cannot be done.
#[derive(Debug, Default)]
pub struct Plan {
    pub creates: Vec<Create>,
    pub updates: Vec<Update>,
    pub removes: Vec<Integration>,
    pub unchanged: Vec<Unchanged>,
    /// Files that cannot be planned; the rest can.
    pub failures: Vec<Failure>,
    /// What the user should know: fields a server's release leaves out, a
    /// pinned `_id` of the other type.
    pub warnings: Vec<String>,
}

impl Plan {
    /// Creates, updates and removals: what `apply` would send.
    pub fn changes(&self) -> usize {
        self.creates.len() + self.updates.len() + self.removes.len()
    }
}

/// A file that matches no server integration: one to create.
#[derive(Debug)]
pub struct Create {
    pub file: PathBuf,
    /// The file's `_id`: the integration on the server the file came from.
    pub id: Option<String>,
    pub name: String,
    pub body: RequestBody,
}

/// A server integration that differs from its file.
#[derive(Debug)]
pub struct Update {
    pub file: PathBuf,
    /// The document as the server holds it now.
    pub current: Integration,
    pub changes: Vec<Change>,
    pub body: RequestBody,
    pub script_file: Option<PathBuf>,
}

/// One field that differs: the server's value (`None`: it has none) and the file's.
#[derive(Clone, PartialEq)]
pub struct Change {
    pub field: String,
    pub from: Option<Value>,
    pub to: Value,
}

impl Change {
    pub fn is_token(&self) -> bool {
        self.field == "token"
    }
}

/// A token's values are never shown.
impl fmt::Debug for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut debug = f.debug_struct("Change");
        debug.field("field", &self.field);
        if self.is_token() {
            debug.field("from", &REDACTED).field("to", &REDACTED);
        } else {
            debug.field("from", &self.from).field("to", &self.to);
        }
        debug.finish()
    }
}

/// A server integration that already is as its file says.
#[derive(Debug)]
pub struct Unchanged {
    pub file: PathBuf,
    pub id: String,
    pub name: String,
    pub kind: IntegrationKind,
}

/// A file the plan cannot act on.
#[derive(Debug)]
pub struct Failure {
    pub file: PathBuf,
    pub problem: PlanProblem,
}

/// Why a file cannot be planned.
#[derive(Debug, Error)]
pub enum PlanProblem {
    #[error(
        "{} {kind} integrations on the server are named {name:?} ({}): pin the one this \
         file describes with `_id = \"…\"`",
        ids.len(),
        ids.join(", ")
    )]
    Ambiguous {
        kind: IntegrationKind,
        name: String,
        ids: Vec<String>,
    },
    #[error(
        "it describes integration {id}, which {} describes too: keep one file per integration",
        other.display()
    )]
    SameIntegration { id: String, other: PathBuf },
    #[error(
        "it would create a second {kind} integration named {name:?}, as {} does, and no \
         later plan could tell them apart: rename one",
        other.display()
    )]
    SameNewName {
        kind: IntegrationKind,
        name: String,
        other: PathBuf,
    },
    #[error(
        "the server has no {kind} integration named {name:?}, and a new one needs {}: add \
         them to the file (`rcctl integrations export` writes whole files)",
        missing.iter().map(|name| format!("`{name}`")).collect::<Vec<_>>().join(", ")
    )]
    Incomplete {
        kind: IntegrationKind,
        name: String,
        missing: Vec<&'static str>,
    },
    #[error(transparent)]
    Update(#[from] UpdateError),
}

/// How a file was matched.
enum Match<'s> {
    Found(&'s Integration),
    New,
    Failed(PlanProblem),
}

/// The plan that makes the server's integrations (`server`, every one the
/// caller may see) match `files`.
pub fn plan(files: &[Manifest], server: &[Integration], scope: &Scope<'_>) -> Plan {
    let mut plan = Plan::default();
    let by_id: HashMap<&str, &Integration> = server.iter().map(|doc| (doc.id(), doc)).collect();
    let mut by_name: HashMap<(IntegrationKind, &str), Vec<&Integration>> = HashMap::new();
    for doc in server {
        if let Some(kind) = doc.kind() {
            by_name.entry((kind, doc.name())).or_default().push(doc);
        }
    }
    // Which file describes each server integration; and those a failed file
    // may mean, which must not be pruned either.
    let mut claimed: HashMap<&str, usize> = HashMap::new();
    let mut spared: HashSet<&str> = HashSet::new();
    let mut matches: Vec<Option<Match<'_>>> = files.iter().map(|_| None).collect();

    // `_id` first, so that a name never takes an integration a file pins.
    for (index, file) in files.iter().enumerate() {
        let Some(doc) = file.id.as_deref().and_then(|id| by_id.get(id)) else {
            continue;
        };
        if doc.kind() == Some(file.kind) {
            claimed.insert(doc.id(), index);
            matches[index] = Some(Match::Found(doc));
        } else {
            plan.warnings.push(format!(
                "{}: `_id` {} is a {} integration on the server, not {}: not a match",
                file.path.display(),
                doc.id(),
                doc.type_label(),
                file.kind
            ));
        }
    }
    let mut new_names: HashMap<(IntegrationKind, &str), usize> = HashMap::new();
    for (index, file) in files.iter().enumerate() {
        if matches[index].is_some() {
            continue;
        }
        let candidates = by_name
            .get(&(file.kind, file.name.as_str()))
            .map_or(&[][..], Vec::as_slice);
        let free: Vec<&Integration> = candidates
            .iter()
            .copied()
            .filter(|doc| !claimed.contains_key(doc.id()))
            .collect();
        matches[index] = Some(match (free.as_slice(), candidates.first()) {
            ([doc], _) => {
                claimed.insert(doc.id(), index);
                Match::Found(doc)
            }
            ([], Some(doc)) => Match::Failed(PlanProblem::SameIntegration {
                id: doc.id().to_owned(),
                other: files[claimed[doc.id()]].path.clone(),
            }),
            ([], None) => match new_names.entry((file.kind, file.name.as_str())) {
                Entry::Occupied(first) => Match::Failed(PlanProblem::SameNewName {
                    kind: file.kind,
                    name: file.name.clone(),
                    other: files[*first.get()].path.clone(),
                }),
                Entry::Vacant(slot) => {
                    slot.insert(index);
                    Match::New
                }
            },
            (several, _) => {
                spared.extend(several.iter().map(|doc| doc.id()));
                Match::Failed(PlanProblem::Ambiguous {
                    kind: file.kind,
                    name: file.name.clone(),
                    ids: several.iter().map(|doc| doc.id().to_owned()).collect(),
                })
            }
        });
    }

    for (file, matched) in files.iter().zip(matches) {
        match matched {
            Some(Match::Found(doc)) => compare(file, doc, scope, &mut plan),
            Some(Match::New) => create(file, scope, &mut plan),
            Some(Match::Failed(problem)) => plan.failures.push(Failure {
                file: file.path.clone(),
                problem,
            }),
            None => {}
        }
    }
    if let Some(filter) = scope.prune {
        plan.removes = server
            .iter()
            .filter(|doc| {
                doc.kind().is_some()
                    && !claimed.contains_key(doc.id())
                    && !spared.contains(doc.id())
                    && filter.matches(doc, scope.now)
            })
            .cloned()
            .collect();
    }
    plan
}

/// An update of `doc` to what `file` says, or nothing when it says so already.
fn compare(file: &Manifest, doc: &Integration, scope: &Scope<'_>, plan: &mut Plan) {
    let mut changes = Vec::new();
    let mut wanted = Map::new();
    for (field, to) in &file.fields {
        let from = doc.as_object().get(field).filter(|value| !value.is_null());
        let same = from.is_some_and(|from| same_value(from, to));
        if let Some(refusal) = update_refusal(file.kind, field, scope.version) {
            if !same {
                plan.warnings.push(warning(&file.path, &refusal));
            }
            continue;
        }
        wanted.insert(field.clone(), to.clone());
        if !same {
            changes.push(Change {
                field: field.clone(),
                from: from.cloned(),
                to: to.clone(),
            });
        }
    }
    if let Some(token) = &file.token {
        let to = token.expose();
        let from = doc.as_object().get("token").and_then(Value::as_str);
        wanted.insert("token".to_owned(), Value::from(to));
        if from != Some(to) {
            changes.push(Change {
                field: "token".to_owned(),
                from: from.map(Value::from),
                to: Value::from(to),
            });
        }
    }
    if changes.is_empty() {
        plan.unchanged.push(Unchanged {
            file: file.path.clone(),
            id: doc.id().to_owned(),
            name: doc.name().to_owned(),
            kind: file.kind,
        });
        return;
    }
    match update_body(doc, &wanted, scope.version) {
        Ok(body) => {
            let warnings = body.warnings.iter().map(|text| warning(&file.path, text));
            plan.warnings.extend(warnings);
            plan.updates.push(Update {
                file: file.path.clone(),
                current: doc.clone(),
                changes,
                body,
                script_file: file.script_file.clone(),
            });
        }
        Err(err) => plan.failures.push(Failure {
            file: file.path.clone(),
            problem: err.into(),
        }),
    }
}

/// A create of what `file` says, if it says enough to create one.
fn create(file: &Manifest, scope: &Scope<'_>, plan: &mut Plan) {
    let missing: Vec<&'static str> = writable_fields(file.kind)
        .iter()
        .filter(|field| field.required && field.name != "type")
        .map(|field| field.name)
        .filter(|name| !file.fields.contains_key(*name))
        .collect();
    if !missing.is_empty() {
        plan.failures.push(Failure {
            file: file.path.clone(),
            problem: PlanProblem::Incomplete {
                kind: file.kind,
                name: file.name.clone(),
                missing,
            },
        });
        return;
    }
    let mut doc = Map::new();
    doc.insert("type".to_owned(), file.kind.as_api_str().into());
    doc.extend(file.fields.clone());
    match &file.token {
        Some(token) => {
            doc.insert("token".to_owned(), token.expose().into());
        }
        None if file.kind == IntegrationKind::Outgoing => plan.warnings.push(warning(
            &file.path,
            "an outgoing webhook created without a `token` cannot be updated later (the \
             server requires one on update): give it one",
        )),
        None => {}
    }
    match create_body(&Integration::from_object(doc), scope.version) {
        Ok(body) => {
            let warnings = body.warnings.iter().map(|text| warning(&file.path, text));
            plan.warnings.extend(warnings);
            plan.creates.push(Create {
                file: file.path.clone(),
                id: file.id.clone(),
                name: file.name.clone(),
                body,
            });
        }
        Err(err) => plan.failures.push(Failure {
            file: file.path.clone(),
            problem: UpdateError::from(err).into(),
        }),
    }
}

fn warning(file: &Path, text: &str) -> String {
    format!("{}: {text}", file.display())
}

/// Equal as the server would store them: numbers by value (`6` is `6.0`).
fn same_value(server: &Value, file: &Value) -> bool {
    match (server, file) {
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        _ => server == file,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Secret;
    use serde_json::json;

    fn server_outgoing(id: &str, name: &str) -> Integration {
        Integration::from_json(json!({
            "_id": id, "type": "webhook-outgoing", "name": name, "enabled": true,
            "username": "rocket.cat", "channel": ["#general"], "event": "sendMessage",
            "urls": ["https://hooks.example.com/in"], "token": "server-token",
            "scriptEnabled": false, "script": "old\n", "retryCount": 6,
            "_createdAt": "2024-01-10T14:12:07.739Z",
        }))
    }

    fn server_incoming(id: &str, name: &str) -> Integration {
        Integration::from_json(json!({
            "_id": id, "type": "webhook-incoming", "name": name, "enabled": true,
            "username": "rocket.cat", "channel": ["#ops"], "scriptEnabled": false,
            "token": "incoming-token", "_createdAt": "2025-01-10T14:12:07.739Z",
        }))
    }

    fn file(path: &str, kind: IntegrationKind, fields: Value) -> Manifest {
        let Value::Object(fields) = fields else {
            unreachable!("literal is an object")
        };
        Manifest {
            path: PathBuf::from(path),
            id: None,
            kind,
            name: fields["name"].as_str().expect("a name").to_owned(),
            fields,
            script_file: None,
            token: None,
        }
    }

    fn pinned(mut manifest: Manifest, id: &str) -> Manifest {
        manifest.id = Some(id.to_owned());
        manifest
    }

    fn scope(prune: Option<&Filter>) -> Scope<'_> {
        Scope {
            version: Some(ServerVersion::new(7, 6)),
            prune,
            now: SystemTime::now(),
        }
    }

    fn whole_outgoing(name: &str) -> Value {
        json!({
            "name": name, "enabled": true, "username": "rocket.cat", "channel": ["#general"],
            "event": "sendMessage", "urls": ["https://hooks.example.com/in"],
            "scriptEnabled": false,
        })
    }

    use IntegrationKind::{Incoming, Outgoing};

    #[test]
    fn only_the_keys_a_file_gives_are_compared() {
        let server = [server_outgoing("o1", "Guggy")];
        let files = [file(
            "guggy.toml",
            Outgoing,
            json!({"name": "Guggy", "retryCount": 6.0}),
        )];
        let plan = plan(&files, &server, &scope(None));
        assert_eq!(plan.changes(), 0);
        assert_eq!(plan.unchanged.len(), 1);
        assert_eq!(plan.unchanged[0].id, "o1");
    }

    #[test]
    fn a_change_is_an_update_of_the_whole_document() {
        let server = [server_outgoing("o1", "Guggy")];
        let files = [file(
            "guggy.toml",
            Outgoing,
            json!({"name": "Guggy", "enabled": false, "script": "new\n"}),
        )];
        let plan = plan(&files, &server, &scope(None));
        assert_eq!(plan.updates.len(), 1, "{plan:?}");
        let update = &plan.updates[0];
        assert_eq!(
            update.changes,
            [
                Change {
                    field: "enabled".into(),
                    from: Some(json!(true)),
                    to: json!(false)
                },
                Change {
                    field: "script".into(),
                    from: Some(json!("old\n")),
                    to: json!("new\n")
                },
            ]
        );
        assert_eq!(update.body.body["integrationId"], "o1");
        assert_eq!(update.body.body["token"], "server-token", "kept");
        assert_eq!(update.body.body["channel"], "#general");
        assert_eq!(update.body.body["enabled"], false);
    }

    #[test]
    fn a_token_from_the_file_is_compared_and_sent() {
        let server = [server_outgoing("o1", "Guggy")];
        let mut with_token = file("guggy.toml", Outgoing, json!({"name": "Guggy"}));
        with_token.token = Some(Secret::new("server-token"));
        assert_eq!(
            plan(&[with_token.clone()], &server, &scope(None)).changes(),
            0
        );

        with_token.token = Some(Secret::new("rotated"));
        let plan = plan(&[with_token], &server, &scope(None));
        let update = &plan.updates[0];
        assert!(update.changes[0].is_token());
        assert_eq!(update.body.body["token"], "rotated");
        assert!(!format!("{plan:?}").contains("rotated"), "Debug hides it");
    }

    #[test]
    fn a_pinned_id_wins_over_the_name_and_a_rename_updates_it() {
        let server = [
            server_outgoing("o1", "Old name"),
            server_outgoing("o2", "New name"),
        ];
        let files = [pinned(
            file("hook.toml", Outgoing, json!({"name": "New name"})),
            "o1",
        )];
        let plan = plan(&files, &server, &scope(None));
        assert_eq!(plan.updates.len(), 1);
        assert_eq!(plan.updates[0].current.id(), "o1");
        assert_eq!(plan.updates[0].changes[0].field, "name");
    }

    #[test]
    fn an_id_of_the_other_type_is_not_a_match() {
        let server = [server_incoming("i1", "Hook")];
        let files = [pinned(
            file("hook.toml", Outgoing, whole_outgoing("Hook")),
            "i1",
        )];
        let plan = plan(&files, &server, &scope(None));
        assert!(
            plan.updates.is_empty(),
            "never an outgoing update of an incoming hook"
        );
        assert_eq!(plan.creates.len(), 1);
        assert_eq!(plan.creates[0].body.body["type"], "webhook-outgoing");
        assert!(plan.warnings[0].contains("`_id` i1 is a webhook-incoming integration"));
    }

    #[test]
    fn two_server_integrations_of_one_name_fail_that_file_and_are_not_pruned() {
        let server = [
            server_outgoing("o1", "Twin"),
            server_outgoing("o2", "Twin"),
            server_outgoing("o3", "Other"),
        ];
        let files = [file("twin.toml", Outgoing, json!({"name": "Twin"}))];
        let prune = Filter::default();
        let plan = plan(&files, &server, &scope(Some(&prune)));
        assert_eq!(plan.failures.len(), 1);
        assert!(matches!(
            plan.failures[0].problem,
            PlanProblem::Ambiguous { ref ids, .. } if ids == &["o1", "o2"]
        ));
        let removed: Vec<&str> = plan.removes.iter().map(Integration::id).collect();
        assert_eq!(removed, ["o3"]);
    }

    #[test]
    fn one_integration_for_two_files_fails_the_second() {
        let server = [server_outgoing("o1", "Guggy")];
        let files = [
            file("b.toml", Outgoing, json!({"name": "Guggy"})),
            pinned(file("a.toml", Outgoing, json!({"name": "Guggy"})), "o1"),
        ];
        let plan = plan(&files, &server, &scope(None));
        assert_eq!(plan.unchanged.len(), 1);
        assert_eq!(
            plan.unchanged[0].file,
            PathBuf::from("a.toml"),
            "the pin wins"
        );
        assert!(matches!(
            &plan.failures[0].problem,
            PlanProblem::SameIntegration { other, .. } if other == Path::new("a.toml")
        ));
    }

    #[test]
    fn a_new_integration_needs_a_whole_file_and_a_unique_name() {
        let files = [
            file("a.toml", Outgoing, whole_outgoing("New")),
            file("b.toml", Outgoing, whole_outgoing("New")),
            file(
                "c.toml",
                Incoming,
                json!({"name": "Partial", "enabled": true}),
            ),
        ];
        let plan = plan(&files, &[], &scope(None));
        assert_eq!(plan.creates.len(), 1);
        assert_eq!(plan.creates[0].body.body["channel"], "#general");
        assert!(matches!(
            plan.failures[0].problem,
            PlanProblem::SameNewName { .. }
        ));
        let PlanProblem::Incomplete { missing, .. } = &plan.failures[1].problem else {
            panic!("{:?}", plan.failures[1])
        };
        assert_eq!(missing, &["username", "channel", "scriptEnabled"]);
        assert!(
            plan.warnings[0].contains("created without a `token`"),
            "{:?}",
            plan.warnings
        );
    }

    #[test]
    fn prune_removes_what_matches_the_filter_and_no_file() {
        let server = [
            server_outgoing("o1", "Kept"),
            server_outgoing("o2", "Gone"),
            server_incoming("i1", "Other type"),
            Integration::from_json(json!({"_id": "z1", "type": "zapier", "name": "Legacy"})),
        ];
        let files = [file("kept.toml", Outgoing, json!({"name": "Kept"}))];
        let outgoing_only = Filter {
            kind: Some(Outgoing),
            ..Filter::default()
        };
        let plan = plan(&files, &server, &scope(Some(&outgoing_only)));
        let removed: Vec<&str> = plan.removes.iter().map(Integration::id).collect();
        assert_eq!(removed, ["o2"]);
        let everything = Filter::default();
        let all = super::plan(&files, &server, &scope(Some(&everything)));
        let removed: Vec<&str> = all.removes.iter().map(Integration::id).collect();
        assert_eq!(removed, ["o2", "i1"], "never a type rcctl cannot manage");
        assert!(
            super::plan(&files, &server, &scope(None))
                .removes
                .is_empty()
        );
    }

    #[test]
    fn fields_the_release_does_not_take_are_named_not_planned() {
        let server = [server_incoming("i1", "CI")];
        let files = [file(
            "ci.toml",
            Incoming,
            json!({"name": "CI", "username": "bot", "scriptEngine": "isolated-vm"}),
        )];
        let on_6_3 = Scope {
            version: Some(ServerVersion::new(6, 3)),
            ..scope(None)
        };
        let plan = plan(&files, &server, &on_6_3);
        assert_eq!(plan.changes(), 0, "{plan:?}");
        assert_eq!(plan.warnings.len(), 2, "{:?}", plan.warnings);
        assert!(plan.warnings[0].starts_with("ci.toml: `username` was left as it is"));
        assert!(plan.warnings[1].starts_with("ci.toml: `scriptEngine` was left out"));

        let on_8 = super::plan(&files, &server, &scope(None));
        let fields: Vec<&str> = on_8.updates[0]
            .changes
            .iter()
            .map(|change| change.field.as_str())
            .collect();
        assert_eq!(fields, ["username", "scriptEngine"]);
    }

    #[test]
    fn an_outgoing_webhook_without_a_token_cannot_be_updated() {
        let mut tokenless = server_outgoing("o1", "Guggy").as_object().clone();
        tokenless.remove("token");
        let server = [Integration::from_object(tokenless)];
        let files = [file(
            "g.toml",
            Outgoing,
            json!({"name": "Guggy", "enabled": false}),
        )];
        let plan = plan(&files, &server, &scope(None));
        assert!(matches!(
            plan.failures[0].problem,
            PlanProblem::Update(UpdateError::NoToken)
        ));
    }
}
