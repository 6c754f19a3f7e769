"""Intake's output is byte-identical across performance work (issue 19): the golden file pins it.

Every e-mail fixture and a set of support mails (the SMTP bench's bodies, display names, subjects and
attachment names and texts with personal data) goes through ``Intake.submit`` with the real scrubber;
the stored subject, text, sender name, redaction counts and attachments, and the entities ``prepare``
found (type, offsets, action, score, recognizer), must equal ``golden/intake_outputs.json``. The file
was generated from the code before the issue 19 changes (commit it first, then change the code);
regenerate it only for a deliberate change of output: ``SCRUBDESK_REGEN_GOLDEN=1 pytest <this file>``.
"""

from __future__ import annotations

import json
import os
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from sqlalchemy import select

from intake.mail.parse import parse_email, to_inbound
from intake.message import InboundMessage
from intake.pipeline import Intake, IntakeLimits, prepare
from models import Attachment, Message
from scrubber import Analysis
from scrubber.engine import Scrubber
from tickets.store import TicketStore

MAIL = Path(__file__).resolve().parent.parent / "fixtures" / "mail"
GOLDEN = Path(__file__).resolve().parent / "golden" / "intake_outputs.json"

BODIES = [
    "Goedemorgen,\n\nSinds gisteren kan ik niet inloggen op mijn.voorbeeld.nl. Mijn klantnummer is {n}.\n"
    "Bel me gerust op 06-4182{n:04d}.\n\nMet vriendelijke groet,\nMarieke Hoogendoorn\n",
    "Hi,\n\nPlease refund invoice F2024-{n:05d} to NL91 ABNA 0417 1643 00. My password Zomer2024! no longer"
    " works.\n\nThanks,\nHannah Pryce\n+44 7700 900{n:03d}\n",
    "Hoi, met sanne van der berg. mijn BSN is 111222333, adres Kerkstraat 12, 5038 AB Tilburg. "
    "Kunnen jullie de DNS van bakkerij-jansen.nl naar 185.107.56.21 zetten? " * 3,
    "Dear team,\n\nMy passphrase is coffee dragon apple window and my token ghp_a8F3kL0qZ9xW2mN7pR4tY6uV1bC5dE8fG0hJ."
    "\n\nSend the parcel to 221B Baker Street, London NW1 6XE, United Kingdom.\n\n> Op 3 maart schreef Piet Jansen"
    " <piet@voorbeeld.nl>:\n> Uw IBAN NL02ABNA0123456789 is gewijzigd.\n\nKind regards,\nOliver Bennett\n",
]
NAMES = ["Marieke Hoogendoorn", "Hannah Pryce", "sanne van der berg", "Support Team", ""]
SUBJECTS = ["Vraag {n}", "Re: factuur F2024-{n:05d} BSN 111222333", "Wachtwoord Zomer2024! werkt niet",
            "[Ticket #{n}] bel 06-12345678"]
FILES = [("paspoort_jan_de_vries.jpg.txt", "Jan de Vries, geboren 12-03-1980, BSN 111222333\n"),
         ("factuur-2024-0012.txt", "Factuur 2024-0012 voor klant 48213, IBAN NL91 ABNA 0417 1643 00\n"),
         ("notes-111222333.txt", "Bel Hannah Pryce op +44 7700 900123 of mail hannah@example.co.uk\n")]


def _composed(n: int) -> bytes:
    msg = EmailMessage()
    name = NAMES[n % len(NAMES)]
    address = f"klant{n}@example.nl"
    msg["From"] = f"{name} <{address}>" if name else address
    msg["To"], msg["Message-ID"] = "support@bench.test", f"<golden-{n}@bench.test>"
    msg["Subject"] = SUBJECTS[n % len(SUBJECTS)].format(n=n)
    msg.set_content(BODIES[n % len(BODIES)].format(n=n))
    if n % 3 == 0:
        filename, text = FILES[(n // 3) % len(FILES)]
        msg.add_attachment(text.encode(), maintype="text", subtype="plain", filename=filename)
    return msg.as_bytes()


def _messages() -> list[tuple[str, InboundMessage]]:
    raws = [(path.name, path.read_bytes()) for path in sorted(MAIL.glob("*.eml"))]
    raws += [(f"composed-{n}", _composed(n)) for n in range(12)]
    return [(name, to_inbound(parse_email(raw), raw)) for name, raw in raws]


def _entities(analysis: Analysis | None) -> list[list[Any]] | None:
    if analysis is None:
        return None
    return [[analysis.lang]] + [[e.type, e.start, e.end, e.action, e.score, e.recognizer] for e in analysis.entities]


def _prepared(msg: InboundMessage, scrubber: Any) -> dict[str, Any]:
    prep = prepare(msg, scrubber, IntakeLimits())
    return {
        "subject": _entities(prep.subject_analysis),
        "text": _entities(prep.text_analysis),
        "sender_name": _entities(prep.sender_name[1]) if prep.sender_name else None,
        "attachments": [[_entities(a.filename_analysis), _entities(a.text_analysis)] for a in prep.attachments],
    }


def _outputs(ticket_store: TicketStore, scrubber: Any) -> dict[str, Any]:
    intake = Intake(ticket_store, scrubber)
    out: dict[str, Any] = {}
    try:
        for name, msg in _messages():
            entities = _prepared(msg, scrubber)
            outcome = intake.submit(msg)
            entry: dict[str, Any] = {"status": outcome.status, "entities": entities}
            if outcome.message_id is not None and outcome.status == "stored":
                with ticket_store.reading() as s:
                    stored = s.get(Message, outcome.message_id)
                    assert stored is not None
                    rows = s.scalars(select(Attachment).where(Attachment.message_id == stored.id)
                                     .order_by(Attachment.id)).all()
                    entry |= {
                        "subject": stored.subject, "text": stored.text, "sender_name": stored.sender_name,
                        "redactions": stored.redactions, "lang": stored.lang,
                        "attachments": [[a.filename, a.content_type, a.note,
                                         a.content.decode() if a.content and a.content_type.startswith("text/")
                                         else None] for a in rows],
                    }
            out[name] = entry
    finally:
        intake.close()
    return out


def test_stored_text_subject_and_placeholders_equal_the_golden_file(ticket_store: TicketStore,
                                                                    real_scrubber: Scrubber) -> None:
    got = json.loads(json.dumps(_outputs(ticket_store, real_scrubber), ensure_ascii=False, sort_keys=True))
    if os.environ.get("SCRUBDESK_REGEN_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(got, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert set(got) == set(want)
    for name in want:
        assert got[name] == want[name], name
    # the set exercises what the file is for: placeholders in subjects, texts, sender names and attachments
    stored = [v for v in want.values() if v["status"] == "stored"]
    assert sum("<" in (v["subject"] or "") for v in stored) >= 3
    assert sum(v["sender_name"] == "<PERSON_1>" for v in stored) >= 2
    assert any("<" in (a[0] or "") or "<" in (a[3] or "") for v in stored for a in v["attachments"])
