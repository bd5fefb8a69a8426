//! Reading YAML files: bytes to text ([`decode`]), text to a positioned tree ([`tree`]); and
//! writing a text back as a scalar that reads as it ([`quote`]).

mod build;
pub mod decode;
mod fast;
mod indent;
pub mod node;
pub mod quote;
pub mod tree;
