"""An attached mail (.eml, message/rfc822) as text: headers, body and its own attachments' text.

A forwarded original carries the same personal data as a body, often more (the full headers of a
third party's mail), so it takes the same path: ``intake.mail.parse`` reads its headers and body,
and what it carries is read by ``intake.attachments.process`` again; the whole becomes one text that
the pipeline scrubs. Its raw source, with base64 parts and addresses in clear, is never kept.
Nesting is bounded (``AttachmentPolicy.mail_depth``): a mail attached to itself a thousand times
costs no more than a few levels.

Only the mail's own attachments are walked here (``iter_attachments``, RFC 2046 section 5.1: the
direct parts of the multipart), so a part inside a mail inside this mail is read once, at its own
depth, not again at every level above it.
"""

from __future__ import annotations

import email
import logging
from collections.abc import Callable, Iterator
from email import policy
from email.message import EmailMessage, Message

from intake.mail.parse import parse_email
from intake.message import InboundAttachment

log = logging.getLogger(__name__)

_HEADERS = ("From", "To", "Cc", "Date", "Subject")

# Reads one attachment of the attached mail at the next depth: its text or a one-line description.
PartReader = Callable[[InboundAttachment, int], str]


def mail_text(data: bytes, depth: int, max_depth: int, read_part: PartReader) -> str:
    parsed = parse_email(data)
    sender = parsed.from_addr or ""
    values = {
        "From": f"{parsed.from_name} <{sender}>" if parsed.from_name and sender else sender,
        "To": ", ".join(parsed.to),
        "Cc": ", ".join(parsed.cc),
        "Date": parsed.date.isoformat() if parsed.date else "",
        "Subject": parsed.subject,
    }
    lines = [f"{name}: {values[name]}" for name in _HEADERS if values[name]]
    out = "\n".join(lines) + ("\n\n" + parsed.text if parsed.text else "")
    for part in _direct_attachments(data):
        name = part.filename or "(unnamed)"
        if depth >= max_depth:
            out += f"\n\n--- Attachment: {name} (not read: nested too deep) ---"
            continue
        out += f"\n\n--- Attachment: {name} ---\n{read_part(part, depth + 1)}"
    return out


def _direct_attachments(data: bytes) -> Iterator[InboundAttachment]:
    msg = email.message_from_bytes(data, policy=policy.default)
    if not isinstance(msg, EmailMessage) or not msg.is_multipart():
        return
    try:
        parts = list(msg.iter_attachments())
    except Exception as exc:  # a malformed structure: the body text is still read by parse_email
        log.info("attached mail: parts not readable (%s)", type(exc).__name__)
        return
    for part in parts:
        yield InboundAttachment(part.get_filename(), part.get_content_type(), _part_bytes(part))


def _part_bytes(part: Message) -> bytes:
    if part.get_content_type() in ("message/rfc822", "message/global"):
        inner = part.get_payload()
        if isinstance(inner, list) and inner and isinstance(inner[0], Message):
            return inner[0].as_bytes(policy=policy.default)
        return b""
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""
