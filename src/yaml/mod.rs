//! Reading YAML files: bytes to text ([`decode`]), text to a positioned tree ([`tree`]).

pub mod decode;
mod fast;
mod indent;
pub mod tree;
