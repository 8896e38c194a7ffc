//! Ctrl-C during a batch (issue: survive the real world).
//!
//! The first Ctrl-C asks the batch to stop handing out IDs: requests in flight
//! finish, what was done is reported, and rcctl exits 130. A second Ctrl-C means
//! "now" and exits at once, as most command-line tools do.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::output::Output;

/// Installs the handler; the flag turns true on the first Ctrl-C.
pub fn install(out: &Output) -> Arc<AtomicBool> {
    let interrupted = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&interrupted);
    let out = out.clone();
    // Err means a handler is installed already (a second batch in one process);
    // it then keeps serving its own flag, and this batch cannot be interrupted
    // gently, only by the second Ctrl-C.
    let _ = ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::SeqCst) {
            // The one exit outside `main`: the user asked twice to stop now.
            std::process::exit(130);
        }
        out.warn("interrupted: finishing the requests in flight (Ctrl-C again to quit at once)");
    });
    interrupted
}
