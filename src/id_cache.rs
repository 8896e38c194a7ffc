//! The integration IDs that shell completion offers (docs/contract.md §3.11):
//! what the last `integrations list` saw, per server and profile, kept in
//! `<data dir>/rcctl/completion-ids.json`.
//!
//! Completing must never wait for a server, so it reads only this file; `list`
//! writes it. It is a cache: a missing, unreadable or stale file only means
//! fewer or older suggestions, and two processes writing at once lose one
//! update at worst. Names are not secrets, but the file is private (0600) like
//! everything else rcctl keeps.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::private_file::write_private_cache;

/// The file's name in rcctl's data directory.
const FILE_NAME: &str = "completion-ids.json";

/// One integration as completion shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CachedId {
    pub id: String,
    pub name: String,
}

/// One integration as a listing saw it, borrowed from its document.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct SeenId<'a> {
    pub id: &'a str,
    pub name: &'a str,
}

/// The IDs seen on one server with one profile (`None`: credentials from the
/// environment), kept as JSON text: a run reads or replaces one entry, and
/// the others (thousands of IDs each, maybe) are only carried over.
#[derive(Debug, Serialize, Deserialize)]
struct Entry {
    server: String,
    profile: Option<String>,
    ids: Box<RawValue>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct CacheFile {
    entries: Vec<Entry>,
}

/// The cache file in rcctl's data directory.
#[derive(Debug)]
pub struct IdCache {
    path: PathBuf,
}

impl IdCache {
    /// The cache in `data_dir` (`<data dir>/rcctl`).
    pub fn new(data_dir: &Path) -> Self {
        Self {
            path: data_dir.join(FILE_NAME),
        }
    }

    /// The IDs last seen on `server` with `profile`; none when nothing was kept.
    pub fn load(&self, server: &str, profile: Option<&str>) -> Vec<CachedId> {
        let file = self.read();
        file.entries
            .iter()
            .find(|entry| entry.server == server && entry.profile.as_deref() == profile)
            .and_then(|entry| serde_json::from_str(entry.ids.get()).ok())
            .unwrap_or_default()
    }

    /// Keeps what a listing of `server` with `profile` saw. A listing of every
    /// integration (`complete`) replaces what was kept; a filtered one adds to it.
    pub fn store(
        &self,
        server: &str,
        profile: Option<&str>,
        seen: &[SeenId<'_>],
        complete: bool,
    ) -> io::Result<()> {
        let mut file = self.read();
        let index = file
            .entries
            .iter()
            .position(|entry| entry.server == server && entry.profile.as_deref() == profile);
        let ids = match (complete, index) {
            (false, Some(index)) => {
                let mut kept: Vec<CachedId> =
                    serde_json::from_str(file.entries[index].ids.get()).unwrap_or_default();
                let new: HashSet<&str> = seen.iter().map(|cached| cached.id).collect();
                kept.retain(|cached| !new.contains(cached.id.as_str()));
                let kept = kept.iter().map(|cached| SeenId {
                    id: &cached.id,
                    name: &cached.name,
                });
                raw_ids(&kept.chain(seen.iter().copied()).collect::<Vec<_>>())?
            }
            _ => raw_ids(seen)?,
        };
        match index {
            Some(index) => file.entries[index].ids = ids,
            None => file.entries.push(Entry {
                server: server.to_owned(),
                profile: profile.map(str::to_owned),
                ids,
            }),
        }
        let text = serde_json::to_vec(&file).map_err(io::Error::other)?;
        write_private_cache(&self.path, &text)
    }

    /// The file as it is; an absent or damaged one reads as empty.
    fn read(&self) -> CacheFile {
        std::fs::read(&self.path)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }
}

fn raw_ids(ids: &[SeenId<'_>]) -> io::Result<Box<RawValue>> {
    serde_json::value::to_raw_value(ids).map_err(io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen<'a>(pairs: &[(&'a str, &'a str)]) -> Vec<SeenId<'a>> {
        pairs
            .iter()
            .map(|&(id, name)| SeenId { id, name })
            .collect()
    }

    fn ids(pairs: &[(&str, &str)]) -> Vec<CachedId> {
        pairs
            .iter()
            .map(|(id, name)| CachedId {
                id: (*id).to_owned(),
                name: (*name).to_owned(),
            })
            .collect()
    }

    #[test]
    fn each_server_and_profile_keeps_its_own_ids() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cache = IdCache::new(dir.path());
        let prod = "https://chat.example.com";
        cache
            .store(prod, Some("prod"), &seen(&[("a1", "one")]), true)
            .expect("stored");
        cache
            .store(prod, None, &seen(&[("b2", "two")]), true)
            .expect("stored");
        cache
            .store(
                "https://other.example.com",
                Some("prod"),
                &seen(&[("c3", "3")]),
                true,
            )
            .expect("stored");
        assert_eq!(cache.load(prod, Some("prod")), ids(&[("a1", "one")]));
        assert_eq!(cache.load(prod, None), ids(&[("b2", "two")]));
        assert_eq!(cache.load(prod, Some("staging")), []);
    }

    #[test]
    fn a_full_listing_replaces_and_a_filtered_one_adds() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cache = IdCache::new(dir.path());
        let server = "https://chat.example.com";
        cache
            .store(server, None, &seen(&[("a1", "one"), ("b2", "two")]), true)
            .expect("stored");
        cache
            .store(
                server,
                None,
                &seen(&[("b2", "renamed"), ("c3", "three")]),
                false,
            )
            .expect("stored");
        assert_eq!(
            cache.load(server, None),
            ids(&[("a1", "one"), ("b2", "renamed"), ("c3", "three")])
        );
        cache
            .store(server, None, &seen(&[("c3", "three")]), true)
            .expect("stored");
        assert_eq!(cache.load(server, None), ids(&[("c3", "three")]));
    }

    #[cfg(unix)]
    #[test]
    fn the_file_is_private_and_a_damaged_one_reads_as_empty() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let cache = IdCache::new(dir.path());
        std::fs::write(dir.path().join(FILE_NAME), "{not json").expect("written");
        assert_eq!(cache.load("https://x", None), []);
        cache
            .store("https://x", None, &seen(&[("a1", "one")]), true)
            .expect("stored");
        let mode = std::fs::metadata(dir.path().join(FILE_NAME))
            .expect("exists")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
