"""Turn the bytes of a mail part into text, whatever its charset label claims.

Mail in the wild is often mislabelled: Outlook labels windows-1252 text ``iso-8859-1``, old gateways
write ``x-unknown`` or ``unknown-8bit``, and some clients send 8-bit bytes with no charset at all.
A support intake must still read the customer's words (and the scrubber must see them to strip what
they contain), so decoding never fails: declared charset, then detection, then UTF-8 with
replacement characters. Every step that was not a clean decode with the declared label is reported
as a short defect string (labels and codec names only, never content).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

# Labels that promise nothing about the bytes (RFC 1428 uses "unknown-8bit" for this exact case).
_MEANINGLESS_LABELS = frozenset({"x-unknown", "unknown", "unknown-8bit", "x-user-defined", "default", "8bit"})

# Labels whose real-world use is a superset codec. The WHATWG Encoding Standard maps the labels
# iso-8859-1, latin1 and us-ascii to windows-1252 and gb2312 to gbk for the same reason: senders
# emit the superset's extra characters (curly quotes, euro sign) under the older label.
_SUPERSETS = {
    "latin_1": "cp1252",
    "iso8859_1": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc_kr": "cp949",
    "ks_c_5601_1987": "cp949",
    "shift_jis": "cp932",
    "iso8859_9": "cp1254",
    "tis_620": "cp874",
}

_LATIN1 = frozenset({"latin_1", "iso8859_1"})
_C1_BYTES = re.compile(rb"[\x80-\x9f]")

# C0 controls other than tab/newline/carriage return, and DEL: PostgreSQL refuses NUL in text, and
# none of them carry meaning for an agent.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")

# Detection on a handful of bytes is guesswork; below this size prefer a plain UTF-8 replacement.
_MIN_DETECT_BYTES = 8
# Below this language coherence (charset-normalizer's own default threshold) a detection is doubted.
_MIN_COHERENCE = 0.1


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    charset: str  # the codec that produced ``text``
    defects: tuple[str, ...]


def _safe_label(label: str) -> str:
    """A charset label reduced to something safe to log: it is sender-controlled."""
    return re.sub(r"[^A-Za-z0-9_.:-]", "", label)[:40] or "?"


def _codec_name(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip('"').lower()
    if label in _MEANINGLESS_LABELS:
        return None
    try:
        return codecs.lookup(label).name.replace("-", "_")
    except (LookupError, ValueError):
        return None


def clean_text(text: str) -> str:
    """Remove characters that must not reach the store: NUL/control characters and lone surrogates."""
    text = _SURROGATE.sub("\ufffd", text)
    return _CONTROL.sub("", text)


def _detect(data: bytes) -> tuple[str, str] | None:
    if len(data) < _MIN_DETECT_BYTES:
        return None
    try:
        best = charset_normalizer.from_bytes(data).best()
        if best is not None and best.coherence < _MIN_COHERENCE:
            # The detector stops at the first clean decoding, and short Cyrillic text in KOI8-R decodes
            # "cleanly" as Shift_JIS half-width katakana. A decoding in which no language is
            # recognised gets one second opinion with that codec family excluded.
            retry = charset_normalizer.from_bytes(data, cp_exclusion=list(best.could_be_from_charset)).best()
            if retry is not None and retry.coherence > best.coherence:
                best = retry
    except Exception:  # a detector bug must not lose the message; we fall back to UTF-8 below
        return None
    if best is None:
        return None
    return str(best), best.encoding


def decode_bytes(data: bytes, declared: str | None) -> Decoded:
    """Decode ``data`` labelled ``declared``: declared (or its superset) -> detected -> UTF-8 replace."""
    defects: list[str] = []
    codec = _codec_name(declared)
    if declared and codec is None:
        defects.append(f"unknown-charset:{_safe_label(declared)}")

    if codec == "ascii":
        # 8-bit bytes under a us-ascii label (or none, RFC 2045 section 5.2) are treated as unlabelled.
        if data.isascii():
            return Decoded(clean_text(data.decode("ascii")), "ascii", ())
        defects.append("charset-undecodable:ascii")
        codec = None
        declared = None
    elif codec in _LATIN1 and _C1_BYTES.search(data):
        # ISO-8859-1 decodes any byte, so a failed decode cannot reveal windows-1252 text; bytes
        # 0x80-0x9F can: they are C1 controls in latin-1 that no human text contains, but curly
        # quotes, dashes and the euro sign in windows-1252.
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            defects.append(f"charset-mislabelled:{codec}->cp1252")
            return Decoded(clean_text(text), "cp1252", tuple(defects))

    if codec is not None:
        try:
            return Decoded(clean_text(data.decode(codec)), codec, tuple(defects))
        except UnicodeDecodeError:
            pass
        superset = _SUPERSETS.get(codec)
        if superset is not None:
            try:
                text = data.decode(superset)
            except UnicodeDecodeError:
                pass
            else:
                defects.append(f"charset-mislabelled:{codec}->{superset}")
                return Decoded(clean_text(text), superset, tuple(defects))
        defects.append(f"charset-undecodable:{codec}")
    else:
        # No usable label. Pure ASCII needs no guessing; UTF-8 (RFC 6532) is by far the most common
        # unlabelled 8-bit text today and a strict UTF-8 decode almost never succeeds by accident.
        for candidate in ("ascii", "utf_8"):
            try:
                text = data.decode(candidate)
            except UnicodeDecodeError:
                continue
            if candidate != "ascii":
                defects.append("charset-guessed:utf_8")
            return Decoded(clean_text(text), candidate, tuple(defects))

    detected = _detect(data)
    if detected is not None:
        text, encoding = detected
        defects.append(f"charset-detected:{_safe_label(encoding)}")
        return Decoded(clean_text(text), encoding, tuple(defects))

    defects.append("charset-fallback:utf_8-replace")
    return Decoded(clean_text(data.decode("utf-8", errors="replace")), "utf_8", tuple(defects))


def repair_header_text(value: str) -> tuple[str, tuple[str, ...]]:
    """Fix a header string that still holds raw 8-bit bytes as surrogate escapes.

    ``email`` keeps undecodable header bytes (raw 8-bit headers, encoded-words in an unknown charset)
    as lone surrogates; they would crash JSON or the database later, so decode them here.
    """
    if not _SURROGATE.search(value):
        return clean_text(value), ()
    try:
        data = value.encode("utf-8", errors="surrogateescape")
    except UnicodeEncodeError:
        return clean_text(value), ("header-surrogates",)
    decoded = decode_bytes(data, None)
    return decoded.text, ("header-8bit", *decoded.defects)
