//! Activity and contribution analytics: git history, GH Archive events,
//! gitdm affiliations, and the store other capabilities query.
//!
//! # Brief overview
//!
//! Data flows one way: **load → store → facts → report**.
//!
//! - Loaders (the I/O edge): [`git::Repo`] reads commits with gix and counts
//!   lines exactly as `git log --numstat -M` does (git's rename detection is
//!   in [`rename`]); [`gharchive::read_hour_file`] streams one GH Archive
//!   `.json.gz` hour and keeps the seven DevStats contribution event types
//!   ([`gharchive::parse_line`] is the pure line parser).
//! - [`ingest`] moves them into the [`store::Store`], an SQLite database
//!   (WAL; idempotent, resumable and crash-safe: one transaction per hour
//!   file or per chunk of commits; schema versioned with migrations).
//! - [`affiliations`] parses gitdm's formats (`developers_affiliations*.txt`,
//!   `email-map`, `domain-map`, `aliases`) into [`affiliations::Affiliations`],
//!   which answers "who worked where on this day" by login or e-mail.
//! - [`stats`] turns the store's day-level [`stats::Facts`] plus affiliations
//!   into people / companies / repositories rows (pure functions);
//!   [`chart`] draws them as SVG.
//! - [`query`] is the API for other capabilities (the contributor ladder):
//!   per login and window, contributions by type, PRs authored and merged,
//!   PRs reviewed with the primary-reviewer flag, last activity; and
//!   [`query::people_activity`], everyone's counts at once, with git authors
//!   attributed to logins by [`identity::Identities`] (affiliations, no-reply
//!   addresses, GitHub merge commits).
//!   [`sample::ingest_community`] fills a store with a deterministic year of
//!   activity for named people (the embedded default community's).
//! - [`synth`] generates realistic synthetic hour files; [`bots`] holds
//!   DevStats' bot patterns; [`rules`] the diagnostics' rule registry.
//!
//! ```
//! use bazaar_activity::{date::Day, identity::Identities, query, sample, stats::Window, store::Store};
//!
//! let mut store = Store::open_in_memory()?;
//! let people: Vec<String> = (0..40).map(|i| format!("dev{i:04}")).collect();
//! let end = Day::from_ymd(2024, 3, 1).expect("a date");
//! let spec = sample::SampleSpec { people: &people, repos: &["kubernetes/kubernetes"], end, seed: 7, levels: &Default::default(), floor: sample::Level::Idle };
//! sample::ingest_community(&mut store, &spec)?;
//! let everyone = query::people_activity(&store, Window::default(), &Identities::default(), &Default::default())?;
//! assert!(everyone.events > 0 && everyone.reviews > 0);
//! let a = query::login_activity(&store, "dev0001", Window::default())?;
//! assert_eq!(a.total_contributions(), everyone.people.get("dev0001").map_or(0, |p| p.events));
//!
//! let affs = bazaar_activity::affiliations::Affiliations::new(
//!     bazaar_activity::affiliations::parse_developers(
//!         "dev0001: dev0001!users.noreply.github.com\n\tAcme until 2024-03-01\n\tGlobex from 2024-03-01\n",
//!         "developers_affiliations1.txt",
//!     ).0,
//!     vec![],
//!     vec![],
//! );
//! let day = bazaar_activity::date::Day::parse("2024-03-01").expect("a date");
//! assert_eq!(affs.company_of_login("dev0001", day), Some("Globex"));
//! # Ok::<(), bazaar_activity::store::StoreError>(())
//! ```

pub mod affiliations;
pub mod bots;
pub mod chart;
pub mod date;
pub mod gharchive;
pub mod git;
pub mod identity;
pub mod ingest;
pub mod query;
pub mod rename;
pub mod rules;
pub mod sample;
pub mod stats;
pub mod store;
pub mod synth;
