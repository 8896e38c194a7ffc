//! Looking a user up by username: `GET /api/v1/users.info`
//! (docs/server-api.md §5.5).
//!
//! Any logged-in caller may look up any user, and every answer carries
//! `active`; a user that does not exist is HTTP 400 `User not found.`, which
//! [`super::classify`] reads as [`ApiError::NotFound`].

use serde_json::Value;

use super::{ApiError, Client};

/// What the server says about a username.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserState {
    Active,
    /// The user exists but was deactivated (`active: false`).
    Deactivated,
    /// No user has that username (exactly: the lookup is case-sensitive).
    Missing,
}

impl Client {
    /// Whether `username` is an existing, active user.
    pub fn user_state(&self, username: &str) -> Result<UserState, ApiError> {
        let mut url = self.server.endpoint("api/v1/users.info");
        url.query_pairs_mut().append_pair("username", username);
        let body = match self.send("GET", "users.info", &url, || self.http.get(url.clone())) {
            Err(ApiError::NotFound { .. }) => return Ok(UserState::Missing),
            result => result?,
        };
        let Some(user) = body.get("user").and_then(Value::as_object) else {
            return Err(self.malformed("the response has no `user` object"));
        };
        // Every caller is shown `active` when it is set; a user without it has
        // never been deactivated.
        Ok(match user.get("active").and_then(Value::as_bool) {
            Some(false) => UserState::Deactivated,
            _ => UserState::Active,
        })
    }
}
