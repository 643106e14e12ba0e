//! Elections: Elekto's formats, Elekto-exact counting, seats with the
//! employer cap, and a ballot box that keeps ballots secret.
//!
//! # Brief overview
//!
//! - [`load::load_dir`] reads an election folder in Elekto's meta layout
//!   (`election.yaml`, `voters.yaml`, `candidate-<ID>.md`, `election_desc.md`,
//!   `ballots.csv`, `results.md`) or the older CIVS-era layout (`BALLOTS.csv`,
//!   `voters.md`, a nominee table in `README.md`) into an
//!   [`load::ElectionDir`], with located diagnostics for everything wrong.
//! - [`Ballots`] holds ranked ballots (0 = "No opinion");
//!   [`load::ballots_csv::parse`] reads `ballots.csv` strictly.
//! - [`count::tally`] counts them exactly as Elekto does (pairwise matrix
//!   with "No opinion" not compared, strongest paths with winning votes,
//!   places by number of defeats, ties as groups), or as textbook Schulze
//!   ("No opinion" ranked last, Schulze's winner sets; [`count::Method`]).
//! - [`seats::allocate`] fills the seats from the ranking, applying the
//!   "at most N per employer, counting continuing members" cap and reporting
//!   any tie that decides a seat instead of breaking it.
//! - [`rules`] holds the `vote/...` checks behind `bazaar election check`.
//! - [`ballot_box`] is the SQLite ballot box behind `bazaar election
//!   vote|revoke|close|results`; its docs state the threat model.
//!
//! ```
//! use bazaar_vote::{Ballots, count::{tally, Method}, seats::allocate};
//!
//! // The whole of a tiny ballots.csv: "No opinion" is not compared.
//! let parsed = bazaar_vote::load::ballots_csv::parse(
//!     "alice,bob,carol\n1,2,No opinion\n2,1,3\n1,2,3\n",
//!     "ballots.csv",
//! );
//! let ballots: Ballots = parsed.ballots.expect("a sound file");
//! let t = tally(&ballots, Method::Elekto);
//! assert_eq!(t.ranking_ids(), [vec!["alice"], vec!["bob"], vec!["carol"]]);
//! let won = allocate(&t, 2, None);
//! assert_eq!(won.winners, [0, 1]); // column indices: alice, bob
//! assert!(won.tie.is_none());
//! ```

pub mod ballot_box;
pub mod ballots;
pub mod count;
pub mod load;
pub mod rules;
pub mod seats;
pub mod time;

pub use ballots::Ballots;
pub use count::{Method, Tally};
pub use seats::{EmployerCap, SeatOutcome};
pub use time::Timestamp;
