//! The server's base URL (docs/contract.md §1.2), checked once, and what is
//! asked of it: where each endpoint is, and whether a token may go there
//! (same origin, docs/contract.md §1.4; clear text, §6.4).

use reqwest::Url;

/// A validated server base URL: `http(s)://host[:port][/prefix]`, no trailing slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerUrl(String);

impl ServerUrl {
    pub fn parse(text: &str) -> Result<Self, String> {
        let url =
            Url::parse(text.trim()).map_err(|err| format!("`{text}` is not a URL ({err})"))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(format!("`{text}` must start with https:// or http://"));
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(format!("`{text}` has no host name"));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err("the server URL must not contain a user name or password".to_owned());
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(format!("`{text}` must not have a query or fragment"));
        }
        Ok(Self(url.as_str().trim_end_matches('/').to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_https(&self) -> bool {
        self.0.starts_with("https://")
    }

    /// Whether `other` has the same scheme, host and port: where a profile's
    /// token may go (docs/contract.md §1.4).
    pub fn same_origin(&self, other: &ServerUrl) -> bool {
        let (a, b) = (self.url(), other.url());
        a.scheme() == b.scheme()
            && a.host_str() == b.host_str()
            && a.port_or_known_default() == b.port_or_known_default()
    }

    /// When this URL's path is a prefix of `other`'s (segment by segment),
    /// how many segments it has: `https://h/a` is a prefix of `https://h/a/b`
    /// with 1, `https://h` of anything with 0; `https://h/a/c` of it not at all.
    pub fn path_prefix_of(&self, other: &ServerUrl) -> Option<usize> {
        let segments = |url: &ServerUrl| -> Vec<String> {
            url.url()
                .path_segments()
                .map(|parts| {
                    parts
                        .filter(|part| !part.is_empty())
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default()
        };
        let (mine, theirs) = (segments(self), segments(other));
        theirs.starts_with(&mine).then_some(mine.len())
    }

    /// Whether a token sent here crosses the network in clear text: plain
    /// `http://` to anything but the loopback names.
    pub fn is_cleartext_remote(&self) -> bool {
        let url = self.url();
        url.scheme() == "http"
            && !matches!(
                url.host_str(),
                Some("localhost" | "127.0.0.1" | "[::1]" | "::1")
            )
    }

    pub fn host(&self) -> String {
        self.url().host_str().unwrap_or_default().to_owned()
    }

    fn url(&self) -> Url {
        Url::parse(&self.0).expect("checked when parsed")
    }

    pub(super) fn endpoint(&self, path: &str) -> Url {
        Url::parse(&format!("{}/{path}", self.0))
            .expect("a valid base URL joined with a fixed path")
    }
}

impl std::fmt::Display for ServerUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_url_keeps_a_path_prefix_and_drops_the_trailing_slash() {
        let url = ServerUrl::parse("https://example.com/chat/").expect("valid");
        assert_eq!(url.as_str(), "https://example.com/chat");
        assert_eq!(
            url.endpoint("api/v1/integrations.get").as_str(),
            "https://example.com/chat/api/v1/integrations.get"
        );
    }

    #[test]
    fn origins_compare_scheme_host_and_port() {
        let url = |text| ServerUrl::parse(text).expect("valid");
        assert!(url("https://h.example.com/chat").same_origin(&url("https://h.example.com:443")));
        assert!(!url("https://h.example.com").same_origin(&url("http://h.example.com")));
        assert!(!url("https://h.example.com").same_origin(&url("https://h.example.com:8443")));
        assert!(!url("https://h.example.com").same_origin(&url("https://evil.example.com")));
        assert_eq!(
            url("https://h/a").path_prefix_of(&url("https://h/a/b")),
            Some(1)
        );
        assert_eq!(
            url("https://h").path_prefix_of(&url("https://h/a")),
            Some(0)
        );
        assert_eq!(
            url("https://h/a/c").path_prefix_of(&url("https://h/a/b")),
            None
        );
        assert_eq!(
            url("https://h/ab").path_prefix_of(&url("https://h/abc")),
            None
        );
    }

    #[test]
    fn only_plain_http_to_another_host_is_cleartext() {
        for local in [
            "http://localhost:3000",
            "http://127.0.0.1",
            "http://[::1]:8080",
        ] {
            assert!(
                !ServerUrl::parse(local)
                    .expect("valid")
                    .is_cleartext_remote(),
                "{local}"
            );
        }
        assert!(
            ServerUrl::parse("http://chat.example.com")
                .expect("valid")
                .is_cleartext_remote()
        );
        assert!(
            !ServerUrl::parse("https://chat.example.com")
                .expect("valid")
                .is_cleartext_remote()
        );
    }

    #[test]
    fn server_url_rejects_what_cannot_be_a_server() {
        for bad in [
            "chat.example.com",
            "ftp://chat.example.com",
            "https://user:pw@chat.example.com",
            "https://chat.example.com/?x=1",
        ] {
            assert!(ServerUrl::parse(bad).is_err(), "{bad} accepted");
        }
    }
}
