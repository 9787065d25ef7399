//! Files the CLI reads (`transformer --config`) and writes (`chart --svg`): at most a size, within
//! a time (a pipe nobody writes to, or a terminal, would otherwise keep it waiting for ever), and a
//! system error in the user's words.

use crate::Fail;
use aicompute::calculation::calc::Lang;
use aicompute::say;
use aicompute::text::i18n::{t, CliKey};
use std::io::Read;
use std::time::Duration;

/// How long the CLI waits for a file to read or write before it gives up.
pub const WAIT: Duration = Duration::from_millis(900);
/// [`WAIT`] in seconds, as messages say it.
pub const WAIT_TEXT: &str = "0.9";

/// A system error in words: the system's own in English (its wording is the system's, not the
/// CLI's); in another language by its kind.
pub fn io_reason(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    if lang == Lang::En {
        return e.to_string();
    }
    let key = match e.kind() {
        K::NotFound => CliKey::CliIoNotfound,
        K::PermissionDenied => CliKey::CliIoDenied,
        K::IsADirectory => CliKey::CliIoFolder,
        K::NotADirectory => CliKey::CliIoNotfolder,
        K::StorageFull => CliKey::CliIoFull,
        K::ReadOnlyFilesystem => CliKey::CliIoReadonly,
        _ => match e.raw_os_error() {
            Some(code) => return say!(lang, CliKey::CliIoSystem, code = code),
            None => CliKey::CliIoOther,
        },
    };
    t(lang, key).to_string()
}

/// Runs `f` on a thread and waits at most [`WAIT`] for it (a blocked read stays behind and
/// ends with the program).
fn within<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(f()).ok());
    rx.recv_timeout(WAIT).ok()
}

/// The text of a file for `flag`: at most [`aicompute::model::json::MAX_BYTES`] bytes are read (one
/// more tells a longer file, or /dev/zero, from one that fits), within [`WAIT`].
pub fn read_text(flag: &'static str, path: &str) -> Result<String, Fail> {
    let limit = aicompute::model::json::MAX_BYTES;
    let p = path.to_string();
    let read = within(move || -> std::io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        std::fs::File::open(&p)?.take(limit as u64 + 1).read_to_end(&mut bytes)?;
        Ok(bytes)
    });
    let path = path.to_string();
    let bytes = match read {
        None => return Err(Fail::Slow { flag, path, write: false }),
        Some(Err(error)) => return Err(Fail::Io { flag, path, error, write: false }),
        Some(Ok(b)) => b,
    };
    if bytes.len() > limit {
        return Err(Fail::TooLarge { flag, path });
    }
    String::from_utf8(bytes).map_err(|_| Fail::NotText { flag, path })
}

/// Writes `text` to a file for `flag`, within [`WAIT`].
pub fn write_text(flag: &'static str, path: &str, text: String) -> Result<(), Fail> {
    let p = path.to_string();
    match within(move || std::fs::write(p, text)) {
        None => Err(Fail::Slow { flag, path: path.to_string(), write: true }),
        Some(Err(error)) => Err(Fail::Io { flag, path: path.to_string(), error, write: true }),
        Some(Ok(())) => Ok(()),
    }
}
