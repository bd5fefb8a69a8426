//! A digest as the manifest, the cover list and `sha256sum` write it. Its own file because the
//! writer, the watch over the sources (`seen.rs`) and `verify` all spell digests, and the
//! writer already reads `seen.rs`.

/// Lowercase hex, as `sha256sum` writes a digest.
pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}
