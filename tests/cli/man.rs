//! The man pages in `man/` are exactly what clap_mangen makes of the grammar,
//! one page per command. Regenerate them with
//! `RCCTL_BLESS=1 cargo test --test cli man`.

use std::collections::BTreeMap;
use std::path::Path;

/// Every page, by file name, as generated now.
fn generated() -> BTreeMap<String, String> {
    let dir = tempfile::tempdir().unwrap();
    clap_mangen::generate_to(rcctl::command(), dir.path()).unwrap();
    pages_in(dir.path())
}

fn pages_in(dir: &Path) -> BTreeMap<String, String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    entries
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "1"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect()
}

#[test]
fn committed_man_pages_match_the_grammar() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    let pages = generated();
    if std::env::var_os("RCCTL_BLESS").is_some() {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in &pages {
            std::fs::write(dir.join(name), text).unwrap();
        }
    }
    let committed = pages_in(&dir);
    let names = |pages: &BTreeMap<String, String>| pages.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        names(&committed),
        names(&pages),
        "man/ is stale: run `RCCTL_BLESS=1 cargo test --test cli man`"
    );
    for (name, text) in &pages {
        assert!(
            committed[name] == *text,
            "man/{name} is stale: run `RCCTL_BLESS=1 cargo test --test cli man`"
        );
    }
}

#[test]
fn the_man_pages_cover_every_command_with_its_examples() {
    let pages = generated();
    for page in [
        "rcctl.1",
        "rcctl-integrations-remove.1",
        "rcctl-integrations-list.1",
        "rcctl-auth-login.1",
        "rcctl-completions.1",
    ] {
        assert!(pages.contains_key(page), "{page} in {:?}", pages.keys());
    }
    assert!(pages["rcctl.1"].contains("Exit codes:"));
    assert!(pages["rcctl.1"].contains("rate_limited"));
    assert!(pages["rcctl-integrations-remove.1"].contains("Examples:"));
    assert!(pages["rcctl-integrations-remove.1"].contains("delete"));
}
