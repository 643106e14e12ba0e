//! The ladder's query API: PR authorship, merges, reviews, primary reviewer.

use std::io::Cursor;

use bazaar_activity::gharchive::{Filter, read_lines};
use bazaar_activity::query::{login_activity, primary_reviewer};
use bazaar_activity::stats::Window;
use bazaar_activity::store::Store;

fn ev(id: u64, kind: &str, actor: &str, at: &str, payload: &str) -> String {
    format!(
        r#"{{"id":"{id}","type":"{kind}","actor":{{"login":"{actor}"}},"repo":{{"name":"k/k"}},"payload":{payload},"created_at":"{at}"}}"#
    )
}

#[test]
fn reviews_merges_and_primary_reviewer() {
    let pr = |n: u64, author: &str| {
        format!(
            r#"{{"number":{n},"user":{{"login":"{author}"}},"created_at":"2024-01-01T00:00:00Z","merged_at":null}}"#
        )
    };
    let lines = [
        ev(1, "PullRequestEvent", "ann", "2024-01-01T00:00:00Z", &format!(r#"{{"action":"opened","number":7,"pull_request":{}}}"#, pr(7, "ann"))),
        ev(2, "PullRequestReviewEvent", "bob", "2024-01-02T00:00:00Z", &format!(r#"{{"action":"created","review":{{"id":1,"user":{{"login":"bob"}},"state":"commented","submitted_at":"2024-01-02T00:00:00Z"}},"pull_request":{}}}"#, pr(7, "ann"))),
        ev(3, "PullRequestReviewCommentEvent", "cat", "2024-01-02T01:00:00Z", &format!(r#"{{"action":"created","comment":{{"id":5,"user":{{"login":"cat"}},"created_at":"2024-01-02T01:00:00Z"}},"pull_request":{}}}"#, pr(7, "ann"))),
        ev(4, "PullRequestReviewCommentEvent", "cat", "2024-01-02T02:00:00Z", &format!(r#"{{"action":"created","comment":{{"id":6,"user":{{"login":"cat"}},"created_at":"2024-01-02T02:00:00Z"}},"pull_request":{}}}"#, pr(7, "ann"))),
        ev(5, "PullRequestReviewEvent", "cat", "2024-01-03T00:00:00Z", &format!(r#"{{"action":"created","review":{{"id":2,"user":{{"login":"cat"}},"state":"APPROVED","submitted_at":"2024-01-03T00:00:00Z"}},"pull_request":{}}}"#, pr(7, "ann"))),
        ev(6, "PullRequestEvent", "cat", "2024-01-03T01:00:00Z", r#"{"action":"closed","number":7,"pull_request":{"number":7,"user":{"login":"ann"},"merged_at":"2024-01-03T01:00:00Z"}}"#),
        ev(7, "PullRequestReviewEvent", "ann", "2024-01-03T02:00:00Z", &format!(r#"{{"action":"created","review":{{"id":3,"user":{{"login":"ann"}},"state":"commented","submitted_at":"2024-01-03T02:00:00Z"}},"pull_request":{}}}"#, pr(7, "ann"))),
    ]
    .join("\n");
    let batch = read_lines(Cursor::new(lines.as_bytes()), "t", &Filter::default()).expect("read");
    assert_eq!(batch.malformed, 0, "{:?}", batch.diagnostics);
    let mut store = Store::open_in_memory().expect("store");
    store.insert_hour_file("t", &batch).expect("insert");

    assert_eq!(
        primary_reviewer(&store, "k/k", 7).expect("q").as_deref(),
        Some("cat")
    );
    let cat = login_activity(&store, "CAT", Window::default()).expect("q");
    assert_eq!(
        cat.prs_merged_by, 1,
        "the actor of the merging `closed` event merged it"
    );
    assert_eq!(cat.reviewed.len(), 1);
    let r = &cat.reviewed[0];
    assert_eq!(
        (
            r.reviews,
            r.review_comments,
            r.approved,
            r.primary,
            r.author.as_deref()
        ),
        (1, 2, true, true, Some("ann"))
    );
    let ann = login_activity(&store, "ann", Window::default()).expect("q");
    assert_eq!((ann.prs_authored, ann.prs_merged), (1, 1));
    assert!(
        ann.reviewed.is_empty(),
        "reviewing one's own PR does not count"
    );
    let bob = login_activity(&store, "bob", Window::default()).expect("q");
    assert_eq!((bob.primary_reviews(), bob.total_contributions()), (0, 1));
    let early = login_activity(
        &store,
        "cat",
        Window {
            since: None,
            until: Some(1_704_153_600),
        },
    )
    .expect("q");
    assert_eq!(
        early.total_contributions(),
        0,
        "window excludes 2024-01-02 onwards"
    );
}
