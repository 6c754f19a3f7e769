"""Header repairs for real-world mail, before and around the standard library's parser (issue 20).

The standard library's ``email`` package with ``policy.default`` stays the parser. What it cannot
survive is repaired here, each for a sender that produces it:

- lines before the header block: a mail cut from an mbox file by hand keeps a blank line and the
  escaped ``>From sender@... Wed Apr 19 ...`` line (the parser only skips an unescaped ``From `` line at
  the very start), and Kerio Connect's "view source" starts with ``---- Original email message ----``.
  The header block is found by the first line that looks like a header and is followed by more;
- a header line that lost its folding whitespace (Symantec Brightmail gateways re-wrap their base64
  ``X-Brightmail-Tracker`` at column 76 without indenting the continuation), which made the parser end
  the header block early and read From and Subject as body text;
- encoded-words in a charset whose superset the sender meant (Chinese webmail labels GBK text GB2312,
  Japanese mailers Shift_JIS for CP932, Korean Outlook ks_c_5601-1987 for CP949): the label is replaced
  by the superset before the parser decodes the words, so no character is lost to a strict codec;
- From headers no strict parser accepts: ``"=?GB2312?B?..?=" <>`` with the address only in Reply-To
  (126.com bulk mail), ``<jan.smit@example.com.>`` (a trailing dot: an absolute DNS name),
  ``"Lottery transfer"@example.com>`` (spam kits quoting the name as local part),
  ``Test test@example.com`` (fax-to-mail gateways), ``<sales team@example.com>`` (bulk
  mailers), ``"finances8@example.com"`` (a web form script), ``MAILER-DAEMON (Mail Delivery System)``
  (relays that write no domain). The best address that is there is taken, and a defect says so.
"""

from __future__ import annotations

import re
from email import policy
from email.headerregistry import HeaderRegistry
from email.message import Message
from email.policy import EmailPolicy
from typing import Any

from intake.mail.charset import superset_label

# A header field: printable ASCII name without colon or space, then a colon (RFC 5322 section 3.6.8).
_HEADER_LINE = re.compile(rb"[!-9;-~]{1,76}:")
# Fields one of which a real header block contains; a body line such as "Note: ..." is not a header.
_CORE_FIELDS = frozenset(
    b"from to cc subject date message-id received return-path mime-version content-type reply-to sender "
    b"delivered-to x-original-to".split()
)
# How far to look for the header block, and how much of the start of a mail to scan at most.
_MAX_PREAMBLE_LINES = 20
_MAX_SCAN_BYTES = 512 * 1024
# A line without folding whitespace is a broken fold only when a header follows within this many lines
# (a re-wrapped base64 tracker header runs to some 30 lines).
_MAX_BROKEN_FOLD = 100

# Field names whose domain-less address is a bounce sender's (RFC 5321 section 4.5.5), kept as it is.
_DAEMON_NAMES = frozenset({"mailer-daemon", "mail-daemon", "mailerdaemon"})


def _is_header(line: bytes) -> bool:
    return _HEADER_LINE.match(line) is not None


def _header_run(lines: list[bytes], start: int) -> bool:
    """Whether a header block starts at ``start``: two header lines or more, one of them a core field."""
    names: list[bytes] = []
    for line in lines[start : start + _MAX_PREAMBLE_LINES]:
        if not line.strip():
            break
        if _is_header(line):
            names.append(line.split(b":", 1)[0].lower())
        elif not line[:1].isspace():
            break
    return len(names) >= 2 and any(n in _CORE_FIELDS for n in names)


def _lines(raw: bytes) -> tuple[list[bytes], int]:
    """The first lines of ``raw`` (line ends stripped of LF only) and the offset where they stop."""
    head = raw[:_MAX_SCAN_BYTES]
    cut = head.rfind(b"\n") + 1 if len(raw) > _MAX_SCAN_BYTES else len(head)
    return head[:cut].split(b"\n"), cut


def repair_header_block(raw: bytes) -> tuple[bytes, tuple[str, ...]]:
    """``raw`` with lines before the header block removed and broken header folds indented."""
    lines, cut = _lines(raw)
    defects: list[str] = []
    start = 0
    first = lines[0] if lines else b""
    if not _is_header(first) and not first.startswith(b"From "):
        found = next((i for i in range(1, min(len(lines), _MAX_PREAMBLE_LINES)) if _header_run(lines, i)), None)
        if found is not None:
            start = found
            defects.append("pre-header-lines-skipped")
    body_start = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    header_rows = [i for i in range(start, body_start) if _is_header(lines[i])]
    changed = start > 0
    following = 0  # index into header_rows of the first header row after line i (linear over the block)
    for i in range(start + 1, body_start):
        line = lines[i]
        if _is_header(line) or line[:1] in (b" ", b"\t"):
            continue
        while following < len(header_rows) and header_rows[following] <= i:
            following += 1
        if following == len(header_rows) or header_rows[following] > i + _MAX_BROKEN_FOLD:
            break  # the body begins without the blank line: the parser reports that itself
        lines[i] = b" " + line
        changed = True
        if "header-folding-repaired" not in defects:
            defects.append("header-folding-repaired")
    if not changed:
        return raw, ()
    return b"\n".join(lines[start:]) + raw[cut:], tuple(defects)


# -- encoded-words --------------------------------------------------------------------------------------

_ENCODED_WORD_LABEL = re.compile(r"=\?([^?\s*]+)((?:\*[^?\s]*)?)\?([bBqQ])\?")


def superset_encoded_words(value: str) -> str:
    """``value`` with each encoded-word's charset label replaced by the superset the sender meant."""
    return _ENCODED_WORD_LABEL.sub(lambda m: f"=?{superset_label(m.group(1))}{m.group(2)}?{m.group(3)}?", value)


def encoded_word_labels(values: list[str]) -> list[str]:
    return [m.group(1) for value in values for m in _ENCODED_WORD_LABEL.finditer(value)]


class _HeaderClasses(HeaderRegistry):
    """``policy.default``'s header registry, making each header class once instead of at every header.

    The standard registry builds a new class (``type(...)``) for every header it parses, from the
    specialised class of the header's name and the base class; the class depends on nothing else, so the
    few there are (one per specialised class) are made once and reused (issue 19: about 18 us a header).
    """

    def __init__(self) -> None:
        super().__init__()
        self._made: dict[type, type] = {}

    def __getitem__(self, name: str) -> type:
        cls = self.registry.get(name.lower(), self.default_class)
        made = self._made.get(cls)
        if made is None:  # (a race makes the same class twice; either is right)
            made = self._made[cls] = type("_" + cls.__name__, (cls, self.base_class), {})
        return made


_HEADER_CLASSES = _HeaderClasses()
# ``policy.default`` with the registry above: the same headers, read the same way
_POLICY = policy.default.clone(header_factory=_HEADER_CLASSES)


# The transfer encodings and plain text types nearly every part declares: values that hold nothing the sender
# wrote about anyone (a type, a charset label, flowed-text flags), so their parsed header objects may be kept
# for the whole process and shared by every message (immutable: a str with read-only views). Parsing them was
# a third of the remaining parse time (issue 19: ~130 us a Content-Type, ~50 us a transfer encoding).
_SHAREABLE = re.compile(
    r"Content-Transfer-Encoding\0(?:7bit|8bit|quoted-printable|base64|binary)"
    r'|Content-Type\0text/(?:plain|html)(?:; ?charset="?[A-Za-z0-9_-]{1,20}"?)?(?:; ?format=(?:flowed|fixed))?'
    r"(?:; ?delsp=(?:yes|no))?",
    re.IGNORECASE,
)
_SHARED: dict[tuple[str, str], Any] = {}
_MAX_SHARED = 256  # labels vary a little (case, quotes); a sender inventing new ones only fills this up


class MessagePolicy(EmailPolicy):
    """``policy.default`` that parses each header value once per message.

    ``policy.default`` builds a new structured header object at every look-up, and a message's parts are
    asked for their Content-Type (type, charset, parameters) and Content-Disposition a dozen times in
    all while the body is found: that re-parsing was most of the time ``parse_email`` took (issue 19).
    One instance per parsed message (``message_policy``), so the parsed values, which hold what the
    sender wrote, live exactly as long as the message object; only the fixed values of ``_SHAREABLE``
    (a transfer encoding, a plain text type and charset label) are kept for the process.
    """

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        object.__setattr__(self, "_parsed", {})

    def header_fetch_parse(self, name: str, value: str) -> Any:
        if hasattr(value, "name"):  # already a header object (set by the program, not parsed)
            return value
        parsed: dict[tuple[str, str], Any] = self.__dict__["_parsed"]
        key = (name.lower(), value)
        found = parsed.get(key)
        if found is None:
            exact = (name, value)  # (the object keeps the name as written)
            found = _SHARED.get(exact)
            if found is None:
                found = super().header_fetch_parse(name, value)
                if len(_SHARED) < _MAX_SHARED and _SHAREABLE.fullmatch(f"{name}\0{value}"):
                    _SHARED[exact] = found
            parsed[key] = found
        return found


def message_policy() -> MessagePolicy:
    """A fresh ``MessagePolicy`` for one message (its header registry shared: it holds only the classes)."""
    return MessagePolicy(header_factory=_HEADER_CLASSES)


def parse_header(name: str, raw_value: str) -> Any:
    """The structured header ``policy.default`` makes of ``raw_value``, with superset charset labels
    (a ``str`` subclass with ``defects``, and ``addresses`` for address fields)."""
    return _POLICY.header_fetch_parse(name, superset_encoded_words(raw_value))


# -- the common case without the structured parser ------------------------------------------------------

# Most mail names its sender and recipients as ``jan@example.nl``, ``<jan@example.nl>`` or
# ``Jan de Vries <jan@example.nl>`` and has a plain ASCII subject; the standard library's header parser
# (a token tree per header, its defects collected) was a third of ``parse_email``'s time on such mail
# (issue 19). Values of exactly these shapes are read here to what that parser reads from them: the
# same pairs or text, and no defects (``tests/intake/mail/test_header_shortcuts.py`` compares both on
# generated values). Everything else still goes to the parser. "=" and "?" are left out of the
# characters below, so no encoded-word can hide in a value read here.
_ATEXT = r"[A-Za-z0-9!#$%&'*+/^_`{|}~-]"
_SIMPLE_SPEC = rf"{_ATEXT}+(?:\.{_ATEXT}+)*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
_SIMPLE_MAILBOX = re.compile(
    rf"(?P<bare>{_SIMPLE_SPEC})|(?:(?P<name>[A-Za-z0-9]+(?: [A-Za-z0-9]+)*) )?<(?P<spec>{_SIMPLE_SPEC})>"
)
_SIMPLE_TEXT = re.compile(r"[ -~\t]*")


def simple_address_pairs(value: str) -> list[tuple[str, str]] | None:
    """(display name, addr-spec) of each mailbox of an address list of the simple shapes above, as
    ``policy.default`` reads them (no defects); None when a value has another shape."""
    pairs: list[tuple[str, str]] = []
    for item in value.split(","):
        m = _SIMPLE_MAILBOX.fullmatch(item.strip(" "))
        if m is None:
            return None
        pairs.append((m["name"] or "", m["bare"] or m["spec"]))
    return pairs


def simple_unstructured(value: str) -> bool:
    """Whether ``policy.default`` reads an unstructured header value (a Subject) as it stands, without
    defects: printable ASCII and tabs, and no ``=?`` that could start an encoded-word."""
    return "=?" not in value and _SIMPLE_TEXT.fullmatch(value) is not None


# -- addresses -------------------------------------------------------------------------------------------

_ANGLE = re.compile(r"<([^<>]*)>")
_QUOTED_LOCAL = re.compile(r'("[^"]+")\s*@\s*([^\s<>"(),;]+)')
_BARE = re.compile(r'[^\s<>"(),;:]+@[^\s<>"(),;:]+')
_DOMAIN = re.compile(r"[^\s@<>()\[\],;:\"\\]+")


def clean_address(addr: str) -> str | None:
    """A lower-cased addr-spec made of ``addr``: a trailing dot or ``>`` dropped, a local part with spaces
    quoted (RFC 5321 section 4.1.2); None when there is no local part and domain."""
    addr = addr.strip().strip("<>").strip()
    if addr.count('"') == 2 and addr.startswith('"') and addr.endswith('"') and "@" in addr:
        addr = addr[1:-1].strip()  # the whole address quoted, as a display name
    local, at, domain = addr.rpartition("@")
    domain = domain.strip().rstrip(".>,;").strip()
    local = local.strip()
    if not at or not local or not domain or not _DOMAIN.fullmatch(domain) or domain.startswith("."):
        return None
    if not local.startswith('"') and (" " in local or "\t" in local):
        local = '"' + " ".join(local.split()) + '"'
    elif not local.startswith('"') and any(c.isspace() or c in "<>()[],;:\\" for c in local):
        return None
    return f"{local}@{domain}".lower()


# An address header longer than this is not searched for a salvageable address (RFC 5322 section
# 2.1.1 limits a line to 998 characters; a hostile megabyte would make the patterns below quadratic).
_MAX_SALVAGE_CHARS = 4000


def salvage_address(raw_value: str) -> str | None:
    """The best address in a From value the structured parser rejected, or None."""
    if len(raw_value) > _MAX_SALVAGE_CHARS:
        return None
    for inner in reversed(_ANGLE.findall(raw_value)):
        if "@" in inner:
            found = clean_address(inner)
            if found:
                return found
    quoted = _QUOTED_LOCAL.search(raw_value)
    if quoted:
        return clean_address(f"{quoted.group(1)}@{quoted.group(2)}")
    for token in reversed(_BARE.findall(raw_value)):
        found = clean_address(token)
        if found:
            return found
    return None


def daemon_name(raw_value: str) -> str | None:
    """``mailer-daemon`` for ``MAILER-DAEMON (Mail Delivery System)``: a bounce sender without domain."""
    words = re.sub(r"\([^()]*\)|\"[^\"]*\"", " ", raw_value).replace("<", " ").replace(">", " ").split()
    return words[0].lower() if len(words) == 1 and words[0].lower() in _DAEMON_NAMES else None


def bare_word(raw_value: str) -> bool:
    """Whether the value is a single word without ``@`` (``From: jan``): an address without a domain.

    A display name with empty brackets (``"Wang" <>``) is a null address, not a bare word."""
    if "<" in raw_value:
        return False
    words = re.sub(r"\([^()]*\)|\"[^\"]*\"", " ", raw_value).split()
    return len(words) == 1 and "@" not in words[0]


# -- the message's charsets ------------------------------------------------------------------------------

_MAX_HINT_PARTS = 200
_MAX_HINTS = 8


def message_charsets(msg: Message, header_values: list[str]) -> tuple[str, ...]:
    """The charsets the message declares (parts' labels, encoded-words), for raw 8-bit header bytes."""
    found: list[str] = []
    stack = [msg]
    seen = 0
    while stack and seen < _MAX_HINT_PARTS and len(found) < _MAX_HINTS:
        part = stack.pop()
        seen += 1
        try:
            charset = part.get_param("charset")
            payload = part.get_payload() if part.is_multipart() else None
        except Exception:  # a hostile header: no hint from this part
            charset, payload = None, None
        if isinstance(charset, tuple):
            charset = charset[2]
        if isinstance(charset, str) and charset and charset.lower() not in found:
            found.append(charset.lower())
        if isinstance(payload, list):
            stack.extend(p for p in reversed(payload) if isinstance(p, Message))
    for label in encoded_word_labels(header_values):
        if label.lower() not in found and len(found) < _MAX_HINTS:
            found.append(label.lower())
    return tuple(found)
