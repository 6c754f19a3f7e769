"""CREDENTIAL in pasted configuration: the value of a key that names a secret, whatever the value's shape.

Why this module exists: customers paste ``wp-config.php`` (``define('DB_PASSWORD', '...')``), PHP arrays
(``'password' => '...'``), JSON settings (``"jwtSecret": "..."``), compose files (``- MYSQL_ROOT_PASSWORD=...``)
and SQL (``IDENTIFIED BY '...'``). The key says the value is a secret; the value itself may be a plain phrase
(``mussels_and_fries``) or a hex string that the shape rules explain as a hash. ``credentials._ENV`` reads
``KEY=value`` lines that start with the key; this module reads the quoted keys, list items and SQL clauses it
cannot (issue 16: deny by default for secrets, fresh corpora round 1).

A key names a secret when one of its words (camelCase, snake_case, dots) is a password, secret or token word, or
"key" after a word that makes it a secret key (``apiKey``, ``SIGNING_KEY``), and its last word is no attribute of
the secret (``tokenUrl``, ``passwordMinLength``, ``secretName``: a URL, a length, a name). Public keys are published
on purpose. A value is explained when it is empty, a reference to where the secret lives (``${DB_PASS}``,
``getenv(...)``, ``%env(...)%``), a URL or a path, a placeholder, or a yes/no word.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from scrubber.recognizers.secret_values import is_masked, is_placeholder

# "key": '...'  /  'key' => '...'  /  define('KEY', '...')  /  $cfg['key'] = '...'
_QUOTED_KEY = re.compile(
    r"(?P<q>[\"'])(?P<k>[A-Za-z][\w.-]{0,60})(?P=q)[ \t]*\]?[ \t]*(?::|=>|,|=)[ \t]*"
    r"(?P<vq>[\"'])(?P<v>[^\"'\n]{1,200})(?P=vq)"
)
# a compose file's environment list: - KEY=value, - "KEY=value"
_LIST_ITEM = re.compile(r"(?m)^[ \t]*-[ \t]+[\"']?(?P<k>[A-Za-z_][\w.]{0,60})=(?P<v>[^\s\"']{1,200})")
# SQL: IDENTIFIED BY '...', IDENTIFIED WITH mysql_native_password BY '...'
_SQL = re.compile(r"(?i:identified(?:[ \t]+with[ \t]+\w+)?[ \t]+by)[ \t]+(?P<vq>[\"'])(?P<v>[^\"'\n]{1,200})(?P=vq)")
STEMS = ("pass", "pwd", "secret", "token", "key", "identified", "salt")

_KEY_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_SECRET_WORDS = frozenset({"password", "passwd", "pass", "pwd", "pw", "secret", "token", "passphrase", "apikey",
                           "salt", "credential", "credentials"})
# "key" names a secret only after one of these ("primaryKey", "cacheKey", "sortKey" are no secrets)
_KEY_QUALIFIERS = frozenset({"api", "secret", "private", "access", "auth", "app", "encryption", "signing", "master",
                             "license", "licence", "client", "session", "jwt", "hmac", "webhook", "crypt", "cipher",
                             "aes", "service", "account", "sk"})
# a last word that makes the key an attribute of the secret, not the secret ("tokenUrl", "secretName")
_ATTRIBUTES = frozenset({
    "name", "type", "url", "uri", "path", "file", "dir", "id", "length", "len", "min", "max", "expiry", "expires",
    "expiration", "ttl", "lifetime", "endpoint", "header", "policy", "field", "hint", "label", "enabled", "required",
    "reset", "prompt", "count", "provider", "store", "storage", "env", "var", "algorithm", "alg", "format", "mode",
    "hash", "hashing", "rounds", "cost", "version", "location", "ref", "source", "arn", "issuer", "audience",
    "scope", "scopes", "prefix", "regex", "pattern", "strength", "timeout", "age", "size", "bits", "changed",
    "updated", "created", "at", "on", "date", "time", "check", "confirm", "confirmation", "route", "method", "class",
})
_PUBLIC = frozenset({"public", "publishable", "pub", "site", "sitekey"})
# where a secret is referred to rather than given, and what stands for "nothing"
_REFERENCE = re.compile(r"(?i)\$\{|\$[A-Z_]{3,}|%env\(|getenv|env\(|process\.env|os\.environ|^(?:https?|s?ftp)://|^www\.")
_NOTHING = frozenset({"true", "false", "yes", "no", "null", "none", "nil", "on", "off", "0", "1", "bearer", "basic"})


def names_secret(key: str) -> bool:
    """Whether a configuration key names a secret (see the module docstring)."""
    parts = [p.lower() for p in _KEY_WORD.findall(key)]
    if not parts or parts[-1] in _ATTRIBUTES or _PUBLIC.intersection(parts):
        return False
    for i, part in enumerate(parts):
        if part in _SECRET_WORDS:
            return True
        if part == "key" and i > 0 and parts[i - 1] in _KEY_QUALIFIERS:
            return True
    return False


def _explained(value: str) -> bool:
    value = value.strip()
    return (len(value) < 3 or value.lower() in _NOTHING or value.startswith(("/", "./", "~/"))
            or bool(_REFERENCE.search(value)) or is_placeholder(value) or is_masked(value)
            or (value.isdigit() and len(value) <= 4))


def config_secrets(text: str, out: list[RecognizerResult]) -> None:
    """Append the values of secret-naming keys in ``text`` (quoted keys, compose list items, SQL) to ``out``."""
    if "'" in text or '"' in text:
        for m in _QUOTED_KEY.finditer(text):
            if names_secret(m.group("k")) and not _explained(m.group("v")):
                out.append(RecognizerResult("CREDENTIAL", m.start("v"), m.end("v"), 0.95))
        for m in _SQL.finditer(text):
            if not _explained(m.group("v")):
                out.append(RecognizerResult("CREDENTIAL", m.start("v"), m.end("v"), 0.95))
    if "-" in text:
        for m in _LIST_ITEM.finditer(text):
            if names_secret(m.group("k")) and not _explained(m.group("v")):
                out.append(RecognizerResult("CREDENTIAL", m.start("v"), m.end("v"), 0.95))
