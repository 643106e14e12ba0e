//! Company attribution follows gitdm's dated rules, on fixtures that cover
//! every line form of `developers_affiliations*.txt`, `email-map`,
//! `domain-map` and `aliases`.

use bazaar_activity::affiliations::{
    Affiliations, Source, parse_aliases, parse_developers, parse_email_map,
};
use bazaar_activity::date::Day;

const DEVS: &str = include_str!("../fixtures/affiliations/developers_affiliations1.txt");
const EMAIL_MAP: &str = include_str!("../fixtures/affiliations/email-map");
const DOMAIN_MAP: &str = include_str!("../fixtures/affiliations/domain-map");
const ALIASES: &str = include_str!("../fixtures/affiliations/aliases");

fn affs() -> Affiliations {
    let (devs, d1) = parse_developers(DEVS, "developers_affiliations1.txt");
    let (mut maps, d2) = parse_email_map(EMAIL_MAP, "email-map");
    let (dm, d3) = parse_email_map(DOMAIN_MAP, "domain-map");
    let (aliases, d4) = parse_aliases(ALIASES, "aliases");
    for d in [d1, d2, d3, d4] {
        assert!(d.is_empty(), "{d:#?}");
    }
    maps.extend(dm);
    Affiliations::new(devs, maps, aliases)
}

fn day(s: &str) -> Day {
    Day::parse(s).expect("date")
}

#[test]
fn login_intervals_are_half_open() {
    let a = affs();
    let at = |login: &str, d: &str| a.company_of_login(login, day(d));
    // `Company until D`: open to the past, D excluded.
    assert_eq!(at("00r2", "1999-01-01"), Some("PerkinElmer Inc."));
    assert_eq!(at("00r2", "2014-07-31"), Some("PerkinElmer Inc."));
    // `Company from D until D2`: D included.
    assert_eq!(at("00r2", "2014-08-01"), Some("Independent"));
    assert_eq!(at("00r2", "2015-09-30"), Some("Independent"));
    assert_eq!(at("00r2", "2015-10-01"), Some("PwC"));
    // `Company from D`: open to the future.
    assert_eq!(
        at("00R2", "2020-01-01"),
        Some("Simplebet Inc."),
        "logins are case-insensitive"
    );
    assert_eq!(at("00r2", "2099-12-31"), Some("Simplebet Inc."));
    // A bare company covers all time.
    assert_eq!(at("0x0539", "1950-01-01"), Some("Google LLC"));
    // Unicode company, `*`-marked login.
    assert_eq!(at("zhang", "2020-01-01"), Some("爱奇艺 · Internship"));
    // A company whose name holds the word `from`.
    assert_eq!(at("wfh", "2021-03-01"), Some("Work from Home Inc."));
    assert_eq!(at("wfh", "2021-02-28"), None);
    // A repeated login: the block with the most intervals wins (DevStats' rule).
    assert_eq!(at("vii", "2018-01-01"), Some("NewCo"));
    assert_eq!(at("vii", "2019-01-01"), Some("LaterCo"));
    assert_eq!(at("nobody", "2019-01-01"), None);
}

#[test]
fn emails_follow_gitdm_lookup_order() {
    let a = affs();
    let at = |email: &str, d: &str| a.company_of_email(email, day(d));
    // email-map: lines are unsorted; the first entry by end date whose end is after the day.
    assert_eq!(
        at("jdoe@example.com", "2017-12-31"),
        (Some("Acme Corp"), Source::EmailMap)
    );
    assert_eq!(
        at("jdoe@example.com", "2018-01-01"),
        (Some("Globex"), Source::EmailMap)
    );
    assert_eq!(
        at("jdoe@example.com", "2019-06-01"),
        (Some("Initech"), Source::EmailMap)
    );
    // `!` encoding and case are normalised.
    assert_eq!(
        at("JDOE!example.com", "2030-01-01"),
        (Some("Initech"), Source::EmailMap)
    );
    // Aliases (plain and quoted) map to the canonical e-mail first.
    assert_eq!(
        at("john.doe@old.example.com", "2017-01-01").0,
        Some("Acme Corp")
    );
    assert_eq!(
        at("j doe@mail.example.com", "2017-01-01").0,
        Some("Acme Corp")
    );
    // The last interval closed before the day: gitdm drops such commits.
    assert_eq!(
        at("retired@example.com", "2011-01-01"),
        (None, Source::Expired)
    );
    // developers_affiliations e-mails.
    assert_eq!(
        at("seabass@google.com", "2022-01-01"),
        (Some("Google LLC"), Source::Developers)
    );
    assert_eq!(
        at("00r2@users.noreply.github.com", "2016-01-01"),
        (Some("PwC"), Source::Developers)
    );
    // Domain map, shortest suffix first: `ibm.com` wins over `research.ibm.com`.
    assert_eq!(
        at("x@research.ibm.com", "2014-01-01"),
        (Some("IBM"), Source::DomainMap)
    );
    assert_eq!(
        at("x@lab.redhat.com", "2014-01-01"),
        (Some("Red Hat Inc."), Source::DomainMap)
    );
    assert_eq!(at("x@gmail.com", "2014-01-01"), (None, Source::Unknown));
    // NotFound is kept as written (DevStats skips it on import; gitdm keeps it).
    assert_eq!(at("notfound@example.com", "2014-01-01").0, Some("NotFound"));
    assert_eq!(
        a.login_of_email("sebastian.goodman@gmail.com"),
        Some("0x0539")
    );
}
