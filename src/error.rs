//! Errors as values: every failure a user can cause becomes one of these,
//! printed as one line by the CLI, never a panic.

use std::fmt;

/// What kind of failure, so tests and embedders can tell them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// A file could not be read or written.
    Io,
    /// The module is malformed or fails validation.
    Invalid,
    /// The module uses a feature awsm does not support.
    Unsupported,
    /// A bad option: unknown target, strategy or output kind.
    Usage,
    /// LLVM or the system linker failed.
    Backend,
}

/// A failure with enough context to act on it.
#[derive(Debug)]
pub struct Error {
    pub kind: ErrorKind,
    pub message: String,
    /// Byte offset in the wasm binary, where there is one.
    pub offset: Option<u64>,
}

/// Result with awsm's error type.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// An error without a wasm offset.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error { kind, message: message.into(), offset: None }
    }

    /// An error at a wasm byte offset.
    pub fn at(kind: ErrorKind, offset: u64, message: impl Into<String>) -> Error {
        Error { kind, message: message.into(), offset: Some(offset) }
    }

    /// An unsupported-feature error at a wasm byte offset, naming the
    /// feature: "unsupported feature: threads".
    pub fn unsupported(offset: u64, what: impl Into<String>) -> Error {
        Error::at(ErrorKind::Unsupported, offset, format!("unsupported feature: {}", what.into()))
    }

    /// A backend (LLVM) failure; these indicate a bug in awsm.
    pub fn backend(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Backend, message)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            ErrorKind::Io => "io error",
            ErrorKind::Invalid => "invalid module",
            ErrorKind::Unsupported => "unsupported module",
            ErrorKind::Usage => "usage error",
            ErrorKind::Backend => "backend error",
        };
        // Keep it to one line whatever the underlying message holds.
        let msg = self.message.replace('\n', " ");
        match self.offset {
            Some(off) => write!(f, "{kind}: {msg} (at byte offset 0x{off:x})"),
            None => write!(f, "{kind}: {msg}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<wasmparser::BinaryReaderError> for Error {
    fn from(e: wasmparser::BinaryReaderError) -> Error {
        // A proposal the validator has switched off is a feature awsm does
        // not support, not a broken module.
        let msg = e.message();
        let kind = if msg.contains("support is not enabled") || msg.contains("proposal not enabled") {
            ErrorKind::Unsupported
        } else {
            ErrorKind::Invalid
        };
        Error::at(kind, e.offset(), msg.to_string())
    }
}

impl From<inkwell::builder::BuilderError> for Error {
    fn from(e: inkwell::builder::BuilderError) -> Error {
        Error::backend(format!("LLVM builder: {e}"))
    }
}
