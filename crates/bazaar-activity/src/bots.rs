//! Bot exclusion: DevStats' login patterns and gitdm's bot e-mails.
//!
//! DevStats excludes bots with `lower(login) not like all(array[...])`
//! (`util_sql/exclude_bots.sql`). The patterns below are that list, applied
//! with SQL `LIKE` semantics: `%` is any run of characters, `_` any single
//! character, compared on the lower-cased login. Like DevStats, `k8s-%` also
//! excludes a human whose login starts with `k8s-`.
//!
//! For git history, gitdm skips a commit whose author e-mail is in its
//! hard-coded `BotEmails` list. bazaar treats a commit as a bot's when its
//! author e-mail is one of the well-known bot addresses below, or when it is a
//! GitHub noreply address (`[ID+]login@users.noreply.github.com`) whose login
//! matches the DevStats patterns, or when the author name matches them.

/// DevStats' bot patterns (cncf/devstats `util_sql/exclude_bots.sql`, plus the
/// AI-agent names the 2026 list adds: `copilot`, `claude`, `codex`).
pub const DEVSTATS_BOT_PATTERNS: &[&str] = &[
    "openebs-pro-sa",
    "stateful-wombot",
    "fermybot",
    "opentofu-provider-sync-service-account",
    "flatcar-infra",
    "atlantisbot",
    "megaeasex",
    "kuasar-io-dev",
    "startxfr",
    "opentelemetrybot",
    "invalid-email-address",
    "fluxcdbot",
    "claassistant",
    "containersshbuilder",
    "wasmcloud-automation",
    "fossabot",
    "facebook-github-whois-bot-0",
    "knative-automation",
    "covbot",
    "cdk8s-automation",
    "github-action-benchmark",
    "goreleaserbot",
    "imgbotapp",
    "backstage-service",
    "openssl-machine",
    "sizebot",
    "dependabot",
    "cncf-ci",
    "poiana",
    "svcbot-qecnsdp",
    "nsmbot",
    "ti-srebot",
    "cf-buildpacks-eng",
    "bosh-ci-push-pull",
    "gprasath",
    "zephyr-github",
    "zephyrbot",
    "strimzi-ci",
    "athenabot",
    "k8s-reviewable",
    "codecov-io",
    "grpc-testing",
    "k8s-teamcity-mesosphere",
    "angular-builds",
    "devstats-sync",
    "googlebot",
    "hibernate-ci",
    "coveralls",
    "rktbot",
    "coreosbot",
    "web-flow",
    "prometheus-roobot",
    "cncf-bot",
    "kernelprbot",
    "istio-testing",
    "spinnakerbot",
    "pikbot",
    "spinnaker-release",
    "golangcibot",
    "opencontrail-ci-admin",
    "titanium-octobot",
    "asfgit",
    "appveyorbot",
    "cadvisorjenkinsbot",
    "gitcoinbot",
    "katacontainersbot",
    "prombot",
    "prowbot",
    "copilot",
    "claude",
    "codex",
    "travis%bot",
    "k8s-%",
    "%-bot",
    "%-robot",
    "bot-%",
    "robot-%",
    "%[bot]%",
    "%[robot]%",
    "%-jenkins",
    "jenkins-%",
    "%-ci%bot",
    "%-testing",
    "codecov-%",
    "%clabot%",
    "%cla-bot%",
    "%-gerrit",
    "%-bot-%",
    "%envoy-filter-example%",
    "%cibot",
    "%-ci",
];

/// Author e-mails of well-known bots that commit to Kubernetes repositories
/// (a subset of gitdm's `BotEmails`).
pub const BOT_EMAILS: &[&str] = &[
    "k8s-merge-robot@users.noreply.github.com",
    "k8s-ci-robot@users.noreply.github.com",
    "k8s-publishing-bot@users.noreply.github.com",
    "49699333+dependabot[bot]@users.noreply.github.com",
    "dependabot[bot]@users.noreply.github.com",
    "support@dependabot.com",
    "41898282+github-actions[bot]@users.noreply.github.com",
    "github-actions[bot]@users.noreply.github.com",
    "29139614+renovate[bot]@users.noreply.github.com",
    "bot@renovateapp.com",
    "noreply@weblate.org",
];

/// True when `login` is a bot by DevStats' rules (case-insensitive).
pub fn is_bot_login(login: &str) -> bool {
    let lower = login.to_lowercase();
    DEVSTATS_BOT_PATTERNS
        .iter()
        .any(|p| like(lower.as_bytes(), p.as_bytes()))
}

/// True when a commit by this author is a bot's (see the module docs).
pub fn is_bot_commit_author(name: &str, email: &str) -> bool {
    let email = email.to_lowercase();
    if BOT_EMAILS.contains(&email.as_str()) {
        return true;
    }
    if let Some(login) = noreply_login(&email)
        && is_bot_login(login)
    {
        return true;
    }
    is_bot_login(name.trim())
}

/// The login of a GitHub noreply address (`[ID+]login@users.noreply.github.com`).
pub fn noreply_login(email: &str) -> Option<&str> {
    let local = email.strip_suffix("@users.noreply.github.com")?;
    Some(local.split_once('+').map_or(local, |(_, l)| l))
}

/// SQL `LIKE` (no escape character): `%` matches any run, `_` one character.
/// Matching is on bytes; `_` against a multi-byte character matches one byte,
/// which only matters for non-ASCII logins (GitHub logins are ASCII).
pub fn like(s: &[u8], p: &[u8]) -> bool {
    // Iterative wildcard matching with one backtrack point (linear-ish, no recursion).
    let (mut si, mut pi) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while si < s.len() {
        if pi < p.len() && (p[pi] == b'_' || (p[pi] != b'%' && p[pi] == s[si])) {
            si += 1;
            pi += 1;
        } else if pi < p.len() && p[pi] == b'%' {
            star = Some((pi, si));
            pi += 1;
        } else if let Some((sp, ss)) = star {
            pi = sp + 1;
            si = ss + 1;
            star = Some((sp, ss + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == b'%')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_semantics() {
        assert!(like(b"k8s-ci-robot", b"k8s-%"));
        assert!(like(b"dependabot[bot]", b"%[bot]%"));
        assert!(like(b"travis-ci-bot", b"travis%bot"));
        assert!(like(b"abc", b"a_c"));
        assert!(!like(b"abbc", b"a_c"));
        assert!(like(b"", b"%"));
        assert!(!like(b"x", b""));
        assert!(like(b"my-ci", b"%-ci"));
        assert!(!like(b"my-cix", b"%-ci"));
        assert!(like(b"a-ci-x-bot", b"%-ci%bot"));
    }

    #[test]
    fn devstats_bots() {
        for bot in [
            "k8s-ci-robot",
            "dependabot[bot]",
            "Dependabot",
            "web-flow",
            "fejta-bot",
            "k8s-triage-robot",
            "Copilot",
        ] {
            assert!(is_bot_login(bot), "{bot}");
        }
        for human in [
            "thockin",
            "liggitt",
            "robotics-fan",
            "botanist",
            "jenkinsfan",
        ] {
            assert!(!is_bot_login(human), "{human}");
        }
    }

    #[test]
    fn git_bots() {
        assert!(is_bot_commit_author(
            "dependabot[bot]",
            "49699333+dependabot[bot]@users.noreply.github.com"
        ));
        assert!(is_bot_commit_author(
            "Kubernetes Prow Robot",
            "k8s-ci-robot@users.noreply.github.com"
        ));
        assert!(is_bot_commit_author("k8s-ci-robot", "x@example.com"));
        assert!(!is_bot_commit_author("Tim Hockin", "thockin@google.com"));
        assert_eq!(
            noreply_login("123+jdoe@users.noreply.github.com"),
            Some("jdoe")
        );
        assert_eq!(noreply_login("jdoe@users.noreply.github.com"), Some("jdoe"));
    }
}
