"""Turn the bytes of a mail part into text, whatever its charset label claims.

Mail in the wild is often mislabelled: Outlook labels windows-1252 text ``iso-8859-1``, old gateways
write ``x-unknown`` or ``unknown-8bit``, and some clients send 8-bit bytes with no charset at all.
A support intake must still read the customer's words (and the scrubber must see them to strip what
they contain), so decoding never fails: declared charset, then detection, then UTF-8 with
replacement characters. Every step that was not a clean decode with the declared label is reported
as a short defect string (labels and codec names only, never content).

Issue 20 (real-world mail): labels are read as the superset their writers use (gb2312 -> gb18030,
shift_jis -> cp932, ks_c_5601 -> cp949, iso-8859-1 -> cp1252 when C1 bytes show it); ISO-2022-JP with
CP932's extensions (Japanese Outlook, Becky!) is decoded; a label that does not decode is tried as UTF-8
(also with some windows-1252 bytes pasted in) before its superset; detection prefers windows-1252 over
an exotic codepage for text that reads as Western ("Hallö wéreld", not "Hallﺉ wﻠreld"); raw 8-bit
header bytes are read with the charsets the message declares elsewhere (``repair_header_text``).
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

# Labels Python's codec registry does not know, as real senders write them: Java and old Netscape
# ("x-sjis", "windows-31j"), Chinese webmail ("x-gbk", "iso-gb2312", "gb_2312-80"), Apple Mail
# ("x-mac-*" are known), Japanese Linux mailers ("x-euc-jp").
_ALIASES = {
    "x-sjis": "cp932",
    "windows-31j": "cp932",
    "x-ms-cp932": "cp932",
    "x-gbk": "gbk",
    "iso-gb2312": "gb2312",
    "gb_2312-80": "gb2312",
    "x-gb2312": "gb2312",
    "x-euc-jp": "euc_jp",
    "x-euc": "euc_jp",
    "ks_c_5601": "cp949",
    "ks_c_5601-1987": "cp949",
    "ks_c_5601-1989": "cp949",
    "x-windows-949": "cp949",
    "x-unicode-2-0-utf-7": "utf_7",
}
# Labels decoded with the superset straight away, because the two disagree on characters senders use:
# Python's shift_jis follows JIS X 0208 (0x8160 is WAVE DASH) where every Windows and Japanese mail
# client means CP932 (FULLWIDTH TILDE), Korean Outlook's ks_c_5601-1987 is CP949 (Unified Hangul), and
# GB2312 mail is written by GBK/GB18030 software (Python's gb2312 reads 0xA1AA as U+2015, GB18030 as
# the em dash U+2014 the writer meant, and refuses every GBK character).
_PREFERRED = {"shift_jis": "cp932", "euc_kr": "cp949", "gbk": "gb18030", "gb2312": "gb18030"}
# Codecs whose text is Latin script: a detection that lands on one of these is believed; any other
# single-byte guess for text that reads as plausible windows-1252 is not (issue 20: "Hallö wéreld" in an
# unknown charset came out as "Hallﺉ wﻠreld", windows-1256).
_LATIN_CODECS = frozenset(
    {"cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_1", "iso8859_2", "iso8859_9", "iso8859_15"}
)
# Raw 8-bit bytes cannot be ISO-2022-JP or -KR (7-bit encodings): their 8-bit relatives are meant.
_EIGHT_BIT_RELATIVES = {
    "iso2022_jp": ("cp932", "euc_jp"),
    "iso2022_jp_2": ("cp932", "euc_jp"),
    "iso2022_jp_ext": ("cp932", "euc_jp"),
    "iso2022_kr": ("cp949",),
    "hz": ("gb18030",),
}
_MULTIBYTE = frozenset(
    {"utf_8", "gb2312", "gbk", "gb18030", "big5", "big5hkscs", "cp950", "shift_jis", "cp932", "euc_jp",
     "euc_kr", "cp949", "euc_jis_2004", "shift_jis_2004"}
)

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
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name.replace("-", "_")
    except (LookupError, ValueError):
        return None


def superset_label(label: str) -> str:
    """The codec name to decode ``label`` with: an alias resolved, the superset the sender meant.

    Unknown labels come back unchanged (the caller's decoder then reports them)."""
    codec = _codec_name(label)
    if codec is None:
        return label
    return _PREFERRED.get(codec) or _SUPERSETS.get(codec) or codec


def clean_text(text: str) -> str:
    """Remove characters that must not reach the store: NUL/control characters and lone surrogates."""
    text = _SURROGATE.sub("\ufffd", text)
    return _CONTROL.sub("", text)


def _detect(data: bytes) -> tuple[str, str, float] | None:
    """charset-normalizer's best reading: (text, codec, coherence: how well a language was recognised)."""
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
    return str(best), best.encoding, best.coherence


# A run of non-ASCII characters longer than this is not Western text read as windows-1252 (an accent
# or two in a word: "Grüße", "coûté"), but another script's bytes (Cyrillic, CJK) shown as Latin letters.
_WESTERN_RUN = 4
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def _western(data: bytes) -> str | None:
    """``data`` as windows-1252 when it reads as Western text (few, isolated accented letters), else None.

    windows-1252 is what unlabelled 8-bit Western mail is in practice (the WHATWG Encoding Standard's
    default for legacy content), and a statistical detector guesses badly on a few accented letters.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    runs = _NON_ASCII_RUN.findall(text)
    letters = sum(c.isalpha() for c in text)
    if not runs or any(len(r) > _WESTERN_RUN for r in runs) or sum(map(len, runs)) * 2 > max(1, letters):
        return None
    return text


def _guess(data: bytes, defects: list[str]) -> Decoded | None:
    """Detection for bytes without a usable label, preferring windows-1252 over a guess that recognised
    no language or landed on an exotic codepage (a few accented letters are no evidence of CJK)."""
    detected = _detect(data)
    if detected is not None:
        text, encoding, coherence = detected
        codec = _codec_name(encoding)
        believed = codec in _LATIN_CODECS or (codec in _MULTIBYTE and coherence >= _MIN_COHERENCE)
        if believed:
            defects.append(f"charset-detected:{_safe_label(encoding)}")
            return Decoded(clean_text(text), encoding, tuple(defects))
    western = _western(data)
    if western is not None:
        defects.append("charset-detected:cp1252")
        return Decoded(clean_text(western), "cp1252", tuple(defects))
    if detected is not None:
        text, encoding, _ = detected
        defects.append(f"charset-detected:{_safe_label(encoding)}")
        return Decoded(clean_text(text), encoding, tuple(defects))
    return None


def _cp1252_bytes(error: UnicodeError) -> tuple[str, int]:
    """Decode error handler: each byte that is not UTF-8 read as windows-1252 (latin-1 where undefined)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in bad), error.end


codecs.register_error("scrubdesk-cp1252", _cp1252_bytes)


def _mixed_utf8(data: bytes) -> str | None:
    """UTF-8 with some windows-1252 bytes pasted in (a signature, a quoted reply): both kept readable.

    Only when the valid multi-byte UTF-8 characters are at least as many as the invalid bytes, so text
    in a legacy charset is left to detection.
    """
    replaced = data.decode("utf-8", "replace")
    bad = replaced.count("\ufffd")
    good = sum(1 for c in replaced if ord(c) > 0x7F) - bad
    if good == 0 or good < bad:
        return None
    return data.decode("utf-8", "scrubdesk-cp1252")


# ISO-2022-JP escape sequences (RFC 1468): JIS X 0208-1978/1983, JIS X 0201 Roman and Katakana.
_JIS_ESCAPE = re.compile(rb"\x1b(\$@|\$B|\(B|\(J|\(I)")


def decode_iso2022jp(data: bytes) -> str | None:
    """ISO-2022-JP as Japanese Windows mail clients write it (Microsoft's CP50220/50221), else None.

    Outlook, Becky! and Thunderbird on Windows send CP932's NEC and IBM extensions (circled digits ①,
    ㈱, roman numerals) inside ISO-2022-JP's JIS X 0208 sequences, which Python's iso2022_jp codecs
    refuse. Each two-byte JIS character is moved to its Shift_JIS position and decoded with CP932.
    """
    out = bytearray()
    mode = b"(B"
    pos = 0
    for match in _JIS_ESCAPE.finditer(data):
        out += _from_jis(data[pos : match.start()], mode)
        mode, pos = match.group(1), match.end()
    out += _from_jis(data[pos:], mode)
    try:
        return out.decode("cp932")
    except UnicodeDecodeError:
        return None


def _from_jis(chunk: bytes, mode: bytes) -> bytes:
    if mode in (b"(B", b"(J"):
        return chunk
    if mode == b"(I":  # JIS X 0201 Katakana: 0x21-0x5F are CP932's half-width 0xA1-0xDF
        return bytes(b + 0x80 if 0x21 <= b <= 0x5F else b for b in chunk)
    out = bytearray()
    for i in range(0, len(chunk) - 1, 2):
        j1, j2 = chunk[i], chunk[i + 1]
        if not (0x21 <= j1 <= 0x7E and 0x21 <= j2 <= 0x7E):
            out += chunk[i : i + 2]
            continue
        s1 = ((j1 + 1) >> 1) + (0x70 if j1 <= 0x5E else 0xB0)
        s2 = j2 + (0x1F if j1 % 2 else 0x7E) + (1 if j1 % 2 and j2 >= 0x60 else 0)
        out += bytes([s1, s2])
    return bytes(out)


def _decode_declared(data: bytes, codec: str, defects: list[str]) -> Decoded | None:
    """``data`` in its label's codec (or the superset senders mean by it), None when neither decodes."""
    preferred = _PREFERRED.get(codec)
    for candidate in ((preferred, codec) if preferred else (codec,)):
        try:
            return Decoded(clean_text(data.decode(candidate)), candidate, tuple(defects))
        except UnicodeDecodeError:
            pass
    if codec.startswith("iso2022_jp"):
        text = decode_iso2022jp(data)
        if text is not None:
            return Decoded(clean_text(text), "cp50220", tuple(defects))
    # A label that does not decode is wrong; UTF-8 (whole, or with some windows-1252 bytes pasted in)
    # is the likeliest truth and almost never decodes by accident, so it goes before the superset.
    try:
        text = data.decode("utf_8") if codec != "utf_8" else None
    except UnicodeDecodeError:
        text = None
    if text is not None:
        defects.append(f"charset-mislabelled:{codec}->utf_8")
        return Decoded(clean_text(text), "utf_8", tuple(defects))
    mixed = _mixed_utf8(data)
    if mixed is not None:
        defects.append("charset-mixed:utf_8+cp1252")
        return Decoded(clean_text(mixed), "utf_8", tuple(defects))
    superset = _SUPERSETS.get(codec)
    if superset is not None and superset != preferred:
        try:
            text = data.decode(superset)
        except UnicodeDecodeError:
            pass
        else:
            defects.append(f"charset-mislabelled:{codec}->{superset}")
            return Decoded(clean_text(text), superset, tuple(defects))
    defects.append(f"charset-undecodable:{codec}")
    return None


def _decode_unlabelled(data: bytes, defects: list[str]) -> Decoded | None:
    # No usable label. Pure ASCII needs no guessing (unless it is ISO-2022-JP's 7-bit escapes); UTF-8
    # (RFC 6532) is by far the most common unlabelled 8-bit text today and a strict UTF-8 decode
    # almost never succeeds by accident.
    if data.isascii():
        if _JIS_ESCAPE.search(data) and b"\x1b$" in data:
            text = decode_iso2022jp(data)
            if text is not None:
                defects.append("charset-detected:iso2022_jp")
                return Decoded(clean_text(text), "cp50220", tuple(defects))
        return Decoded(clean_text(data.decode("ascii")), "ascii", tuple(defects))
    try:
        text = data.decode("utf_8")
    except UnicodeDecodeError:
        mixed = _mixed_utf8(data)
        if mixed is None:
            return None
        defects.append("charset-mixed:utf_8+cp1252")
        return Decoded(clean_text(mixed), "utf_8", tuple(defects))
    defects.append("charset-guessed:utf_8")
    return Decoded(clean_text(text), "utf_8", tuple(defects))


def decode_bytes(data: bytes, declared: str | None) -> Decoded:
    """Decode ``data`` labelled ``declared``: declared (or its superset) -> detected -> UTF-8 replace."""
    defects: list[str] = []
    codec = _codec_name(declared)
    if declared and codec is None:
        defects.append(f"unknown-charset:{_safe_label(declared)}")

    if codec == "ascii":
        # 8-bit bytes under a us-ascii label (or none, RFC 2045 section 5.2) are treated as unlabelled.
        if data.isascii() and b"\x1b$" not in data:
            return Decoded(clean_text(data.decode("ascii")), "ascii", ())
        if not data.isascii():
            defects.append("charset-undecodable:ascii")
        codec = None
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

    decoded = _decode_declared(data, codec, defects) if codec is not None else _decode_unlabelled(data, defects)
    if decoded is None:
        decoded = _guess(data, defects)
    if decoded is not None:
        return decoded
    defects.append("charset-fallback:utf_8-replace")
    return Decoded(clean_text(data.decode("utf-8", errors="replace")), "utf_8", tuple(defects))


def _header_candidates(hints: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """The message's declared charsets as codecs for raw 8-bit header bytes: multi-byte, single-byte."""
    multi: list[str] = []
    single: list[str] = []
    for hint in hints:
        codec = _codec_name(hint)
        if codec is None or codec == "ascii":
            continue
        for candidate in _EIGHT_BIT_RELATIVES.get(codec, (_PREFERRED.get(codec, codec),)):
            target = multi if candidate in _MULTIBYTE else single
            if candidate not in target:
                target.append(candidate)
    return multi, single


def decode_header_bytes(data: bytes, hints: tuple[str, ...] = ()) -> Decoded:
    """Raw 8-bit header bytes (no encoded-word): UTF-8, the message's multi-byte charsets, detection,
    its single-byte charsets, windows-1252; a header is too short for detection alone (issue 20: a
    Shift_JIS subject of three characters in a mail whose body is ISO-2022-JP)."""
    defects: list[str] = []
    multi, single = _header_candidates(hints)
    for codec in ["utf_8", *multi]:
        decoded = _decode_declared(data, codec, []) if codec != "utf_8" else None
        if codec == "utf_8":
            try:
                return Decoded(clean_text(data.decode("utf_8")), "utf_8", ())
            except UnicodeDecodeError:
                continue
        if decoded is not None and not any(d.startswith("charset-mixed") for d in decoded.defects):
            defects.append(f"charset-guessed:{decoded.charset}")
            return Decoded(decoded.text, decoded.charset, tuple(defects))
    for codec in single:
        try:
            text = data.decode(_SUPERSETS.get(codec, codec) if codec in _LATIN1 else codec)
        except UnicodeDecodeError:
            continue
        if codec not in _LATIN_CODECS or _western(data) is not None:
            defects.append(f"charset-guessed:{codec}")
            return Decoded(clean_text(text), codec, tuple(defects))
    return decode_bytes(data, None)


def repair_header_text(value: str, hints: tuple[str, ...] = ()) -> tuple[str, tuple[str, ...]]:
    """Fix a header string that still holds raw 8-bit bytes as surrogate escapes.

    ``email`` keeps undecodable header bytes (raw 8-bit headers, encoded-words in an unknown charset)
    as lone surrogates; they would crash JSON or the database later, so decode them here, with the
    charsets the message declares elsewhere (``hints``) as the likeliest candidates. Raw ISO-2022-JP
    (7-bit escapes without an encoded-word, as old Japanese mailers write) is decoded too.
    """
    if "\x1b$" in value and value.isascii():
        text = decode_iso2022jp(value.encode("ascii"))
        if text is not None:
            return clean_text(text), ("header-iso2022jp",)
    if not _SURROGATE.search(value):
        return clean_text(value), ()
    try:
        data = value.encode("utf-8", errors="surrogateescape")
    except UnicodeEncodeError:
        return clean_text(value), ("header-surrogates",)
    decoded = decode_header_bytes(data, hints)
    return decoded.text, ("header-8bit", *decoded.defects)
