//! A string that must never be printed: tokens, secret keys, passwords. Every secret ims
//! holds is also registered here, process-wide, so that text from a server (an error body
//! that echoes the request, a header under `-vv`) is masked before `ims` prints it.

use std::fmt;
use std::sync::{Mutex, PoisonError};

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// What a masked secret is shown as.
pub(crate) const MASK: &str = "****";

/// Secrets shorter than this (in characters) are not registered: masking `abc` in every
/// line would hide ordinary words, and so short a value guards nothing anyway.
pub(crate) const MIN_REGISTERED_CHARS: usize = 4;

/// Bytes an RFC 3986 encoder keeps in a query component: the unreserved characters.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Every registered secret, in each form a server may echo it in (raw, JSON-escaped,
/// percent-encoded), longest first so that a longer form is masked before a shorter one
/// inside it.
static REGISTRY: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// A secret value. `Debug` and `Display` print `****`; only [`Secret::expose`] gives the
/// value, and only the code that writes request headers and sign-in bodies calls it.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Secret(String);

impl Secret {
    /// Wraps `value` without registering it: for request header values that are not
    /// secrets themselves (the client wraps every header value). A secret that ims holds
    /// is made with [`Secret::masked`].
    pub(crate) fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// Wraps the secret `value` and registers it, so that every line ims writes to stderr
    /// shows it as `****` (see [`mask`]).
    pub(crate) fn masked(value: impl Into<String>) -> Secret {
        let secret = Secret(value.into());
        register(&secret.0);
        secret
    }

    /// The raw value, for the request header writer and the sign-in body only.
    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(****)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(MASK)
    }
}

impl<'de> serde::Deserialize<'de> for Secret {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Secret::masked)
    }
}

/// Registers `value` (trimmed, as it is sent) and the forms a server may echo it in.
fn register(value: &str) {
    let value = value.trim();
    if value.chars().count() < MIN_REGISTERED_CHARS {
        return;
    }
    let json = serde_json::to_string(value).unwrap_or_default();
    let json = json
        .strip_prefix('"')
        .and_then(|inner| inner.strip_suffix('"'))
        .unwrap_or(value);
    let forms = [
        value.to_string(),
        json.to_string(),
        utf8_percent_encode(value, UNRESERVED).to_string(),
        utf8_percent_encode(value, NON_ALPHANUMERIC).to_string(),
        utf8_percent_encode(value, UNRESERVED)
            .to_string()
            .replace("%20", "+"),
    ];
    let mut registry = REGISTRY.lock().unwrap_or_else(PoisonError::into_inner);
    for form in forms {
        if !registry.contains(&form) {
            registry.push(form);
        }
    }
    registry.sort_by_key(|form| std::cmp::Reverse(form.len()));
}

/// `text` with every registered secret (in any of its forms) and the user info of every
/// URL (`http://user:****@host`, as curl shows it) replaced by `****`.
pub(crate) fn mask(text: &str) -> String {
    let registry = REGISTRY.lock().unwrap_or_else(PoisonError::into_inner);
    let mut masked = mask_userinfo(text);
    for form in registry.iter() {
        if masked.contains(form.as_str()) {
            masked = masked.replace(form.as_str(), MASK);
        }
    }
    masked
}

/// `text` with the user info of every `scheme://user:password@host` in it masked:
/// `user:****@host`, or `****@host` when there is no `:` (the whole user info may be a
/// token). A password may hold `/`, `?` or `#` unencoded, so everything up to the last `@`
/// before the URL ends (white space or a quote) counts as user info: masking too much is
/// safe, too little is not.
pub(crate) fn mask_userinfo(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("://") {
        let (head, tail) = rest.split_at(at + 3);
        out.push_str(head);
        let end = tail
            .find(|c: char| c.is_whitespace() || "\"'`<>".contains(c))
            .unwrap_or(tail.len());
        let (authority, after) = tail.split_at(end);
        match authority.rsplit_once('@') {
            Some((userinfo, host)) => {
                match userinfo.split_once(':') {
                    Some((user, _)) => out.push_str(&format!("{user}:{MASK}")),
                    None => out.push_str(MASK),
                }
                out.push('@');
                out.push_str(host);
            }
            None => out.push_str(authority),
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// A shell command as messages and `profile show` may show it: the program, its
/// arguments masked (`echo ****`), since a command line can carry a secret. A first word
/// that is not a plain program name (a `NAME=value` assignment, quoting) is masked too.
pub(crate) fn mask_command(command: &str) -> String {
    let mut words = command.split_whitespace();
    let Some(program) = words.next() else {
        return String::new();
    };
    let plain = program
        .chars()
        .all(|c| c.is_alphanumeric() || "-_./~+".contains(c));
    let shown = if plain { program } else { MASK };
    match words.next() {
        Some(_) => format!("{shown} {MASK}"),
        None => shown.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatting_masks_the_value() {
        let secret = Secret::new("hunter2-token");
        assert_eq!(format!("{secret}"), "****");
        assert_eq!(format!("{secret:?}"), "Secret(****)");
        assert_eq!(format!("{:?}", Some(&secret)), "Some(Secret(****))");
        assert_eq!(secret.expose(), "hunter2-token");
    }

    #[test]
    fn registered_secrets_are_masked_in_every_form() {
        let _ = Secret::masked("pa\"ss/wörd 1-Unit");
        let _ = Secret::masked(" tok-unit-42\n");
        let _ = Secret::masked("abc");
        let text = "raw pa\"ss/wörd 1-Unit json pa\\\"ss/wörd 1-Unit \
                    pct pa%22ss%2Fw%C3%B6rd%201-Unit full pa%22ss%2Fw%C3%B6rd%201%2DUnit \
                    form pa%22ss%2Fw%C3%B6rd+1-Unit token tok-unit-42 short abc";
        assert_eq!(
            mask(text),
            "raw **** json **** pct **** full **** form **** token **** short abc"
        );
        let unregistered = Secret::new("plain-header-value");
        assert_eq!(mask(unregistered.expose()), "plain-header-value");
    }

    #[test]
    fn url_user_info_is_masked() {
        assert_eq!(
            mask_userinfo("`http://user:PaSsWoRd@host:80/x` and https://tok@h/y"),
            "`http://user:****@host:80/x` and https://****@h/y"
        );
        assert_eq!(
            mask_userinfo("http://u:p@ss@h http://u:pa/s?s#@h/x http://plain/ x://"),
            "http://u:****@h http://u:****@h/x http://plain/ x://"
        );
    }

    #[test]
    fn commands_show_the_program_only() {
        assert_eq!(mask_command("echo SeCrEt"), "echo ****");
        assert_eq!(mask_command("  /usr/bin/pass  "), "/usr/bin/pass");
        assert_eq!(mask_command("TOKEN=x get-token --now"), "**** ****");
        assert_eq!(mask_command("'quoted prog' a"), "**** ****");
        assert_eq!(mask_command(""), "");
    }
}
