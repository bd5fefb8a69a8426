//! PDF's lexical grammar (ISO 32000-1 §7.2), a byte at a time with O(1) state, for the page
//! counter: comments, strings and hex strings are skipped whole (a `/Type /Page` inside one is
//! text, not a page), names have their `#` escapes decoded, and only short names and words are
//! kept, since the counter looks for nothing longer.

/// Longest name or word kept (longer ones are none of the names looked for).
const MAX_WORD: usize = 32;

/// One token of PDF syntax; names and words are borrowed from the lexer's small buffer.
#[derive(Debug, Clone, Copy)]
pub(super) enum Tok<'a> {
    Name(&'a [u8]),
    Word(&'a [u8]),
    DictOpen,
    DictClose,
    ArrOpen,
    ArrClose,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lex {
    Ground,
    Comment,
    Name,
    NameHex(u8, u8),
    Word,
    LitStr(u64, bool),
    HexStr,
    Less,
    Greater,
}

/// PDF's lexical grammar, a byte at a time, with O(1) state.
pub(super) struct Lexer {
    state: Lex,
    buf: [u8; MAX_WORD],
    len: usize,
    long: bool,
}

pub(super) fn is_space(b: u8) -> bool {
    matches!(b, 0 | 9 | 10 | 12 | 13 | 32)
}

fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn hex_value(b: u8) -> Option<u8> {
    (b as char).to_digit(16).and_then(|d| u8::try_from(d).ok())
}

/// A name longer than [`MAX_WORD`]: none of those looked for.
const LONG: &[u8] = b"\0";

impl Lexer {
    pub(super) fn new() -> Self {
        Lexer {
            state: Lex::Ground,
            buf: [0; MAX_WORD],
            len: 0,
            long: false,
        }
    }

    fn push(&mut self, b: u8) {
        if self.len < MAX_WORD {
            self.buf[self.len] = b;
            self.len += 1;
        } else {
            self.long = true;
        }
    }

    fn word(&self) -> &[u8] {
        if self.long {
            LONG
        } else {
            &self.buf[..self.len]
        }
    }

    fn start(&mut self, state: Lex) {
        self.state = state;
        self.len = 0;
        self.long = false;
    }

    /// Feed one byte; every token it completes goes to `emit`, which answers whether binary
    /// stream data follows (the byte ending the `stream` keyword). Returns Some(carriage
    /// return seen) when it does: the caller then reads raw bytes.
    /// How many of `bytes`' first bytes [`Lexer::step`] would pass over without a token or a
    /// change of state: inside a comment up to its line's end, inside a literal string up to a
    /// backslash or a parenthesis, inside a hex string up to its `>`.
    pub(super) fn idle(&self, bytes: &[u8]) -> usize {
        let found = match self.state {
            Lex::Comment => memchr::memchr2(b'\n', b'\r', bytes),
            Lex::LitStr(_, false) => memchr::memchr3(b'\\', b'(', b')', bytes),
            Lex::HexStr => memchr::memchr(b'>', bytes),
            _ => return 0,
        };
        found.unwrap_or(bytes.len())
    }

    pub(super) fn step(&mut self, b: u8, emit: &mut impl FnMut(Tok<'_>) -> bool) -> Option<bool> {
        match self.state {
            Lex::Comment => {
                if b == b'\n' || b == b'\r' {
                    self.state = Lex::Ground;
                }
                None
            }
            Lex::LitStr(depth, escaped) => {
                self.state = if escaped {
                    Lex::LitStr(depth, false)
                } else {
                    match b {
                        b'\\' => Lex::LitStr(depth, true),
                        b'(' => Lex::LitStr(depth.saturating_add(1), false),
                        b')' if depth <= 1 => {
                            emit(Tok::Other);
                            Lex::Ground
                        }
                        b')' => Lex::LitStr(depth - 1, false),
                        _ => Lex::LitStr(depth, false),
                    }
                };
                None
            }
            Lex::HexStr => {
                if b == b'>' {
                    emit(Tok::Other);
                    self.state = Lex::Ground;
                }
                None
            }
            Lex::Less => {
                if b == b'<' {
                    emit(Tok::DictOpen);
                    self.state = Lex::Ground;
                    None
                } else {
                    self.state = Lex::HexStr;
                    self.step(b, emit)
                }
            }
            Lex::Greater => {
                self.state = Lex::Ground;
                if b == b'>' {
                    emit(Tok::DictClose);
                    None
                } else {
                    self.ground(b, emit)
                }
            }
            Lex::NameHex(n, high) => {
                match (n, hex_value(b)) {
                    (0, Some(h)) => self.state = Lex::NameHex(1, h),
                    (_, Some(l)) => {
                        self.push(high << 4 | l);
                        self.state = Lex::Name;
                    }
                    // Not an escape after all: PDF 1.1 readers keep the `#` as written.
                    (_, None) => {
                        self.push(b'#');
                        self.state = Lex::Name;
                        return self.step(b, emit);
                    }
                }
                None
            }
            Lex::Name | Lex::Word => {
                if is_space(b) || is_delim(b) {
                    let name = self.state == Lex::Name;
                    self.state = Lex::Ground;
                    let tok = if name {
                        Tok::Name(self.word())
                    } else {
                        Tok::Word(self.word())
                    };
                    if emit(tok) {
                        return Some(b == b'\r');
                    }
                    if is_delim(b) {
                        return self.ground(b, emit);
                    }
                } else if b == b'#' && self.state == Lex::Name {
                    self.state = Lex::NameHex(0, 0);
                } else {
                    self.push(b);
                }
                None
            }
            Lex::Ground => self.ground(b, emit),
        }
    }

    fn ground(&mut self, b: u8, emit: &mut impl FnMut(Tok<'_>) -> bool) -> Option<bool> {
        match b {
            b'%' => self.state = Lex::Comment,
            b'(' => self.state = Lex::LitStr(1, false),
            b'<' => self.state = Lex::Less,
            b'>' => self.state = Lex::Greater,
            b'[' => {
                emit(Tok::ArrOpen);
            }
            b']' => {
                emit(Tok::ArrClose);
            }
            b'{' | b'}' | b')' => {
                emit(Tok::Other);
            }
            b'/' => self.start(Lex::Name),
            _ if is_space(b) => {}
            _ => {
                self.start(Lex::Word);
                self.push(b);
            }
        }
        None
    }

    /// The token still open at the end of the input, if any.
    pub(super) fn flush(&mut self, emit: &mut impl FnMut(Tok<'_>) -> bool) {
        let state = self.state;
        self.state = Lex::Ground;
        match state {
            Lex::Name => {
                emit(Tok::Name(self.word()));
            }
            Lex::Word => {
                emit(Tok::Word(self.word()));
            }
            _ => {}
        }
    }
}
