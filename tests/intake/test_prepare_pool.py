"""The CPU-bound half of intake in worker processes gives the same stored message as in threads."""

from __future__ import annotations

from intake.message import InboundMessage
from intake.pipeline import Intake, IntakeLimits
from intake.prepare_pool import ProcessPreparePool
from models import Channel, Message
from scrubber.config import ScrubberConfig
from tickets.store import TicketStore


def test_a_message_prepared_in_a_worker_process_is_stored_scrubbed(ticket_store: TicketStore, real_scrubber) -> None:  # type: ignore[no-untyped-def]
    pool = ProcessPreparePool(ScrubberConfig(), IntakeLimits(), processes=1)
    intake = Intake(ticket_store, real_scrubber, prepare_pool=pool)
    try:
        msg = InboundMessage(channel=Channel.EMAIL, external_id="pool-1@x", sender="jan@example.nl",
                             subject="Verwijder mijn gegevens",
                             text="Beste support, mijn IBAN is NL91 ABNA 0417 1643 00. Verwijder al mijn "
                                  "persoonsgegevens alstublieft.\n\nJan de Vries")
        out = intake.submit(msg)
    finally:
        intake.close()
    assert out.status == "stored" and "erasure" in out.privacy_labels
    with ticket_store.reading() as s:
        stored = s.get(Message, out.message_id)
        assert stored is not None and "NL91" not in stored.text and "<IBAN_1>" in stored.text
