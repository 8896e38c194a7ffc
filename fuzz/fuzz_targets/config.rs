//! Any text as a config file: parsing and resolving it must give settings or a
//! config error naming a line and column, never panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use rcctl::fuzzing::{Env, Flags, parse, resolve};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(file) = parse(Path::new("/fuzz/config.toml"), text) {
        let _ = resolve(&Flags::default(), &Env::default(), Some(&file));
        let named = Flags {
            profile: Some("prod".to_owned()),
            ..Flags::default()
        };
        let _ = resolve(&named, &Env::default(), Some(&file));
    }
});
