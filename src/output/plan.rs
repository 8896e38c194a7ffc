//! How a plan looks (docs/contract.md §7.2, §7.3): a line per integration and
//! one per changed field for people (a script as a unified diff, a token only
//! as `(changed)`), then the count; one JSON object for scripts, tokens
//! `"[redacted]"` unless `--show-secrets`. And the object `apply --json`
//! prints for each action.

use std::io;
use std::path::Path;

use serde_json::{Map, Value, json};
use similar::TextDiff;

use super::view::AppliedView;
use super::{Output, escape, report};
use crate::api::REDACTED;
use crate::exit::Exit;
use crate::manifest::{Change, Plan, Update};

/// Lines of context around each change in a script's diff.
const DIFF_CONTEXT: usize = 3;

impl Output {
    /// The plan, on stdout.
    pub fn plan(&self, plan: &Plan, show_secrets: bool) -> io::Result<()> {
        if self.is_json() {
            return self.json_line(&plan_object(plan, show_secrets));
        }
        self.text_lines(plan_lines(plan))
    }

    /// One action `apply` carried out, as a JSON line (`--json` only: people
    /// read the command's notes on stderr); a failure carries its error object.
    pub fn applied(
        &self,
        action: &AppliedView<'_>,
        failure: Option<(&anyhow::Error, Exit)>,
    ) -> io::Result<()> {
        if !self.is_json() {
            return Ok(());
        }
        let mut object = match serde_json::to_value(action)? {
            Value::Object(object) => object,
            _ => Map::new(),
        };
        if let Some((err, exit)) = failure {
            let message = format!("{err:#}");
            if let Value::Object(mut wrapper) = report::json_error(err, exit, &message)
                && let Some(error) = wrapper.remove("error")
            {
                object.insert("error".to_owned(), error);
            }
        }
        self.json_line(&object)
    }
}

/// `{"create":[…],"update":[…],"remove":[…],"unchanged":[…]}`.
fn plan_object(plan: &Plan, show_secrets: bool) -> Value {
    let file = |path: &Path| path.display().to_string();
    let create: Vec<Value> = plan
        .creates
        .iter()
        .map(|create| {
            json!({"_id": create.id, "name": create.name, "type": create.body.kind,
                   "file": file(&create.file)})
        })
        .collect();
    let update: Vec<Value> = plan
        .updates
        .iter()
        .map(|update| {
            let changes: Map<String, Value> = update
                .changes
                .iter()
                .map(|change| (change.field.clone(), change_object(change, show_secrets)))
                .collect();
            let current = &update.current;
            json!({"_id": current.id(), "name": current.name(), "type": update.body.kind,
                   "file": file(&update.file), "changes": changes})
        })
        .collect();
    let remove: Vec<Value> = plan
        .removes
        .iter()
        .map(|doc| json!({"_id": doc.id(), "name": doc.name(), "type": doc.type_name()}))
        .collect();
    let unchanged: Vec<Value> = plan
        .unchanged
        .iter()
        .map(|same| {
            json!({"_id": same.id, "name": same.name, "type": same.kind,
                   "file": file(&same.file)})
        })
        .collect();
    json!({"create": create, "update": update, "remove": remove, "unchanged": unchanged})
}

fn change_object(change: &Change, show_secrets: bool) -> Value {
    if change.is_token() && !show_secrets {
        let from = change.from.as_ref().map(|_| REDACTED);
        return json!({"from": from, "to": REDACTED});
    }
    json!({"from": change.from, "to": change.to})
}

/// The plan for people, every server string escaped.
fn plan_lines(plan: &Plan) -> Vec<String> {
    let mut lines = Vec::new();
    for create in &plan.creates {
        lines.push(format!(
            "+ create {} {} ({})",
            create.body.kind,
            quoted(&create.name),
            create.file.display()
        ));
    }
    for update in &plan.updates {
        let current = &update.current;
        lines.push(format!(
            "~ update {} {} {} ({})",
            update.body.kind,
            quoted(current.name()),
            escape(current.id()),
            update.file.display()
        ));
        for change in &update.changes {
            change_lines(update, change, &mut lines);
        }
    }
    for doc in &plan.removes {
        lines.push(format!(
            "- remove {} {} {}",
            escape(doc.type_name()),
            quoted(doc.name()),
            escape(doc.id())
        ));
    }
    for same in &plan.unchanged {
        lines.push(format!(
            "= unchanged {} {} {} ({})",
            same.kind,
            quoted(&same.name),
            escape(&same.id),
            same.file.display()
        ));
    }
    lines.push(format!(
        "Plan: {} to create, {} to update, {} to remove, {} unchanged.",
        plan.creates.len(),
        plan.updates.len(),
        plan.removes.len(),
        plan.unchanged.len()
    ));
    lines
}

fn change_lines(update: &Update, change: &Change, lines: &mut Vec<String>) {
    let field = escape(&change.field);
    if change.is_token() {
        lines.push(format!("    {field}: (changed)"));
        return;
    }
    if let ("script", Value::String(new)) = (change.field.as_str(), &change.to) {
        let old = change.from.as_ref().and_then(Value::as_str).unwrap_or("");
        let server = format!("{} on the server", update.current.id());
        let file = update.script_file.as_deref().unwrap_or(&update.file);
        let diff = TextDiff::from_lines(old, new.as_str())
            .unified_diff()
            .context_radius(DIFF_CONTEXT)
            .header(&server, &file.display().to_string())
            .to_string();
        lines.push(format!("    {field}:"));
        lines.extend(
            diff.lines()
                .map(|line| format!("      {}", code_line(line))),
        );
        return;
    }
    let from = change.from.as_ref().map_or("(none)".to_owned(), compact);
    lines.push(format!("    {field}: {from} → {}", compact(&change.to)));
}

/// A value as compact JSON, escaped.
fn compact(value: &Value) -> String {
    escape(&value.to_string())
}

/// A name in quotes, as JSON writes it, escaped.
fn quoted(text: &str) -> String {
    compact(&Value::from(text))
}

/// A line of a script: escaped, but its tabs kept, since code is indented
/// with them and a tab cannot move the cursor anywhere harmful.
fn code_line(line: &str) -> String {
    line.split('\t').map(escape).collect::<Vec<_>>().join("\t")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Integration, update_body};
    use std::path::PathBuf;

    fn update(changes: Vec<Change>) -> Plan {
        let current = Integration::from_json(json!({
            "_id": "o1", "type": "webhook-outgoing", "name": "Guggy\u{1b}[31m",
            "enabled": true, "username": "rocket.cat", "channel": [], "event": "sendMessage",
            "urls": ["https://x"], "token": "server-token", "scriptEnabled": true,
            "script": "a\n\tb\nc\n",
        }));
        let body = update_body(&current, &Map::new(), None).expect("an update");
        Plan {
            updates: vec![Update {
                file: PathBuf::from("dir/guggy.toml"),
                current,
                changes,
                body,
                script_file: Some(PathBuf::from("dir/guggy.js")),
            }],
            ..Plan::default()
        }
    }

    #[test]
    fn people_see_each_field_scripts_as_diffs_and_never_a_token() {
        let plan = update(vec![
            Change {
                field: "enabled".into(),
                from: Some(json!(true)),
                to: json!(false),
            },
            Change {
                field: "alias".into(),
                from: None,
                to: json!("Bot"),
            },
            Change {
                field: "script".into(),
                from: Some(json!("a\n\tb\nc\n")),
                to: json!("a\n\tB\nc\n"),
            },
            Change {
                field: "token".into(),
                from: Some(json!("server-token")),
                to: json!("file-token"),
            },
        ]);
        assert_eq!(
            plan_lines(&plan).join("\n"),
            "~ update webhook-outgoing \"Guggy\\u001b[31m\" o1 (dir/guggy.toml)\n    \
             enabled: true → false\n    \
             alias: (none) → \"Bot\"\n    \
             script:\n      \
             --- o1 on the server\n      \
             +++ dir/guggy.js\n      \
             @@ -1,3 +1,3 @@\n       \
             a\n      \
             -\tb\n      \
             +\tB\n       \
             c\n    \
             token: (changed)\n\
             Plan: 0 to create, 1 to update, 0 to remove, 0 unchanged."
        );
    }

    #[test]
    fn the_json_plan_redacts_tokens_unless_asked() {
        let plan = update(vec![Change {
            field: "token".into(),
            from: Some(json!("server-token")),
            to: json!("file-token"),
        }]);
        let hidden = plan_object(&plan, false);
        assert_eq!(
            hidden,
            json!({"create": [], "update": [{"_id": "o1", "name": "Guggy\u{1b}[31m",
                   "type": "webhook-outgoing", "file": "dir/guggy.toml",
                   "changes": {"token": {"from": REDACTED, "to": REDACTED}}}],
                   "remove": [], "unchanged": []})
        );
        let shown = plan_object(&plan, true);
        assert_eq!(
            shown["update"][0]["changes"]["token"],
            json!({"from": "server-token", "to": "file-token"})
        );
    }
}
