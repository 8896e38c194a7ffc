//! Ctrl-C during a batch (issue: survive the real world).
//!
//! The first Ctrl-C asks the batch to stop handing out IDs: requests in flight
//! finish, what was done is reported, and rcctl exits 130. A second Ctrl-C means
//! "now" and exits at once, as most command-line tools do.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use crate::output::Output;

/// The one flag of the process: `apply` runs its creates and updates, then
/// the removal batch, and a Ctrl-C during either stops both.
static INTERRUPTED: OnceLock<Arc<AtomicBool>> = OnceLock::new();

/// Installs the handler (once per process); the flag turns true on the first Ctrl-C.
pub fn install(out: &Output) -> Arc<AtomicBool> {
    let interrupted = INTERRUPTED.get_or_init(|| {
        let interrupted = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&interrupted);
        let out = out.clone();
        // Err means another handler is installed, which rcctl never does.
        let _ = ctrlc::set_handler(move || {
            if flag.swap(true, Ordering::SeqCst) {
                // The one exit outside `main`: the user asked twice to stop now.
                std::process::exit(130);
            }
            out.warn(
                "interrupted: finishing the requests in flight (Ctrl-C again to quit at once)",
            );
        });
        interrupted
    });
    Arc::clone(interrupted)
}
