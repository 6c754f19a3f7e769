"""Recognise machine-generated mail: auto-replies, bulk and list mail, bounces and our own loops.

A support desk that answers an out-of-office reply with an acknowledgement, which triggers another
out-of-office reply, floods two mailboxes within minutes (RFC 3834 section 1). So every message is
classified before ``submit`` decides whether to open a ticket, send an acknowledgement or record a
bounce. Each rule is a small named check; the first that matches names the ``auto_reason``, modelled on
Mailman 3's named rules.

Decision on mailing lists: a message carrying ``List-Id`` (RFC 2919) or ``List-Unsubscribe``
(RFC 2369) is a post to a list or a newsletter, not a person writing to support, and RFC 3834
section 2 asks responders not to answer it. It is classified as machine-generated (``list-id`` /
``list-unsubscribe``). A deployment whose support address is itself fronted by a list (a Google Group,
a Mailman alias) passes that list's id in ``trusted_list_ids`` so its posts stay human.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from email.message import Message
from email.parser import BytesHeaderParser

from intake.mail.body import MAX_DEPTH, MAX_PARTS
from intake.mail.charset import clean_text
from intake.message import BounceReport

_ANGLE_ID = re.compile(r"<([^<>\s]+)>")
_STATUS = re.compile(r"\b([245]\.\d{1,3}\.\d{1,3})\b")
_LIST_ID = re.compile(r"<([^<>]+)>")

# Local parts that, as a From address, only ever send delivery reports.
_DAEMON_LOCALS = frozenset({"mailer-daemon", "mail-daemon", "mailerdaemon"})
# postmaster is different: RFC 5321 section 4.5.1 makes it a mailbox that people read and write from,
# and a hosting customer may well write to support from it. It counts as a bounce sender only when
# the message also looks like a bounce (subject, X-Failed-Recipients), never on its own.
_POSTMASTER = "postmaster"

# Subjects of bounces from MTAs that do not send RFC 3464 reports, or send them without the report
# type: Postfix, Exim, qmail ("failure notice"), Exchange ("Undeliverable:"), Gmail, Sendmail.
_BOUNCE_SUBJECT = re.compile(
    r"^\s*(undeliver(ed|able)\b|delivery status notification|mail delivery (failed|failure|subsystem)"
    r"|returned mail\b|failure notice|delivery (has )?failed|unzustellbar|onbestelbaar"
    r"|non remis|message not delivered|mail system error)",
    re.IGNORECASE,
)

# Message ids quoted in the text of a non-standard bounce ("Message-ID: <...>").
_QUOTED_MESSAGE_ID = re.compile(r"^\s*message-id:\s*<([^<>\s]+)>", re.IGNORECASE | re.MULTILINE)

LOOP_HEADER = "X-Scrubdesk-Loop"


@dataclass(frozen=True, slots=True)
class Classification:
    auto_submitted: bool
    auto_reason: str | None
    bounce: BounceReport | None


@dataclass(frozen=True, slots=True)
class MailFacts:
    """What the rules look at, gathered once by the parser (headers already decoded)."""

    msg: Message
    headers: dict[str, tuple[str, ...]]  # lower-cased name -> raw values, in order
    from_addr: str | None
    from_present: bool
    envelope_from: str | None  # the SMTP MAIL FROM when the caller knows it; "" is the null sender
    subject: str
    text: str
    trusted_list_ids: frozenset[str]

    def first(self, name: str) -> str | None:
        values = self.headers.get(name.lower())
        return values[0].strip() if values else None


def _keyword(value: str) -> str:
    """The token before any parameters or comment: ``auto-replied; owner-email=...`` -> ``auto-replied``."""
    return re.split(r"[;(\s]", value.strip(), maxsplit=1)[0].lower()


def _is_dsn(msg: Message) -> bool:
    # RFC 3464 section 2 (and RFC 6533 for internationalised reports).
    return msg.get_content_type() == "multipart/report" and str(msg.get_param("report-type", "") or "").lower() in {
        "delivery-status",
        "global-delivery-status",
    }


def _rule_loop(f: MailFacts) -> bool:
    # Our own outbound mail carries this header; seeing it come back means a loop through a forwarder
    # or an auto-responder that copies headers.
    return f.first(LOOP_HEADER) is not None


def _rule_dsn(f: MailFacts) -> bool:
    return _is_dsn(f.msg)


def _rule_mdn(f: MailFacts) -> bool:
    # RFC 8098 read receipts: machine-generated, never a request.
    return f.msg.get_content_type() == "multipart/report" and str(f.msg.get_param("report-type", "") or "").lower() in {
        "disposition-notification",
        "global-disposition-notification",
    }


def _local_part(f: MailFacts) -> str | None:
    return f.from_addr.rsplit("@", 1)[0] if f.from_addr else None


def _daemon_sender(f: MailFacts) -> bool:
    return _local_part(f) in _DAEMON_LOCALS


def _rule_nonstandard_bounce(f: MailFacts) -> bool:
    # Exim adds X-Failed-Recipients to its bounces; the rest are recognised by sender and subject.
    if f.first("X-Failed-Recipients") is not None:
        return True
    bounce_sender = _daemon_sender(f) or _local_part(f) == _POSTMASTER or _null_envelope(f)
    return bounce_sender and bool(_BOUNCE_SUBJECT.search(f.subject))


def _null_envelope(f: MailFacts) -> bool:
    if f.envelope_from is not None:
        return f.envelope_from.strip() in {"", "<>"}
    # Return-Path is written by the final delivering MTA from MAIL FROM (RFC 5321 section 4.4).
    rp = f.first("Return-Path")
    return rp is not None and rp.replace(" ", "") == "<>"


def _real_envelope(f: MailFacts) -> bool:
    # A known, non-null MAIL FROM is someone we can answer even when the From header is unusable
    # (the SMTP adapter then uses it as the sender).
    return f.envelope_from is not None and not _null_envelope(f)


def _rule_null_sender(f: MailFacts) -> bool:
    # RFC 5321 section 4.5.5: the null reverse-path is used for notifications that must not be
    # answered. From: <> or an unparseable From, with no envelope sender, leaves no one to answer.
    return _null_envelope(f) or (f.from_present and f.from_addr is None and not _real_envelope(f))


def _rule_no_from(f: MailFacts) -> bool:
    # A sender found elsewhere (Reply-To, Sender: see ``intake.mail.parse._sender``) can be answered.
    return not f.from_present and f.from_addr is None and not _real_envelope(f)


def _rule_mailer_daemon(f: MailFacts) -> bool:
    return _daemon_sender(f)


def _rule_auto_submitted(f: MailFacts) -> bool:
    # RFC 3834 section 5: any value other than "no" marks an automatic message.
    value = f.first("Auto-Submitted")
    return value is not None and _keyword(value) not in {"", "no"}


def _rule_x_autoreply(f: MailFacts) -> bool:
    # Non-standard, but widely sent by vacation programs and hosting panels (cPanel, Plesk, Zimbra).
    for name in ("X-Autoreply", "X-Autorespond", "X-Autogenerated", "X-Auto-Reply"):
        value = f.first(name)
        if value is not None and _keyword(value) not in {"no", "false", "0"}:
            return True
    return False


def _rule_exchange_suppress(f: MailFacts) -> bool:
    # Exchange marks its out-of-office and other generated replies with X-Auto-Response-Suppress
    # (MS-OXCMAIL 2.2.3.2.14); All or OOF asks that no automatic reply be sent.
    value = f.first("X-Auto-Response-Suppress")
    if value is None:
        return False
    tokens = {t.strip().lower() for t in value.split(",")}
    return bool(tokens & {"all", "oof"})


def _rule_precedence(f: MailFacts) -> bool:
    # RFC 3834 section 2 and RFC 2076 section 3.9: bulk, junk and list are never answered.
    value = f.first("Precedence")
    return value is not None and _keyword(value) in {"bulk", "junk", "list"}


def _list_id(f: MailFacts) -> str | None:
    value = f.first("List-Id")
    if value is None:
        return None
    match = _LIST_ID.search(value)
    return (match.group(1) if match else value).strip().lower()


def _rule_list_id(f: MailFacts) -> bool:
    list_id = _list_id(f)
    return list_id is not None and list_id not in f.trusted_list_ids


def _rule_list_unsubscribe(f: MailFacts) -> bool:
    if f.first("List-Unsubscribe") is None:
        return False
    list_id = _list_id(f)
    return list_id is None or list_id not in f.trusted_list_ids


# Order matters only for the reason reported: the most specific rule first.
RULES: tuple[tuple[str, Callable[[MailFacts], bool]], ...] = (
    ("loop", _rule_loop),
    ("dsn", _rule_dsn),
    ("mdn", _rule_mdn),
    ("bounce", _rule_nonstandard_bounce),
    ("no-from", _rule_no_from),
    ("null-sender", _rule_null_sender),
    ("mailer-daemon", _rule_mailer_daemon),
    ("auto-submitted", _rule_auto_submitted),
    ("x-autoreply", _rule_x_autoreply),
    ("x-auto-response-suppress", _rule_exchange_suppress),
    ("precedence", _rule_precedence),
    ("list-id", _rule_list_id),
    ("list-unsubscribe", _rule_list_unsubscribe),
)


def classify(facts: MailFacts) -> Classification:
    """Apply the rules in order; a DSN or a recognised bounce also yields a ``BounceReport``."""
    reason = next((name for name, rule in RULES if rule(facts)), None)
    bounce: BounceReport | None = None
    if reason == "dsn":
        bounce = dsn_report(facts.msg)
    elif reason == "bounce" or (reason in {"null-sender", "mailer-daemon"} and _looks_like_bounce(facts)):
        bounce = heuristic_bounce(facts)
        reason = "bounce"
    return Classification(reason is not None, reason, bounce)


def _looks_like_bounce(f: MailFacts) -> bool:
    if _BOUNCE_SUBJECT.search(f.subject):
        return True
    return any(_returned_headers(f.msg))


def _first_id(value: str | None) -> str | None:
    if not value:
        return None
    value = clean_text(value)  # returned headers are read raw: no NUL or control character may pass
    match = _ANGLE_ID.search(value)
    if match:
        return match.group(1)
    stripped = value.strip()
    return stripped if stripped and " " not in stripped else None


def _raw_get(msg: Message, name: str) -> str | None:
    """A header's unparsed value: the structured parser may choke on a hostile original message."""
    for key, value in msg.raw_items():
        if key.lower() == name.lower():
            return str(value)
    return None


def _parts(msg: Message) -> Iterator[Message]:
    """``msg.walk()`` without its recursion, and bounded like the body's walk (``intake.mail.body``)."""
    stack: list[tuple[Message, int]] = [(msg, 0)]
    seen = 0
    while stack and seen < MAX_PARTS:
        part, depth = stack.pop()
        seen += 1
        yield part
        payload = part.get_payload() if part.is_multipart() and depth < MAX_DEPTH else None
        if isinstance(payload, list):
            stack.extend((child, depth + 1) for child in reversed(payload) if isinstance(child, Message))


def _returned_headers(msg: Message) -> Iterable[Message]:
    """Headers of the original message inside a report: message/rfc822 or text/rfc822-headers parts."""
    for part in _parts(msg):
        ctype = part.get_content_type()
        if ctype in {"message/rfc822", "message/global"}:
            payload = part.get_payload()
            if isinstance(payload, list) and payload and isinstance(payload[0], Message):
                yield payload[0]
        elif ctype in {"text/rfc822-headers", "message/global-headers"}:
            data = part.get_payload(decode=True)
            if isinstance(data, bytes) and data:
                yield BytesHeaderParser().parsebytes(data)


def _per_recipient_fields(msg: Message) -> tuple[dict[str, str], list[dict[str, str]]]:
    """The per-message and per-recipient field groups of the message/delivery-status part."""
    for part in _parts(msg):
        if part.get_content_type() not in {"message/delivery-status", "message/global-delivery-status"}:
            continue
        payload = part.get_payload()
        blocks: list[dict[str, str]] = []
        if isinstance(payload, list):
            for block in payload:
                if isinstance(block, Message):
                    blocks.append({k.lower(): str(v) for k, v in block.items()})
        else:
            # A report the parser did not split (e.g. base64-encoded): parse the blocks ourselves.
            data = part.get_payload(decode=True)
            text = data.decode("utf-8", "replace") if isinstance(data, bytes) else str(payload)
            for chunk in re.split(r"\r?\n\s*\r?\n", text):
                fields = BytesHeaderParser().parsebytes(chunk.strip().encode("utf-8", "replace"))
                if fields.keys():
                    blocks.append({k.lower(): str(v) for k, v in fields.items()})
        if blocks:
            return blocks[0], blocks[1:]
    return {}, []


def dsn_report(msg: Message) -> BounceReport:
    """Read an RFC 3464 report: the failed recipient's Action and Status, and the original Message-ID."""
    per_message, recipients = _per_recipient_fields(msg)
    chosen = next((r for r in recipients if r.get("action", "").strip().lower() == "failed"), None)
    if chosen is None and recipients:
        chosen = recipients[0]
    status = action = None
    if chosen is not None:
        status_match = _STATUS.search(chosen.get("status", ""))
        status = status_match.group(1) if status_match else None
        action = _keyword(chosen.get("action", "")) or None
    # Some MTAs put Original-Message-ID in the report fields; the reliable source is the returned
    # headers of the original message (RFC 3464 section 2, third part).
    original = _first_id(per_message.get("original-message-id"))
    if original is None:
        original = next((_first_id(_raw_get(h, "Message-ID")) for h in _returned_headers(msg)), None)
    return BounceReport(original_message_id=original, status=status, action=action)


def heuristic_bounce(f: MailFacts) -> BounceReport:
    """A best-effort report for bounces that are not RFC 3464: ids and status codes quoted anywhere."""
    original = next((_first_id(_raw_get(h, "Message-ID")) for h in _returned_headers(f.msg)), None)
    if original is None:
        match = _QUOTED_MESSAGE_ID.search(f.text)
        original = match.group(1) if match else None
    status_match = _STATUS.search(f.text)
    status = status_match.group(1) if status_match else None
    action = "failed" if status is not None and status.startswith("5") else None
    return BounceReport(original_message_id=original, status=status, action=action)
