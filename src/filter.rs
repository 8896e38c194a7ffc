//! Which integrations a command is about (docs/contract.md §3.3): one filter
//! type for `list`, `remove` by filter, `export`, `plan`/`apply --prune` and
//! `doctor`.
//!
//! Servers from 7.0 filter by `type` and `name` themselves; older ones ignore
//! both (docs/server-api.md §3.2), and no server knows the other filters. So
//! [`Filter::server_side`] is only a hint that saves pages, and every document
//! is checked again here with [`Filter::matches`].

use std::time::{Duration, SystemTime};

use crate::api::{Integration, IntegrationKind, ListFilter};

/// The FILTERS of the contract; every one that is set must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub kind: Option<IntegrationKind>,
    /// Part of the name, any case.
    pub name: Option<String>,
    pub enabled: Option<bool>,
    /// `_createdBy.username`, exactly.
    pub created_by: Option<String>,
    /// A `channel` entry, `#`/`@` prefix optional on both sides.
    pub channel: Option<String>,
    /// An outgoing `event`.
    pub event: Option<String>,
    /// `_createdAt` more than this long ago.
    pub older_than: Option<Duration>,
}

impl Filter {
    /// What a 7.0+ server can filter itself.
    pub fn server_side(&self) -> ListFilter {
        ListFilter {
            kind: self.kind,
            name: self.name.clone(),
        }
    }

    /// Whether `doc` passes every filter that is set, at time `now`.
    pub fn matches(&self, doc: &Integration, now: SystemTime) -> bool {
        self.kind.is_none_or(|kind| doc.kind() == Some(kind))
            && self
                .name
                .as_deref()
                .is_none_or(|name| doc.name().to_lowercase().contains(&name.to_lowercase()))
            && self
                .enabled
                .is_none_or(|enabled| doc.enabled() == Some(enabled))
            && self
                .created_by
                .as_deref()
                .is_none_or(|user| doc.created_by() == user)
            && self.channel.as_deref().is_none_or(|wanted| {
                doc.channels()
                    .iter()
                    .any(|channel| bare_channel(channel) == bare_channel(wanted))
            })
            && self.event.as_deref().is_none_or(|event| {
                doc.kind() == Some(IntegrationKind::Outgoing) && doc.event() == event
            })
            && self
                .older_than
                .is_none_or(|age| created_before(doc, now, age))
    }
}

/// `#general` and `general` are the same channel; `@bob` and `bob` the same user.
fn bare_channel(name: &str) -> &str {
    name.strip_prefix(['#', '@']).unwrap_or(name)
}

/// Whether `doc` was created more than `age` before `now`. A document whose
/// creation time is missing or unreadable is not known to be old.
fn created_before(doc: &Integration, now: SystemTime, age: Duration) -> bool {
    let text = doc.created_at();
    let Ok(created) =
        humantime::parse_rfc3339(text).or_else(|_| humantime::parse_rfc3339_weak(text))
    else {
        return false;
    };
    now.duration_since(created)
        .is_ok_and(|elapsed| elapsed > age)
}

/// `90d`, `12h`, `1w`, `30m`, `2w 3d`: a duration for `--older-than`.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    humantime::parse_duration(text.trim())
        .map_err(|err| format!("`{text}` is not a duration such as 90d, 12h or 1w ({err})"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn doc(value: Value) -> Integration {
        let Value::Object(object) = value else {
            unreachable!("literal is an object")
        };
        Integration::from_object(object)
    }

    fn outgoing() -> Integration {
        doc(json!({
            "_id": "o1", "type": "webhook-outgoing", "name": "Staging Deploys",
            "enabled": false, "event": "sendMessage", "channel": ["#general", "@bob"],
            "_createdAt": "2024-01-10T14:12:07.739Z",
            "_createdBy": {"_id": "u1", "username": "admin"},
        }))
    }

    fn incoming() -> Integration {
        doc(json!({
            "_id": "i1", "type": "webhook-incoming", "name": "ci", "enabled": true,
            "channel": ["#ops"], "_createdAt": "2026-11-30T00:00:00.000Z",
            "_createdBy": null,
        }))
    }

    fn now() -> SystemTime {
        humantime::parse_rfc3339("2026-12-01T00:00:00Z").expect("a time")
    }

    fn keeps(filter: &Filter) -> Vec<String> {
        [outgoing(), incoming()]
            .iter()
            .filter(|doc| filter.matches(doc, now()))
            .map(|doc| doc.id().to_owned())
            .collect()
    }

    #[test]
    fn no_filter_keeps_everything() {
        assert_eq!(keeps(&Filter::default()), ["o1", "i1"]);
    }

    #[test]
    fn each_filter_alone() {
        let with = |filter: Filter| keeps(&filter);
        assert_eq!(
            with(Filter {
                kind: Some(IntegrationKind::Incoming),
                ..Filter::default()
            }),
            ["i1"]
        );
        assert_eq!(
            with(Filter {
                name: Some("staging".into()),
                ..Filter::default()
            }),
            ["o1"]
        );
        assert_eq!(
            with(Filter {
                enabled: Some(false),
                ..Filter::default()
            }),
            ["o1"]
        );
        assert_eq!(
            with(Filter {
                created_by: Some("admin".into()),
                ..Filter::default()
            }),
            ["o1"]
        );
        for channel in ["#general", "general", "@general", "bob", "@bob"] {
            assert_eq!(
                with(Filter {
                    channel: Some(channel.into()),
                    ..Filter::default()
                }),
                ["o1"],
                "{channel}"
            );
        }
        assert_eq!(
            with(Filter {
                event: Some("sendMessage".into()),
                ..Filter::default()
            }),
            ["o1"]
        );
        assert_eq!(
            with(Filter {
                older_than: Some(parse_duration("90d").expect("valid")),
                ..Filter::default()
            }),
            ["o1"]
        );
    }

    #[test]
    fn filters_combine_with_and() {
        let filter = Filter {
            kind: Some(IntegrationKind::Outgoing),
            enabled: Some(true),
            ..Filter::default()
        };
        assert!(keeps(&filter).is_empty());
    }

    #[test]
    fn an_unreadable_creation_time_is_not_old() {
        let undated = doc(json!({"_id": "x", "type": "webhook-incoming", "_createdAt": "soon"}));
        let filter = Filter {
            older_than: Some(Duration::from_secs(1)),
            ..Filter::default()
        };
        assert!(!filter.matches(&undated, now()));
    }

    #[test]
    fn durations_read_as_the_contract_writes_them() {
        assert_eq!(parse_duration("12h"), Ok(Duration::from_secs(12 * 3600)));
        assert_eq!(parse_duration("1w"), Ok(Duration::from_secs(7 * 86400)));
        assert_eq!(parse_duration("90d"), Ok(Duration::from_secs(90 * 86400)));
        assert!(parse_duration("soon").is_err());
    }
}
