//! A small, deterministic, embedded sample: six synthetic GH Archive hours
//! (2024-03-01 00:00-05:00 UTC, 300 events each, seed 7), for demos and for
//! other capabilities' tests. The same call always stores the same facts.

use std::io::Cursor;

use crate::date::Day;
use crate::gharchive::{Filter, read_lines};
use crate::store::{Inserted, Store, StoreError};
use crate::synth::{SynthConfig, hour_file_name, hour_ndjson};

/// The sample's configuration.
pub fn config() -> SynthConfig {
    SynthConfig {
        seed: 7,
        events_per_hour: 300,
        people: 60,
        ..Default::default()
    }
}

/// Unix time of the sample's first hour.
pub fn start() -> i64 {
    Day::from_ymd(2024, 3, 1).map_or(0, Day::unix)
}

/// Ingest the sample into `store` (idempotent, like any ingestion).
pub fn ingest(store: &mut Store) -> Result<Inserted, StoreError> {
    let cfg = config();
    let mut total = Inserted::default();
    for h in 0..6 {
        let t = start() + h * 3600;
        let text = hour_ndjson(&cfg, t);
        let name = hour_file_name(t);
        // In-memory text cannot fail to read.
        let Ok(batch) = read_lines(Cursor::new(text.as_bytes()), &name, &Filter::default()) else {
            continue;
        };
        let n = store.insert_hour_file(&format!("sample:{name}"), &batch)?;
        total.events += n.events;
        total.reviews += n.reviews;
    }
    Ok(total)
}
