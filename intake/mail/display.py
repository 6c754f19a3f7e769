"""What ``scrubdesk mail parse FILE [--json]`` prints of a parsed mail: the JSON, or a short summary."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # parse imports this module for its CLI
    from intake.mail.parse import ParsedMail


def parsed_to_json(parsed: ParsedMail) -> dict[str, Any]:
    """The JSON shape printed by ``scrubdesk mail parse FILE.eml --json``."""
    bounce = None
    if parsed.bounce is not None:
        bounce = {
            "original_message_id": parsed.bounce.original_message_id,
            "status": parsed.bounce.status,
            "action": parsed.bounce.action,
        }
    return {
        "message_id": parsed.message_id,
        "in_reply_to": list(parsed.in_reply_to),
        "references": list(parsed.references),
        "from": parsed.from_addr,
        "to": list(parsed.to),
        "cc": list(parsed.cc),
        "subject": parsed.subject,
        "text": parsed.text,
        "auto_submitted": parsed.auto_submitted,
        "bounce": bounce,
        "attachments": [
            {
                "filename": a.filename,
                "content_type": a.content_type,
                "size": len(a.data),
                "sha256": hashlib.sha256(a.data).hexdigest(),
            }
            for a in parsed.attachments
        ],
        "notes": list(parsed.notes),
    }


_SUMMARY_TEXT_CHARS = 2000


def parsed_summary(parsed: ParsedMail) -> str:
    """A short human-readable account of what intake reads (``scrubdesk mail parse FILE`` without --json)."""
    sender = f"{parsed.from_name} <{parsed.from_addr}>" if parsed.from_name else (parsed.from_addr or "(none)")
    lines = [
        f"From: {parsed.from_addr or '(none)'}" + (f"  ({sender})" if parsed.from_name else ""),
        f"To: {', '.join(parsed.to + parsed.cc) or '(none)'}",
        f"Subject: {parsed.subject or '(none)'}",
        f"Date: {parsed.date.isoformat() if parsed.date else '(none)'}",
        f"Message-ID: {parsed.message_id or '(none)'}",
    ]
    if parsed.auto_submitted:
        bounce = f", bounce {parsed.bounce.status or '?'}" if parsed.bounce else ""
        lines.append(f"Automatic: {parsed.auto_reason}{bounce}")
    lines.append(f"Attachments: {len(parsed.attachments) or 'none'}")
    for a in parsed.attachments:
        lines.append(f"  - {a.filename or '(unnamed)'} ({a.content_type}, {len(a.data)} bytes)")
    if parsed.notes:
        lines.append("Notes: " + "; ".join(parsed.notes))
    text = parsed.text if len(parsed.text) <= _SUMMARY_TEXT_CHARS else parsed.text[:_SUMMARY_TEXT_CHARS] + " [...]"
    lines += ["", text]
    return "\n".join(lines)
