//! Ctrl-C during a batch (docs/contract.md §5, §6.1).
//!
//! The first Ctrl-C sets the client's interrupt flag: the batch stops handing
//! out IDs, every rate-limit wait ends at once, and no request is sent after
//! it; requests in flight finish, what was done is reported, and rcctl exits
//! 130. A second Ctrl-C means "now" and exits at once, as most command-line
//! tools do.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::output::Output;

/// Installs the handler that sets `interrupted` (the client's flag, so the
/// API layer sees it without knowing about signals).
pub fn install(out: &Output, interrupted: &Arc<AtomicBool>) {
    let flag = Arc::clone(interrupted);
    let out = out.clone();
    // Err means a handler is installed already (a second batch in one
    // process); it serves the same client's flag, so nothing is lost.
    let _ = ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::SeqCst) {
            // The one exit outside `main`: the user asked twice to stop now.
            std::process::exit(130);
        }
        out.warn("interrupted: finishing the requests in flight (Ctrl-C again to quit at once)");
    });
}
