//! Fuzz the slash-command parsers, Go regexp translation and PR.json reading:
//! no input may panic.
#![no_main]

use bazaar_review::{commands, goregex, pr::PullRequest};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else {
        return;
    };
    let _ = commands::approve_commands(body);
    let _ = commands::lgtm_request(body);
    let _ = commands::hold_request(body);
    let _ = commands::assign_requests(body, "me", false);
    let _ = commands::assign_requests(body, "me", true);
    let _ = commands::lifecycle_requests(body);
    let _ = commands::trigger_request(body);
    let _ = commands::label_request(body);
    let _ = commands::associated_issue(body);
    let _ = goregex::compile(body);
    let _ = PullRequest::from_json(body);
});
