//! Real GitHub payload shapes (`../shared/data/github-webhooks`, from
//! `@octokit/webhooks-examples`) inside GH Archive envelopes: the line parser
//! extracts the PR, review and review-comment facts the ladder needs from
//! each of them, and every other event type parses without error.

use bazaar_activity::gharchive::parse_line;
use bazaar_testkit::shared_data;
use serde_json::{Value, json};

/// The Events API type GH Archive records for a webhook event name.
fn archive_type(event: &str) -> Option<&'static str> {
    Some(match event {
        "issue_comment" => "IssueCommentEvent",
        "issues" => "IssuesEvent",
        "pull_request" => "PullRequestEvent",
        "pull_request_review" => "PullRequestReviewEvent",
        "pull_request_review_comment" => "PullRequestReviewCommentEvent",
        "push" => "PushEvent",
        "member" => "MemberEvent",
        _ => return None, // organization, ping: not in the Events API
    })
}

#[test]
fn webhook_payloads_in_archive_envelopes() {
    let Some(dir) = shared_data("github-webhooks") else {
        return;
    };
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("read github-webhooks")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let (mut checked, mut pr_facts, mut reviews) = (0, 0, 0);
    for (i, path) in files.iter().enumerate() {
        let name = path.file_name().and_then(|n| n.to_str()).expect("name");
        let event = name.split('.').next().expect("event name");
        let Some(kind) = archive_type(event) else {
            continue;
        };
        let payload: Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json");
        let sender = payload["sender"]["login"].as_str().unwrap_or("ghost");
        let repo = payload["repository"]["full_name"].as_str().unwrap_or("o/r");
        let line = json!({
            "id": (1000 + i).to_string(),
            "type": kind,
            "actor": {"id": 1, "login": sender},
            "repo": {"id": 2, "name": repo},
            "payload": payload,
            "public": true,
            "created_at": "2024-05-01T10:00:00Z",
        })
        .to_string();
        let parsed = parse_line(line.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        checked += 1;
        let Some(ev) = parsed else {
            assert_eq!(
                kind, "MemberEvent",
                "{name}: a contribution type read as other"
            );
            continue;
        };
        assert_eq!(
            (ev.kind, ev.actor.as_str(), ev.repo.as_str()),
            (kind, sender, repo),
            "{name}"
        );
        let pr = &payload["pull_request"];
        if kind.starts_with("PullRequest") {
            let facts = ev
                .pr
                .as_ref()
                .unwrap_or_else(|| panic!("{name}: no PR facts"));
            pr_facts += 1;
            assert_eq!(Some(facts.number), pr["number"].as_u64(), "{name}");
            assert_eq!(
                facts.author.as_deref(),
                pr["user"]["login"].as_str(),
                "{name}"
            );
            assert_eq!(
                facts.merged_at.is_some(),
                pr["merged_at"].is_string(),
                "{name}"
            );
            if kind == "PullRequestEvent" {
                assert_eq!(
                    facts.action.as_deref(),
                    payload["action"].as_str(),
                    "{name}"
                );
                if payload["action"] == "closed" && pr["merged_at"].is_string() {
                    let merger = pr["merged_by"]["login"].as_str().unwrap_or(sender);
                    assert_eq!(facts.merged_by.as_deref(), Some(merger), "{name}");
                }
            }
        }
        let record = match kind {
            "PullRequestReviewEvent" => Some((&payload["review"], "review")),
            "PullRequestReviewCommentEvent" => Some((&payload["comment"], "review_comment")),
            _ => None,
        };
        if let Some((r, what)) = record {
            let facts = ev
                .review
                .as_ref()
                .unwrap_or_else(|| panic!("{name}: no review"));
            reviews += 1;
            assert_eq!(Some(facts.id), r["id"].as_u64(), "{name}");
            assert_eq!(facts.kind, what, "{name}");
            assert_eq!(
                Some(facts.reviewer.as_str()),
                r["user"]["login"].as_str(),
                "{name}"
            );
            if what == "review" {
                let state = r["state"].as_str().map(str::to_lowercase);
                assert_eq!(facts.state, state, "{name}");
            }
        } else {
            assert!(ev.review.is_none(), "{name}");
        }
    }
    // The data set's 96 files: every Events API shape, 40+ of them about PRs.
    assert!(checked >= 80, "{checked} payloads checked");
    assert!(
        pr_facts >= 30 && reviews >= 5,
        "{pr_facts} PR events, {reviews} reviews"
    );
}
