//! Strings from a server, made safe for a terminal: control characters and
//! bidi overrides escaped as `\n`, `\u{1b}`, …, so a hostile integration name
//! cannot move the cursor, recolour the screen or reorder what is shown.

use std::borrow::Cow;

/// `text` with every control character (and bidi override) escaped.
pub fn escape(text: &str) -> String {
    escape_cow(text).into_owned()
}

fn escape_cow(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c) {
            escaped.extend(c.escape_default());
        } else {
            escaped.push(c);
        }
    }
    Cow::Owned(escaped)
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(escape("a\u{1b}[31mred\n"), "a\\u{1b}[31mred\\n");
        assert_eq!(escape("evil\u{202e}txt"), "evil\\u{202e}txt");
        assert_eq!(escape("Ünïcode stays"), "Ünïcode stays");
    }
}
