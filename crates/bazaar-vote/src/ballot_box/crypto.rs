//! The few cryptographic steps of the ballot box, all from RustCrypto crates
//! (argon2, chacha20poly1305, sha2) and the OS random source.

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::TryRngCore;
use rand::rngs::OsRng;
use sha2::{Digest, Sha256};

use super::BoxError;

/// Argon2id cost parameters, stored with the ballot box when it is created.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KdfParams {
    /// Memory in KiB.
    pub memory_kib: u32,
    /// Passes.
    pub iterations: u32,
    /// Lanes.
    pub parallelism: u32,
}

impl Default for KdfParams {
    /// 64 MiB, 3 passes, 1 lane: above OWASP's Argon2id minimum
    /// (19 MiB, 2 passes) and about a quarter second per guess here.
    fn default() -> Self {
        KdfParams {
            memory_kib: 64 * 1024,
            iterations: 3,
            parallelism: 1,
        }
    }
}

/// `n` bytes from the operating system's random source.
pub fn random<const N: usize>() -> Result<[u8; N], BoxError> {
    let mut buf = [0u8; N];
    OsRng
        .try_fill_bytes(&mut buf)
        .map_err(|e| BoxError::Random(e.to_string()))?;
    Ok(buf)
}

/// The voter's key: Argon2id(passphrase, per-voter salt).
pub fn derive_key(passphrase: &str, salt: &[u8], p: KdfParams) -> Result<[u8; 32], BoxError> {
    let params = Params::new(p.memory_kib, p.iterations, p.parallelism, Some(32))
        .map_err(|e| BoxError::Kdf(e.to_string()))?;
    let mut key = [0u8; 32];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(passphrase.as_bytes(), salt, &mut key)
        .map_err(|e| BoxError::Kdf(e.to_string()))?;
    Ok(key)
}

/// Seal `msg` under `key`, bound to `aad`: `nonce (24) ‖ ciphertext ‖ tag (16)`.
pub fn seal(key: &[u8; 32], msg: &[u8], aad: &[u8]) -> Result<Vec<u8>, BoxError> {
    let nonce: [u8; 24] = random()?;
    let cipher = XChaCha20Poly1305::new(key.into());
    let ct = cipher
        .encrypt(XNonce::from_slice(&nonce), Payload { msg, aad })
        .map_err(|_| BoxError::Kdf("encryption failed".into()))?;
    let mut out = nonce.to_vec();
    out.extend(ct);
    Ok(out)
}

/// Open what [`seal`] produced; `None` for a wrong key or tampered data.
pub fn open(key: &[u8; 32], sealed: &[u8], aad: &[u8]) -> Option<Vec<u8>> {
    if sealed.len() < 24 {
        return None;
    }
    let (nonce, ct) = sealed.split_at(24);
    XChaCha20Poly1305::new(key.into())
        .decrypt(XNonce::from_slice(nonce), Payload { msg: ct, aad })
        .ok()
}

/// The public tracker of a receipt code: hex SHA-256 of a domain tag and the code.
pub fn tracker(receipt: &[u8]) -> String {
    let mut h = Sha256::new();
    h.update(b"bazaar-vote receipt v1\0");
    h.update(receipt);
    hex::encode(h.finalize())
}

/// Hex SHA-256 of `data`.
pub fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAST: KdfParams = KdfParams {
        memory_kib: 64,
        iterations: 1,
        parallelism: 1,
    };

    #[test]
    fn seal_open_round_trip_and_wrong_key() {
        let salt: [u8; 16] = random().expect("rng");
        let k = derive_key("correct horse battery", &salt, FAST).expect("kdf");
        let s = seal(&k, b"ballot-id", b"alice").expect("seal");
        assert_eq!(open(&k, &s, b"alice").as_deref(), Some(&b"ballot-id"[..]));
        assert_eq!(open(&k, &s, b"bob"), None, "bound to the voter");
        let wrong = derive_key("wrong horse battery", &salt, FAST).expect("kdf");
        assert_eq!(open(&wrong, &s, b"alice"), None);
        assert_eq!(open(&k, &s[..10], b"alice"), None);
        assert_eq!(tracker(b"x").len(), 64);
    }
}
