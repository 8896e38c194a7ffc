//! `me` (docs/server-api.md §5.3): who the credentials belong to, for the
//! commands that check them (`auth login`, `auth status`).

use serde_json::json;

use super::wire::{Response, json_response};
use crate::constants::USER_ID;

pub(super) fn me() -> Response {
    json_response(
        200,
        json!({"_id": USER_ID, "username": "admin", "active": true, "success": true}),
    )
}
