"""Issue 15, finding 5 (file names): a number glued into a file name no longer survives.

``notes-111222333.txt`` was stored as sent: the scrubber's word boundaries do not split on ``-``/``_``.
File names are now deny-by-default for identifiers: the stem is split into words before scrubbing, and
any run of 7+ digits or any token mixing letters and 6+ digits becomes a placeholder, unless the
scrubber recognises it as a number the policy keeps (an invoice number) that does not read as a
stripped value on its own.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from intake.message import InboundAttachment, InboundMessage
from intake.pipeline import Intake
from models import Attachment, Channel
from scrubber.types import MemoryBook
from tests.support.fakes import FakeScrubber
from tickets.store import TicketStore


def _scrubbed(scrubber, name: str) -> str:  # type: ignore[no-untyped-def]
    from intake.filenames import prepare_filename

    masked, analysis = prepare_filename(name, scrubber.analyze, "nl")
    return str(scrubber.redact(masked, analysis, MemoryBook()))


@pytest.mark.parametrize(
    ("name", "stored"),
    [
        ("notes-111222333.txt", "notes-<NATIONAL_ID_1>.txt"),
        ("paspoort_jan_de_vries.jpg", "paspoort_<PERSON_1>.jpg"),
        ("scan 1985-03-03 NL91ABNA0417164300.pdf", "scan <NUMBER> <IBAN_1>.pdf"),
        ("PaspoortJanDeVries.jpg", "Paspoort<PERSON_1>.jpg"),
        ("bsn111222333.pdf", "<NUMBER_1>.pdf"),  # the scrubber itself denies the run now (issue 16)
        ("kopie-0612345678_id.png", "kopie-<PHONE_NUMBER_1>_id.png"),
        ("factuur-111222333.pdf", "factuur-<NATIONAL_ID_1>.pdf"),
        # kept: nothing that identifies a person
        ("factuur-2024-0012.pdf", "factuur-2024-0012.pdf"),
        ("screenshot.png", "screenshot.png"),
        ("IMG_1234.JPG", "IMG_1234.JPG"),
        ("wp-config.php", "wp-config.php"),
        ("error_log.txt", "error_log.txt"),
        ("backup-2024.tar.gz", "backup-2024.tar.gz"),
    ],
)
def test_file_names_with_the_real_scrubber(real_scrubber, name: str, stored: str) -> None:  # type: ignore[no-untyped-def]
    assert _scrubbed(real_scrubber, name) == stored


def test_digit_rule_without_any_recogniser() -> None:
    class Blind(FakeScrubber):
        def analyze(self, text: str, lang: str | None = None):  # type: ignore[no-untyped-def]
            return super().analyze("", lang)

    scrubber = Blind()
    assert _scrubbed(scrubber, "notes-111222333.txt") == "notes-<NUMBER>.txt"
    assert _scrubbed(scrubber, "scan 123 456 782.pdf") == "scan <NUMBER>.pdf"
    assert _scrubbed(scrubber, "id_AB1234567.jpg") == "id_<NUMBER>.jpg"
    assert _scrubbed(scrubber, "IMG_1234.JPG") == "IMG_1234.JPG"
    assert _scrubbed(scrubber, "123456.txt") == "123456.txt"  # six digits: below the rule
    assert _scrubbed(scrubber, "1234567") == "<NUMBER>"


def test_stored_attachment_names_are_scrubbed(ticket_store: TicketStore, real_scrubber) -> None:  # type: ignore[no-untyped-def]
    names = ("notes-111222333.txt", "paspoort_jan_de_vries.jpg", "scan 1985-03-03 NL91ABNA0417164300.pdf")
    msg = InboundMessage(channel=Channel.EMAIL, external_id="fn@x", sender="a@example.nl", text="zie bijlagen",
                         subject="notities",
                         attachments=tuple(InboundAttachment(n, "application/octet-stream", b"x") for n in names))
    out = Intake(ticket_store, real_scrubber).submit(msg)
    with ticket_store.reading() as s:
        stored = set(s.scalars(select(Attachment.filename).where(Attachment.message_id == out.message_id)))
    assert stored == {"notes-<NATIONAL_ID_1>.txt", "paspoort_<PERSON_1>.jpg", "scan <NUMBER> <IBAN_1>.pdf"}
