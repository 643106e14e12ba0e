//! The ballot box: casting, replacing and revoking secret ballots in an
//! embedded SQLite database, closing the election, and publishing anonymised
//! ballots with results anyone can reproduce.
//!
//! # How a ballot is stored
//!
//! - **Voter row** (`voter`): the normalised login (the primary key: the
//!   database itself refuses a second ballot from the same voter, even under
//!   concurrent submissions), a random 16-byte salt, and the *sealed link*:
//!   the ballot's random id encrypted with XChaCha20-Poly1305 under
//!   `Argon2id(passphrase, salt)` and bound to the login and election.
//! - **Ballot row** (`ballot`): a random 16-byte id, the ranks, and the
//!   *tracker* `SHA-256("bazaar-vote receipt v1\0" ‖ receipt)`. It holds no
//!   voter reference, no timestamp and no sequence number; the table is
//!   clustered by the random id (`WITHOUT ROWID`), so its order is random.
//! - The voter receives a random **receipt** code once; the database keeps
//!   only its tracker.
//! - With the passphrase the voter can **replace** their ballot (new ranks,
//!   new receipt) or **revoke** it (both rows deleted; they may vote again).
//! - Every operation checks the voting window (`start ≤ now ≤ end`,
//!   inclusive as in Elekto) against the `now` it is given, and the voter's
//!   eligibility (case-insensitive login).
//! - **Close** (only after `end`) counts the ballots, stores the results with
//!   the SHA-256 of the anonymised ballots, deletes every voter row, and
//!   rewrites the file (`secure_delete` zeroes freed pages; `VACUUM` rebuilds
//!   it) so that no voter↔ballot link survives. The anonymised `ballots.csv`
//!   (Elekto's format, rows in tracker order) and `receipts.csv` (tracker
//!   plus ranks) can then be published.
//!
//! # Threat model
//!
//! | who | protected | not protected |
//! |---|---|---|
//! | **Election officers** (no database access) | They see counts and results, never who voted how. | — |
//! | **Anyone reading the database after close** (backups, a leaked file, the officers, a later operator) | No voter login, salt or sealed link remains; ballots carry a random id, ranks and a tracker only, in random order. Nothing derivable without a voter's receipt links a ballot to a voter. | Turnout (a count) and the ballots themselves, which are public anyway. |
//! | **Someone who copies the database while voting is open** | The voter→ballot link is encrypted under a memory-hard key derived from the passphrase (Argon2id, 64 MiB, 3 passes by default); linking a voter costs a dictionary attack on that voter's passphrase. | Weak passphrases fall to such an attack. SQLite page layout can correlate a voter row with the ballot row written in the same transaction. Comparing two copies shows which ballot changed when a voter row appeared. |
//! | **An operator who controls the server while voting is open** | Nothing: they see each submission (login, ranks, passphrase) as it arrives and can log it. | Everything; use end-to-end verifiable voting (e.g. Belenios) if this matters. |
//! | **A voter** | Can check with their receipt that their ballot is among the published ones, with their ranks (cast-as-recorded and counted-as-published, since anyone can recount the published file). | Receipt-freeness: a voter can show the receipt to prove how they voted (as with Helios trackers). |
//! | **Ballot stuffing by the operator** | Not prevented: the operator could add ballots (the count of ballots must not exceed the voters who voted; `vote/ballots-exceed-voters` checks the published file against the voter list). | Eligibility is not verifiable by outsiders. |
//!
//! Not done here: the GitHub sign-in that proves a login (the web layer's
//! job); the passphrase is the only secret the store sees.

mod crypto;

use std::path::Path;

use bazaar_core::Login;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

pub use crypto::KdfParams;

use crate::ballots::{Ballots, NO_OPINION};
use crate::count::{Method, tally};
use crate::load::Voters;
use crate::seats::allocate;
use crate::time::Timestamp;

/// Shortest passphrase accepted (Elekto: 6; a link secret deserves more).
pub const MIN_PASSPHRASE_CHARS: usize = 10;

const SCHEMA_VERSION: &str = "1";

/// What can go wrong with the ballot box.
#[derive(Debug, thiserror::Error)]
pub enum BoxError {
    #[error("voting has not started: it opens at {start} UTC (now {now})")]
    NotOpenYet { start: Timestamp, now: Timestamp },
    #[error("voting is over: it closed at {end} UTC (now {now})")]
    VotingOver { end: Timestamp, now: Timestamp },
    #[error("the election cannot be closed before voting ends at {end} UTC (now {now})")]
    StillOpen { end: Timestamp, now: Timestamp },
    #[error("the election is closed")]
    Closed,
    #[error("the election is not closed yet: there are no results")]
    NotClosed,
    #[error("`{0}` is not an eligible voter of this election")]
    NotEligible(String),
    #[error("`{0}` has already voted (replace or revoke the ballot with its passphrase)")]
    AlreadyVoted(String),
    #[error("`{0}` has not voted")]
    NotVoted(String),
    #[error("wrong passphrase")]
    WrongPassphrase,
    #[error("the passphrase is too short: at least {MIN_PASSPHRASE_CHARS} characters")]
    WeakPassphrase,
    #[error("invalid ballot: {0}")]
    InvalidBallot(String),
    #[error("the ballot box belongs to another election: {0}")]
    Mismatch(String),
    #[error("the ballot box is damaged: {0}")]
    Corrupt(String),
    #[error("key derivation: {0}")]
    Kdf(String),
    #[error("random source: {0}")]
    Random(String),
    #[error("database: {0}")]
    Db(#[from] rusqlite::Error),
}

/// What defines an election for the ballot box; stored at creation and
/// checked on every later open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoxConfig {
    /// A name for the election (e.g. its folder `steering/2025`).
    pub election: String,
    /// Candidate ids (ballot keys); stored sorted.
    pub candidates: Vec<String>,
    pub start: Timestamp,
    pub end: Timestamp,
    /// Seats to fill at close.
    pub seats: u32,
    /// Whether candidates may be left unranked.
    pub allow_no_opinion: bool,
    /// Argon2id costs (used only when the box is created).
    pub kdf: KdfParams,
}

/// What a voter gets after casting or replacing a ballot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Receipt {
    /// The secret code (hex); shown once, never stored.
    pub code: String,
    /// Its public tracker, as it will appear in `receipts.csv`.
    pub tracker: String,
}

/// Results as stored at close.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredResults {
    /// The anonymised ballots in Elekto's CSV format (rows in tracker order).
    pub ballots_csv: String,
    /// `tracker,<candidate ids>` rows: what voters check receipts against.
    pub receipts_csv: String,
    /// SHA-256 of `ballots_csv`.
    pub ballots_sha256: String,
    /// Places, best first, each a group of tied ids.
    pub ranking: Vec<Vec<String>>,
    /// Winners (certain ones only when a tie is pending).
    pub winners: Vec<String>,
    /// Tied ids that decide a seat, if any.
    pub tie: Vec<String>,
    pub seats: u32,
    /// Ballots cast.
    pub turnout: u64,
}

/// Result of recounting the stored ballots.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recount {
    pub stored: StoredResults,
    /// The stored CSV hashes to the stored hash.
    pub hash_matches: bool,
    /// Recounting the stored CSV gives the stored ranking, winners and tie.
    pub results_match: bool,
}

/// An open ballot box (one SQLite connection).
pub struct BallotBox {
    conn: Connection,
    candidates: Vec<String>,
    start: Timestamp,
    end: Timestamp,
    seats: u32,
    allow_no_opinion: bool,
    kdf: KdfParams,
    election: String,
}

fn meta_get(conn: &Connection, key: &str) -> Result<Option<String>, BoxError> {
    Ok(conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()?)
}

fn corrupt(what: &str) -> BoxError {
    BoxError::Corrupt(format!("`{what}` is missing or malformed"))
}

impl BallotBox {
    /// Open the ballot box at `path`, creating it for `config` when it does
    /// not exist yet. An existing box must belong to the same election (same
    /// name, candidates and window).
    pub fn open(path: &Path, config: &BoxConfig) -> Result<Self, BoxError> {
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(60))?;
        // Freed pages are zeroed, so deleted voter rows leave no trace in the file.
        conn.pragma_update(None, "secure_delete", "ON")?;
        // A rollback journal (deleted after each commit), never a WAL file
        // that could keep old pages around.
        conn.pragma_update(None, "journal_mode", "DELETE")?;
        let mut candidates = config.candidates.clone();
        candidates.sort();
        candidates.dedup();
        if candidates.len() != config.candidates.len() || candidates.is_empty() {
            return Err(BoxError::InvalidBallot(
                "the candidate list is empty or has duplicates".into(),
            ));
        }
        {
            // IMMEDIATE: a deferred read-then-write transaction can deadlock
            // with a concurrent writer (SQLITE_BUSY without waiting).
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            tx.execute_batch(
                "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
                 CREATE TABLE IF NOT EXISTS voter (
                     login TEXT PRIMARY KEY,
                     salt BLOB NOT NULL,
                     sealed BLOB NOT NULL
                 ) WITHOUT ROWID;
                 CREATE TABLE IF NOT EXISTS ballot (
                     id BLOB PRIMARY KEY,
                     tracker TEXT NOT NULL UNIQUE,
                     ranks TEXT NOT NULL
                 ) WITHOUT ROWID;
                 CREATE TABLE IF NOT EXISTS result (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;",
            )?;
            let k = config.kdf;
            for (key, value) in [
                ("schema_version", SCHEMA_VERSION.to_string()),
                ("election", config.election.clone()),
                ("candidates", candidates.join("\n")),
                ("start", config.start.0.to_string()),
                ("end", config.end.0.to_string()),
                ("seats", config.seats.to_string()),
                ("allow_no_opinion", config.allow_no_opinion.to_string()),
                (
                    "kdf",
                    format!("{} {} {}", k.memory_kib, k.iterations, k.parallelism),
                ),
                ("state", "open".to_string()),
            ] {
                tx.execute(
                    "INSERT OR IGNORE INTO meta (key, value) VALUES (?1, ?2)",
                    params![key, value],
                )?;
            }
            tx.commit()?;
        }
        let get = |k: &str| meta_get(&conn, k)?.ok_or_else(|| corrupt(k));
        let stored_candidates: Vec<String> =
            get("candidates")?.split('\n').map(str::to_string).collect();
        let election = get("election")?;
        let start = Timestamp(get("start")?.parse().map_err(|_| corrupt("start"))?);
        let end = Timestamp(get("end")?.parse().map_err(|_| corrupt("end"))?);
        for (what, same) in [
            ("election name", election == config.election),
            ("candidates", stored_candidates == candidates),
            ("voting window", start == config.start && end == config.end),
        ] {
            if !same {
                return Err(BoxError::Mismatch(format!(
                    "its {what} differ from the election folder's"
                )));
            }
        }
        let kdf_text = get("kdf")?;
        let nums: Vec<u32> = kdf_text.split(' ').filter_map(|n| n.parse().ok()).collect();
        let [memory_kib, iterations, parallelism] = nums[..] else {
            return Err(corrupt("kdf"));
        };
        let seats = get("seats")?.parse().map_err(|_| corrupt("seats"))?;
        let allow_no_opinion = get("allow_no_opinion")? == "true";
        Ok(BallotBox {
            conn,
            candidates,
            start,
            end,
            seats,
            allow_no_opinion,
            kdf: KdfParams {
                memory_kib,
                iterations,
                parallelism,
            },
            election,
        })
    }

    /// Candidate ids in stored (sorted) order: the order of ranks in a ballot.
    pub fn candidates(&self) -> &[String] {
        &self.candidates
    }

    fn closed(&self) -> Result<bool, BoxError> {
        Ok(meta_get(&self.conn, "state")?.as_deref() == Some("closed"))
    }

    /// Refuse unless voting is open at `now`.
    fn require_open(&self, now: Timestamp) -> Result<(), BoxError> {
        if self.closed()? {
            return Err(BoxError::Closed);
        }
        if now < self.start {
            return Err(BoxError::NotOpenYet {
                start: self.start,
                now,
            });
        }
        if now > self.end {
            return Err(BoxError::VotingOver { end: self.end, now });
        }
        Ok(())
    }

    fn require_voter(voters: &Voters, login: &Login) -> Result<(), BoxError> {
        if voters.contains(login) {
            Ok(())
        } else {
            Err(BoxError::NotEligible(login.to_string()))
        }
    }

    /// Ranks in candidate order from `(id, rank)` pairs; unnamed candidates
    /// get "No opinion" (refused when the election does not allow it).
    pub fn ballot_from_pairs(&self, pairs: &[(String, Option<u32>)]) -> Result<Vec<u32>, BoxError> {
        let n = self.candidates.len();
        let mut ranks = vec![None; n];
        for (id, rank) in pairs {
            let i = self
                .candidates
                .iter()
                .position(|c| c == id)
                .ok_or_else(|| BoxError::InvalidBallot(format!("`{id}` is not a candidate")))?;
            if ranks[i].is_some() {
                return Err(BoxError::InvalidBallot(format!("`{id}` is ranked twice")));
            }
            ranks[i] = Some(rank.unwrap_or(NO_OPINION));
        }
        let out: Vec<u32> = ranks.into_iter().map(|r| r.unwrap_or(NO_OPINION)).collect();
        self.validate(&out)?;
        Ok(out)
    }

    fn validate(&self, ranks: &[u32]) -> Result<(), BoxError> {
        let n = self.candidates.len();
        if ranks.len() != n {
            return Err(BoxError::InvalidBallot(format!(
                "{} ranks for {n} candidates",
                ranks.len()
            )));
        }
        let max = u32::try_from(n).unwrap_or(u32::MAX);
        if let Some(r) = ranks.iter().find(|&&r| r > max) {
            return Err(BoxError::InvalidBallot(format!(
                "rank {r} is out of range 1..={n}"
            )));
        }
        if !self.allow_no_opinion && ranks.contains(&NO_OPINION) {
            return Err(BoxError::InvalidBallot(
                "this election requires a rank for every candidate (`allow_no_opinion: False`)"
                    .into(),
            ));
        }
        Ok(())
    }

    fn aad(&self, login: &Login) -> Vec<u8> {
        format!(
            "bazaar-vote link v1\0{}\0{}",
            self.election,
            login.normalized()
        )
        .into_bytes()
    }

    fn encode_ranks(ranks: &[u32]) -> String {
        ranks
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Cast `login`'s ballot (`ranks` in [`BallotBox::candidates`] order,
    /// 0 = No opinion). Exactly one ballot per voter: a second call fails
    /// with [`BoxError::AlreadyVoted`], even when both race.
    pub fn cast(
        &mut self,
        voters: &Voters,
        login: &Login,
        passphrase: &str,
        ranks: &[u32],
        now: Timestamp,
    ) -> Result<Receipt, BoxError> {
        self.require_open(now)?;
        Self::require_voter(voters, login)?;
        self.validate(ranks)?;
        if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(BoxError::WeakPassphrase);
        }
        let salt: [u8; 16] = crypto::random()?;
        // The slow part happens before the write lock is taken.
        let key = crypto::derive_key(passphrase, &salt, self.kdf)?;
        let id: [u8; 16] = crypto::random()?;
        let code: [u8; 20] = crypto::random()?;
        let tracker = crypto::tracker(&code);
        let sealed = crypto::seal(&key, &id, &self.aad(login))?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Re-check under the lock: the election may have closed meanwhile.
        if meta_get(&tx, "state")?.as_deref() == Some("closed") {
            return Err(BoxError::Closed);
        }
        let inserted = tx.execute(
            "INSERT INTO voter (login, salt, sealed) VALUES (?1, ?2, ?3) ON CONFLICT (login) DO NOTHING",
            params![login.normalized(), &salt[..], sealed],
        )?;
        if inserted == 0 {
            return Err(BoxError::AlreadyVoted(login.to_string()));
        }
        tx.execute(
            "INSERT INTO ballot (id, tracker, ranks) VALUES (?1, ?2, ?3)",
            params![&id[..], tracker, Self::encode_ranks(ranks)],
        )?;
        tx.commit()?;
        Ok(Receipt {
            code: hex::encode(code),
            tracker,
        })
    }

    /// The voter's ballot id, unlocked with their passphrase.
    fn unlock(
        &self,
        conn: &Connection,
        login: &Login,
        passphrase: &str,
    ) -> Result<Vec<u8>, BoxError> {
        let row: Option<(Vec<u8>, Vec<u8>)> = conn
            .query_row(
                "SELECT salt, sealed FROM voter WHERE login = ?1",
                [login.normalized()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (salt, sealed) = row.ok_or_else(|| BoxError::NotVoted(login.to_string()))?;
        let key = crypto::derive_key(passphrase, &salt, self.kdf)?;
        crypto::open(&key, &sealed, &self.aad(login)).ok_or(BoxError::WrongPassphrase)
    }

    /// Replace the voter's ballot; returns a new receipt (the old one no
    /// longer matches anything).
    pub fn replace(
        &mut self,
        voters: &Voters,
        login: &Login,
        passphrase: &str,
        ranks: &[u32],
        now: Timestamp,
    ) -> Result<Receipt, BoxError> {
        self.require_open(now)?;
        Self::require_voter(voters, login)?;
        self.validate(ranks)?;
        let id = self.unlock(&self.conn, login, passphrase)?;
        let code: [u8; 20] = crypto::random()?;
        let tracker = crypto::tracker(&code);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if meta_get(&tx, "state")?.as_deref() == Some("closed") {
            return Err(BoxError::Closed);
        }
        let n = tx.execute(
            "UPDATE ballot SET tracker = ?2, ranks = ?3 WHERE id = ?1",
            params![id, tracker, Self::encode_ranks(ranks)],
        )?;
        if n != 1 {
            return Err(BoxError::NotVoted(login.to_string()));
        }
        tx.commit()?;
        Ok(Receipt {
            code: hex::encode(code),
            tracker,
        })
    }

    /// Revoke the voter's ballot: it is deleted and they may vote again.
    pub fn revoke(
        &mut self,
        voters: &Voters,
        login: &Login,
        passphrase: &str,
        now: Timestamp,
    ) -> Result<(), BoxError> {
        self.require_open(now)?;
        Self::require_voter(voters, login)?;
        let id = self.unlock(&self.conn, login, passphrase)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if meta_get(&tx, "state")?.as_deref() == Some("closed") {
            return Err(BoxError::Closed);
        }
        tx.execute("DELETE FROM ballot WHERE id = ?1", [&id])?;
        let n = tx.execute("DELETE FROM voter WHERE login = ?1", [login.normalized()])?;
        if n != 1 {
            return Err(BoxError::NotVoted(login.to_string()));
        }
        tx.commit()?;
        Ok(())
    }

    /// Number of ballots cast so far (what officers may see while voting is open).
    pub fn turnout(&self) -> Result<u64, BoxError> {
        let n: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM ballot", [], |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// Close the election (only after `end`): count, store the results,
    /// destroy every voter↔ballot link and rewrite the file.
    pub fn close(&mut self, now: Timestamp) -> Result<StoredResults, BoxError> {
        if self.closed()? {
            return Err(BoxError::Closed);
        }
        if now <= self.end {
            return Err(BoxError::StillOpen { end: self.end, now });
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let rows: Vec<(String, String)> = {
            let mut st = tx.prepare("SELECT tracker, ranks FROM ballot ORDER BY tracker")?;
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?
        };
        let mut receipts = format!("tracker,{}\n", self.candidates.join(","));
        let mut parsed = Vec::with_capacity(rows.len());
        for (tracker, ranks) in &rows {
            let r: Vec<Option<u32>> = ranks
                .split(',')
                .map(|x| x.parse::<u32>().map(|v| (v != NO_OPINION).then_some(v)))
                .collect::<Result<_, _>>()
                .map_err(|_| corrupt("ballot ranks"))?;
            parsed.push(r);
            receipts.push_str(tracker);
            receipts.push(',');
            receipts.push_str(&Self::encode_csv_ranks(ranks));
            receipts.push('\n');
        }
        let ballots = Ballots::from_rows(self.candidates.clone(), &parsed)
            .map_err(|e| BoxError::Corrupt(e.to_string()))?;
        let ballots_csv = ballots.to_csv();
        let results = count(self.seats, &ballots, ballots_csv, receipts);
        for (key, value) in [
            ("ballots_csv", results.ballots_csv.clone()),
            ("receipts_csv", results.receipts_csv.clone()),
            ("ballots_sha256", results.ballots_sha256.clone()),
            ("ranking", join_groups(&results.ranking)),
            ("winners", results.winners.join("\n")),
            ("tie", results.tie.join("\n")),
        ] {
            tx.execute(
                "INSERT OR REPLACE INTO result (key, value) VALUES (?1, ?2)",
                params![key, value],
            )?;
        }
        // The links die here: no voter row survives the close.
        tx.execute("DELETE FROM voter", [])?;
        tx.execute("UPDATE meta SET value = 'closed' WHERE key = 'state'", [])?;
        tx.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('turnout', ?1)",
            [results.turnout.to_string()],
        )?;
        tx.commit()?;
        // Rebuild the file: freed pages (already zeroed) go, ballots are laid
        // out in random-id order.
        self.conn.execute_batch("VACUUM")?;
        Ok(results)
    }

    fn encode_csv_ranks(ranks: &str) -> String {
        ranks
            .split(',')
            .map(|r| if r == "0" { "No opinion" } else { r })
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The results stored at close.
    pub fn results(&self) -> Result<StoredResults, BoxError> {
        if !self.closed()? {
            return Err(BoxError::NotClosed);
        }
        let get = |k: &str| -> Result<String, BoxError> {
            self.conn
                .query_row("SELECT value FROM result WHERE key = ?1", [k], |r| r.get(0))
                .optional()?
                .ok_or_else(|| corrupt(k))
        };
        let lines = |s: String| -> Vec<String> {
            s.lines()
                .map(str::to_string)
                .filter(|l| !l.is_empty())
                .collect()
        };
        Ok(StoredResults {
            ballots_csv: get("ballots_csv")?,
            receipts_csv: get("receipts_csv")?,
            ballots_sha256: get("ballots_sha256")?,
            ranking: split_groups(&get("ranking")?),
            winners: lines(get("winners")?),
            tie: lines(get("tie")?),
            seats: self.seats,
            turnout: meta_get(&self.conn, "turnout")?
                .and_then(|t| t.parse().ok())
                .ok_or_else(|| corrupt("turnout"))?,
        })
    }

    /// Recount the stored anonymised ballots and compare with the stored results.
    pub fn recount(&self) -> Result<Recount, BoxError> {
        let stored = self.results()?;
        let hash_matches =
            crypto::sha256_hex(stored.ballots_csv.as_bytes()) == stored.ballots_sha256;
        let parsed = crate::load::ballots_csv::parse(&stored.ballots_csv, "stored ballots.csv");
        let results_match = parsed.ballots.is_some_and(|b| {
            let again = count(
                self.seats,
                &b,
                stored.ballots_csv.clone(),
                stored.receipts_csv.clone(),
            );
            again == stored
        });
        Ok(Recount {
            stored,
            hash_matches,
            results_match,
        })
    }
}

/// Count ballots into the stored-results record.
fn count(
    seats: u32,
    ballots: &Ballots,
    ballots_csv: String,
    receipts_csv: String,
) -> StoredResults {
    let t = tally(ballots, Method::Elekto);
    let outcome = allocate(&t, seats as usize, None);
    let ids = |v: &[usize]| {
        v.iter()
            .map(|&i| t.candidates[i].clone())
            .collect::<Vec<_>>()
    };
    StoredResults {
        ballots_sha256: crypto::sha256_hex(ballots_csv.as_bytes()),
        ballots_csv,
        receipts_csv,
        ranking: t.ranking.iter().map(|g| ids(g)).collect(),
        winners: ids(&outcome.winners),
        tie: outcome.tie.map(|x| ids(&x.candidates)).unwrap_or_default(),
        seats,
        turnout: ballots.len() as u64,
    }
}

/// The row of `receipts_csv` for a receipt `code`, if the ballot is there:
/// `(tracker, ranks as written)`.
pub fn find_receipt(receipts_csv: &str, code: &str) -> Option<(String, Vec<String>)> {
    let bytes = hex::decode(code.trim()).ok()?;
    let tracker = crypto::tracker(&bytes);
    receipts_csv.lines().skip(1).find_map(|l| {
        let (t, rest) = l.split_once(',')?;
        (t == tracker).then(|| {
            (
                tracker.clone(),
                rest.split(',').map(str::to_string).collect(),
            )
        })
    })
}

fn join_groups(groups: &[Vec<String>]) -> String {
    groups
        .iter()
        .map(|g| g.join("\t"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn split_groups(s: &str) -> Vec<Vec<String>> {
    s.lines()
        .filter(|l| !l.is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}
