"""Raw RFC 5322 bytes -> ``ParsedMail`` -> ``InboundMessage``: the e-mail half of the intake adapter.

The SMTP server and the IMAP poller hand us the message exactly as received. We parse the bytes with
``email.message_from_bytes(raw, policy=policy.default)`` and never decode them ourselves first (as
Zulip's e-mail gateway does): only the MIME structure knows which charset applies to which part.

Whatever arrives, ``parse_email`` returns a ``ParsedMail``. Missing headers become ``None``/empty,
and what was wrong is listed in ``defects`` as short codes (never content), so the pipeline can record
it and an operator can find broken senders without reading mail. The defects that change what an agent
reads also become ``notes`` in fixed wording ("charset guessed as cp1252", ``intake.mail.notes``), which
``to_inbound`` appends to the message text so the stored message shows them.

Real-world mail the parser alone does not survive is repaired around it (issue 20): lines before the
header block and header lines that lost their folding (``intake.mail.headers.repair_header_block``),
encoded-words in a charset whose superset was meant, raw 8-bit headers read with the charsets the
message declares elsewhere, and From headers no strict parser accepts (the best address that is there
is taken; Sender and Reply-To when From has none; never dropped without a note).

When parsing fails, the raw source is never the fallback (it holds every base64 part in clear; issue
15, finding 4). A failure that is the same on every try (a MIME tree nested deeper than the standard
library's recursive parser can follow) gives an *unreadable* ``ParsedMail``: a note that the message
could not be read, and only what the headers give safely (the sender, the subject, the ids), read by a
header-only parse. A failure that may pass on a retry (MemoryError, a bug of ours) raises
``TransientError``, so the SMTP server answers 451 and the sending MTA tries again later.

Run ``python -m intake.mail.parse FILE.eml [--json]`` to print what ``scrubdesk mail parse`` shows.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import codecs
import email
import email.errors
import email.header
import email.utils
import hashlib
import json
import logging
import re
import sys
import traceback
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.message import Message
from email.parser import BytesHeaderParser
from typing import Any

from intake.errors import TransientError
from intake.mail.auto import MailFacts, classify
from intake.mail.body import extract_body
from intake.mail.charset import repair_header_text
from intake.mail.display import parsed_summary as parsed_summary  # re-exported: the CLI's and tests' entry
from intake.mail.display import parsed_to_json as parsed_to_json
from intake.mail.headers import (
    bare_word,
    clean_address,
    daemon_name,
    message_charsets,
    message_policy,
    parse_header,
    repair_header_block,
    salvage_address,
    simple_address_pairs,
    simple_unstructured,
)
from intake.mail.notes import notes_paragraph, parse_notes
from intake.message import BounceReport, InboundAttachment, InboundMessage
from models import Channel

log = logging.getLogger(__name__)

_ANGLE_ID = re.compile(r"<([^<>\s]+)>")
_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=")
_QP_WORD_BAD = re.compile(r"=(?![0-9A-Fa-f]{2})")
_FOLD = re.compile(r"\r?\n[ \t]*")
# A References header longer than this is abuse, not a thread (RFC 5322 recommends trimming).
MAX_REFERENCES = 100


@dataclass(frozen=True, slots=True)
class ParsedMail:
    message_id: str | None  # without angle brackets
    in_reply_to: tuple[str, ...]
    references: tuple[str, ...]
    from_addr: str | None  # lower-cased addr-spec; None when missing, null (<>) or unparseable
    from_name: str | None
    to: tuple[str, ...]
    cc: tuple[str, ...]
    subject: str
    text: str
    auto_submitted: bool
    auto_reason: str | None
    bounce: BounceReport | None
    attachments: tuple[InboundAttachment, ...]
    authentication_results: tuple[str, ...]  # in header order: the topmost is our own MTA's
    date: datetime | None  # the sender's Date header (timezone-aware), not the time of receipt
    defects: tuple[str, ...]
    notes: tuple[str, ...] = ()  # the defects that matter to the agent, as short fixed-wording notes


class _Defects(list[str]):
    def add(self, code: str) -> None:
        if code not in self:
            self.append(code)


def _raw_headers(msg: Message, hints: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Every header as unparsed, unfolded text: the structured parsers may reject what we still need.

    Raw 8-bit bytes are decoded here, with the charsets the message declares (``hints``) first.
    """
    headers: dict[str, list[str]] = {}
    for name, value in msg.raw_items():
        text = _FOLD.sub(" ", str(value)).strip()
        headers.setdefault(str(name).lower(), []).append(repair_header_text(text, hints)[0])
    return {name: tuple(values) for name, values in headers.items()}


def _hints(msg: Message) -> tuple[str, ...]:
    try:
        return message_charsets(msg, [str(v) for _, v in msg.raw_items()])
    except Exception:  # hints only help; a header that defeats them leaves the defaults
        return ()


def _decoded_header(
    msg: Message, name: str, raw: dict[str, tuple[str, ...]], defects: _Defects, hints: tuple[str, ...] = ()
) -> str | None:
    """RFC 2047-decoded header text (superset charsets), falling back to the older decoder and then the raw value."""
    if name.lower() not in raw:
        return None
    try:
        if name.lower() == "subject" and simple_unstructured(raw["subject"][0]):
            text = raw["subject"][0]  # what the parser reads from it, without defects (issue 19)
        else:
            value = parse_header(name, raw[name.lower()][0])
            text = str(value) if value is not None else ""
            for defect in getattr(value, "defects", ()):
                defects.add(f"{name.lower()}:{type(defect).__name__}")
    except Exception:
        defects.add(f"{name.lower()}:unparseable")
        text = raw[name.lower()][0]
        try:
            text = str(email.header.make_header(email.header.decode_header(text)))
        except Exception:  # keep the raw text: it is still the sender's subject
            defects.add(f"{name.lower()}:encoded-word-undecodable")
    if any(not _encoded_word_valid(m) for m in _ENCODED_WORD.finditer(raw[name.lower()][0])):
        defects.add(f"{name.lower()}:encoded-word-invalid")
    text, header_defects = repair_header_text(" ".join(text.split()), hints)
    for code in header_defects:
        defects.add(f"{name.lower()}:{code}")
    return " ".join(text.split())


def _encoded_word_valid(match: re.Match[str]) -> bool:
    """Check one RFC 2047 encoded-word; ``email`` drops or passes through broken ones silently."""
    charset, encoding, payload = match.group(1), match.group(2).lower(), match.group(3)
    try:
        codecs.lookup(charset.split("*", 1)[0])  # RFC 2231 section 5 allows "charset*language"
    except LookupError:
        return False
    if encoding == "q":
        return _QP_WORD_BAD.search(payload) is None
    try:
        base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


def _addresses(
    msg: Message, name: str, raw: dict[str, tuple[str, ...]], defects: _Defects, hints: tuple[str, ...] = ()
) -> list[tuple[str, str]]:
    """(display name, lower-cased addr-spec) pairs of an address header; unusable entries dropped.

    What the structured parser rejects is salvaged from the raw value (``intake.mail.headers``): a
    trailing dot, a stray ``>``, a missing pair of brackets; the defect ``<name>:address-repaired``
    says so.
    """
    key = name.lower()
    if key not in raw:
        return []
    result: list[tuple[str, str]] = []
    for value in raw[key]:
        pairs = _parsed_pairs(name, value, defects)
        verbatim = _verbatim_forms(value)
        found: list[tuple[str, str]] = []
        for display, addr in pairs:
            original = repair_header_text(addr, hints)[0]
            local = original.rpartition("@")[0]
            # "Test test@example.com" (no brackets) reads as a local part with a space: the address
            # in the raw value is the better reading; inside brackets the spaces are the local part's.
            spaced = "<" not in value and '"' not in value.rpartition("@")[0] and any(c.isspace() for c in local)
            cleaned = salvage_address(value) if spaced else clean_address(original)
            if cleaned:
                found.append((display, cleaned))
                if cleaned not in verbatim:
                    defects.add(f"{key}:address-repaired")
        if not found:
            salvaged = salvage_address(value)
            if salvaged:
                defects.add(f"{key}:address-repaired")
                found = [(pairs[0][0] if pairs else "", salvaged)]
            elif any(a.strip() not in {"", "<>"} for _, a in pairs) or (not pairs and value.strip("<> ")):
                defects.add(f"{key}:invalid-address")
        for display, addr in found:
            display = repair_header_text(" ".join(display.split()), hints)[0]
            result.append((display, addr))
    return result


# Address headers longer than this skip the structured parser: its quoted-string reading is quadratic
# (a From of 20,000 double quotes took 6 s, 100,000 over 5 minutes) where ``getaddresses`` is linear.
# 2,000 characters hold some 50 recipients; a longer list is read by ``getaddresses`` alone.
MAX_STRUCTURED_ADDRESS_CHARS = 2000


def _parsed_pairs(name: str, value: str, defects: _Defects) -> list[tuple[str, str]]:
    """What the standard library's parser reads from one address header value."""
    if len(value) <= MAX_STRUCTURED_ADDRESS_CHARS:
        simple = simple_address_pairs(value)
        if simple is not None:  # the common shapes, read as the parser reads them (issue 19)
            return simple
        try:
            header = parse_header(name, value)
            for defect in getattr(header, "defects", ()):
                defects.add(f"{name.lower()}:{type(defect).__name__}")
            return [(str(a.display_name), str(a.addr_spec)) for a in getattr(header, "addresses", ())]
        except Exception:
            defects.add(f"{name.lower()}:unparseable")
    else:
        defects.add(f"{name.lower()}:too-long")
    try:
        return [(n, a) for n, a in email.utils.getaddresses([value])]
    except RecursionError:  # comments nested past the recursion limit: no address can be read
        return []


_BRACKETED = re.compile(r"<([^<>]*)>")


def _verbatim_forms(value: str) -> frozenset[str]:
    """The addresses that stand in the header as written (in brackets, or alone between commas): one
    found there was not repaired. A set, built once per header: a list of thousands of recipients is
    checked in linear time."""
    text = value.lower()
    return frozenset(_BRACKETED.findall(text)) | frozenset(item.strip() for item in text.split(","))


def _sender(
    msg: Message, headers: dict[str, tuple[str, ...]], defects: _Defects, hints: tuple[str, ...]
) -> tuple[str | None, str | None]:
    """(display name, address) of the sender: the best address there is, never dropped silently.

    From first; a bounce sender without domain (``MAILER-DAEMON``) as it is; else Sender, then
    Reply-To (Chinese bulk webmail sends ``From: "..." <>`` with the address only in Reply-To).
    """
    senders = _addresses(msg, "From", headers, defects, hints)
    if len(senders) > 1:
        defects.add("multiple-from")
    name = senders[0][0] if senders else _from_display(headers, hints)
    if senders:
        return name or None, senders[0][1]
    raw_from = headers.get("from", ("",))[0]
    daemon = daemon_name(raw_from)
    if daemon is not None or bare_word(raw_from):
        defects.add("from:no-domain")
        if daemon is not None:
            return name or None, daemon
    for header in ("Sender", "Reply-To"):
        others = _addresses(msg, header, headers, _Defects(), hints)
        if others:
            defects.add(f"from:taken-from-{header.lower()}")
            return name or others[0][0] or None, others[0][1]
    return name or None, None


def _from_display(headers: dict[str, tuple[str, ...]], hints: tuple[str, ...]) -> str:
    """The display name of a From header that has no usable address (``"=?GB2312?B?..?=" <>``)."""
    values = headers.get("from")
    if not values:
        return ""
    names = [d for d, _ in _parsed_pairs("From", values[0], _Defects()) if d]
    return repair_header_text(" ".join(names[0].split()), hints)[0] if names else ""


def _ids(values: tuple[str, ...] | None) -> tuple[str, ...]:
    if not values:
        return ()
    found: list[str] = []
    for value in values:
        found.extend(_ANGLE_ID.findall(value))
    if not found:
        # Some clients omit the brackets: accept bare tokens that look like an id-left@id-right.
        found = [t for v in values for t in v.split() if "@" in t and "<" not in t and ">" not in t]
    unique = list(dict.fromkeys(found))
    return tuple(unique[-MAX_REFERENCES:])


def _message_id(raw: dict[str, tuple[str, ...]], defects: _Defects) -> str | None:
    values = raw.get("message-id")
    if not values:
        defects.add("missing-message-id")
        return None
    ids = _ids(values[:1])
    if not ids:
        defects.add("message-id-invalid")
        return None
    return ids[0]


def _date(raw: dict[str, tuple[str, ...]], defects: _Defects) -> datetime | None:
    values = raw.get("date")
    if not values:
        defects.add("missing-date")
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(values[0])
    except (TypeError, ValueError, IndexError, OverflowError):
        defects.add("date-invalid")
        return None
    # "-0000" means "UTC, local zone unknown" (RFC 5322 section 3.3) and parses as naive.
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _lib_defects(msg: Message, defects: _Defects) -> None:
    for defect in getattr(msg, "defects", ()):
        defects.add(type(defect).__name__)


def parse_email(
    raw: bytes,
    *,
    envelope_from: str | None = None,
    trusted_list_ids: frozenset[str] = frozenset(),
) -> ParsedMail:
    """Parse raw message bytes; never returns the raw source as text.

    ``envelope_from`` is the SMTP MAIL FROM when the caller has it ("" for the null reverse-path),
    which lets bounces be recognised without a Return-Path header. ``trusted_list_ids`` are List-Id
    values (lower case, without brackets) of lists that front our own support address.

    Raises ``TransientError`` when the failure may pass on a retry (see the module docstring).
    """
    try:
        return _parse(raw, envelope_from, trusted_list_ids)
    except _PERMANENT as exc:
        reason = _permanent_reason(exc)
    except Exception as exc:
        raise _transient(exc, len(raw)) from exc
    log.warning("mail unreadable (%s, %d bytes): stored without its content", reason, len(raw))
    try:
        return _unreadable(raw, reason, envelope_from, trusted_list_ids)
    except Exception as exc:
        raise _transient(exc, len(raw)) from exc


# Failures that depend only on the bytes, so a retry fails the same way. MIME sets no limit on how
# deep multiparts nest (RFC 2046 section 5.1.1), and the standard library's parser is recursive:
# a MIME tree nested about 1,000 deep (3,000 in the security review) raises
# RecursionError inside ``email.message_from_bytes`` itself, before our own bounded walk
# (``intake.mail.body.MAX_DEPTH``) is reached. ``MessageError`` is the library's "malformed" family.
_PERMANENT: tuple[type[Exception], ...] = (RecursionError, email.errors.MessageError)

# Shown to the agent in place of the content (Dutch first, as every customer-facing text here).
_REASONS = {
    "nesting-too-deep": ("de MIME-delen zijn te diep genest", "its MIME parts are nested too deeply"),
    "structure-invalid": ("de MIME-structuur is ongeldig", "its MIME structure is invalid"),
}
UNREADABLE_NOTE = (
    "[Dit bericht kon niet worden gelezen / This message could not be read: {nl} / {en}. "
    "De inhoud is niet bewaard; vraag de afzender het opnieuw te sturen / "
    "The content was not kept; ask the sender to send it again.]"
)


def _permanent_reason(exc: Exception) -> str:
    return "nesting-too-deep" if isinstance(exc, RecursionError) else "structure-invalid"


def _transient(exc: Exception, size: int) -> TransientError:
    """The retryable error for ``exc``, logged by type and place only (its message may quote content)."""
    if isinstance(exc, MemoryError):
        log.warning("mail parse: out of memory (%d bytes); the sender will retry", size)
        return TransientError("not enough memory to read the message now; try again later")
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    log.error(
        "mail parse failed unexpectedly (%s at %s:%s, %d bytes); the sender will retry",
        type(exc).__name__,
        where.filename.rsplit("/", 1)[-1] if where else "?",
        where.lineno if where else "?",
        size,
    )
    return TransientError("the message could not be read now; try again later")


def _unreadable(
    raw: bytes, reason: str, envelope_from: str | None, trusted_list_ids: frozenset[str]
) -> ParsedMail:
    """A message that cannot be read: a note, and only the header fields that can be read safely.

    The header-only parse (``BytesHeaderParser``) stops at the first empty line, so no MIME part is
    parsed, decoded or kept. Headers that themselves defeat the parser leave the fields empty.
    """
    defects = _Defects()
    defects.add(f"unreadable:{reason}")
    nl, en = _REASONS[reason]
    fields: dict[str, Any] = {}
    try:
        repaired, _ = repair_header_block(raw)
        fields = _header_fields(BytesHeaderParser(policy=policy.default).parsebytes(repaired), defects,
                                envelope_from, trusted_list_ids)
    except _PERMANENT:
        defects.add("headers-unreadable")
    return ParsedMail(
        message_id=fields.get("message_id"),
        in_reply_to=fields.get("in_reply_to", ()),
        references=fields.get("references", ()),
        from_addr=fields.get("from_addr"),
        from_name=None,  # not needed to answer, and nothing else of the sender is kept unread
        to=fields.get("to", ()),
        cc=fields.get("cc", ()),
        subject=fields.get("subject", ""),
        text=UNREADABLE_NOTE.format(nl=nl, en=en),
        auto_submitted=fields.get("auto_submitted", False),
        auto_reason=fields.get("auto_reason"),
        bounce=None,
        attachments=(),
        authentication_results=fields.get("authentication_results", ()),
        date=fields.get("date"),
        defects=tuple(defects),
        notes=parse_notes(tuple(defects), sender_found=bool(fields.get("from_addr")),
                          from_present=bool(fields.get("from_present"))),
    )


def _header_fields(
    msg: Message, defects: _Defects, envelope_from: str | None, trusted_list_ids: frozenset[str]
) -> dict[str, Any]:
    hints = _hints(msg)
    headers = _raw_headers(msg, hints)
    from_addr = _sender(msg, headers, defects, hints)[1]
    subject = _decoded_header(msg, "Subject", headers, defects, hints) or ""
    # The automatic-mail rules read headers only (the body text is unknown here), so an unreadable
    # auto-reply or list post still opens no ticket and gets no acknowledgement (RFC 3834).
    verdict = classify(MailFacts(msg=msg, headers=headers, from_addr=from_addr, from_present="from" in headers,
                                 envelope_from=envelope_from, subject=subject, text="",
                                 trusted_list_ids=frozenset(t.lower() for t in trusted_list_ids)))
    return {
        "message_id": _message_id(headers, defects),
        "in_reply_to": _ids(headers.get("in-reply-to")),
        "references": _ids(headers.get("references")),
        "from_addr": from_addr,
        "from_present": "from" in headers,
        "to": tuple(dict.fromkeys(a for _, a in _addresses(msg, "To", headers, defects, hints))),
        "cc": tuple(dict.fromkeys(a for _, a in _addresses(msg, "Cc", headers, defects, hints))),
        "subject": subject,
        "auto_submitted": verdict.auto_submitted,
        "auto_reason": verdict.auto_reason,
        "authentication_results": headers.get("authentication-results", ()),
        "date": _date(headers, defects),
    }


def _parse(raw: bytes, envelope_from: str | None, trusted_list_ids: frozenset[str]) -> ParsedMail:
    defects = _Defects()
    raw, block_defects = repair_header_block(raw)
    for code in block_defects:
        defects.add(code)
    msg = email.message_from_bytes(raw, policy=message_policy())  # policy.default, each header parsed once
    _lib_defects(msg, defects)
    hints = _hints(msg)
    headers = _raw_headers(msg, hints)
    if not headers:
        defects.add("no-headers")

    from_present = "from" in headers
    if not from_present:
        defects.add("missing-from")
    from_name, from_addr = _sender(msg, headers, defects, hints)
    subject = _decoded_header(msg, "Subject", headers, defects, hints)
    if subject is None:
        defects.add("missing-subject")

    body = extract_body(msg, hints)
    for code in body.defects:
        defects.add(code)

    facts = MailFacts(
        msg=msg,
        headers=headers,
        from_addr=from_addr,
        from_present=from_present,
        envelope_from=envelope_from,
        subject=subject or "",
        text=body.text,
        trusted_list_ids=frozenset(t.lower() for t in trusted_list_ids),
    )
    verdict = classify(facts)

    parsed = ParsedMail(
        message_id=_message_id(headers, defects),
        in_reply_to=_ids(headers.get("in-reply-to")),
        references=_ids(headers.get("references")),
        from_addr=from_addr,
        from_name=from_name or None,
        to=tuple(dict.fromkeys(a for _, a in _addresses(msg, "To", headers, defects, hints))),
        cc=tuple(dict.fromkeys(a for _, a in _addresses(msg, "Cc", headers, defects, hints))),
        subject=subject or "",
        text=body.text,
        auto_submitted=verdict.auto_submitted,
        auto_reason=verdict.auto_reason,
        bounce=verdict.bounce,
        attachments=body.attachments,
        authentication_results=headers.get("authentication-results", ()),
        date=_date(headers, defects),
        defects=tuple(defects),
        notes=parse_notes(tuple(defects), sender_found=from_addr is not None, from_present=from_present),
    )
    log.debug(
        "parsed mail: %d chars, %d attachments, %d defects, auto=%s",
        len(parsed.text),
        len(parsed.attachments),
        len(parsed.defects),
        parsed.auto_reason,
    )
    return parsed


def external_id_for(parsed: ParsedMail, raw: bytes) -> str:
    """The idempotency key: the Message-ID, or a digest of the exact bytes so a retry still dedupes."""
    if parsed.message_id:
        return parsed.message_id
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def to_inbound(parsed: ParsedMail, raw: bytes, *, delivered_to: tuple[str, ...] = ()) -> InboundMessage:
    """The channel-neutral message for ``submit``. A missing or null sender becomes ``""``.

    ``delivered_to``: the envelope recipients (SMTP RCPT TO, lower-cased), listed first among the recipients."""
    text = parsed.text
    if parsed.notes:
        # Visible on the stored message (scrubbed with the text): fixed wording, never the sender's bytes.
        text = (text + "\n\n" if text else "") + notes_paragraph(parsed.notes)
    return InboundMessage(
        channel=Channel.EMAIL,
        external_id=external_id_for(parsed, raw),
        sender=parsed.from_addr or "",
        text=text,
        sender_name=parsed.from_name,
        subject=parsed.subject or None,
        recipients=tuple(dict.fromkeys((*delivered_to, *parsed.to, *parsed.cc))),
        in_reply_to=parsed.in_reply_to,
        references=parsed.references,
        auto_submitted=parsed.auto_submitted or not parsed.from_addr,
        auto_reason=parsed.auto_reason or (None if parsed.from_addr else "null-sender"),
        bounce=parsed.bounce,
        attachments=parsed.attachments,
        authentication_results=parsed.authentication_results,
        parse_defects=parsed.defects,
        parse_notes=parsed.notes,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m intake.mail.parse", description="Parse an e-mail and print what intake reads."
    )
    parser.add_argument("file", help="an .eml file, or - for standard input")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a short summary")
    args = parser.parse_args(argv)
    if args.file == "-":
        raw = sys.stdin.buffer.read()
    else:
        with open(args.file, "rb") as fh:
            raw = fh.read()
    try:
        parsed = parse_email(raw)
    except TransientError as exc:
        sys.stderr.write(f"{exc}\n")
        return 1
    if args.json:
        json.dump(parsed_to_json(parsed), sys.stdout, ensure_ascii=False, indent=2)
    else:
        sys.stdout.write(parsed_summary(parsed))
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
