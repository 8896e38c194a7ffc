//! Any status, content type, rate-limit header and body through the response
//! classifier: it must return a value or a typed error, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rcctl::fuzzing::{RawResponse, classify};

fuzz_target!(|data: &[u8]| {
    let [low, high, selector, body @ ..] = data else {
        return;
    };
    let content_type = match selector % 5 {
        0 => None,
        1 => Some("application/json".to_owned()),
        2 => Some("application/json; charset=utf-8".to_owned()),
        3 => Some("text/html".to_owned()),
        _ => Some(String::from_utf8_lossy(&body[..body.len().min(8)]).into_owned()),
    };
    let response = RawResponse {
        status: u16::from_le_bytes([*low, *high]),
        content_type,
        location: (selector & 0x08 != 0).then(|| "https://elsewhere.example.net/".to_owned()),
        rate_limit_reset: (selector & 0x10 != 0)
            .then(|| String::from_utf8_lossy(&body[..body.len().min(20)]).into_owned()),
        rate_limit_remaining: (selector & 0x20 != 0).then(|| "0".to_owned()),
        rate_limit_limit: None,
        body: body.to_vec(),
    };
    let now_ms = if selector & 0x40 != 0 {
        u128::MAX
    } else {
        1_700_000_000_000
    };
    let _ = classify("https://chat.example.com", &response, now_ms);
});
