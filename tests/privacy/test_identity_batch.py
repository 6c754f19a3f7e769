"""Verification codes in intake's group commit (issue 19): a batch asks once whether any request awaits a
code instead of once per short message with six digits, and a request that starts waiting inside the batch
is still found by a code that a later message of the same batch carries."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from intake.message import InboundMessage
from models import Channel, PrivacyAudit, migrate
from models.db import make_engine
from tests.privacy.conftest import CUSTOMER_MAIL, Desk, open_desk
from tests.support.writer_batches import write_in_batches
from tickets.store import TicketStore

ACCESS = "Hello, I would like a copy of all personal data you hold about me (GDPR article 15)."


def _mail(n: int, text: str, sender: str = CUSTOMER_MAIL) -> InboundMessage:
    return InboundMessage(channel=Channel.EMAIL, external_id=f"<c{n}@example.nl>", sender=sender, text=text,
                          subject=f"Vraag {n}")


def _actions(d: Desk) -> list[tuple[str, str]]:
    with d.store.reading() as session:
        return [(a.actor, a.action) for a in session.scalars(select(PrivacyAudit).order_by(PrivacyAudit.id))]


def test_a_batch_without_requests_awaiting_a_code_asks_once(desk: Desk) -> None:
    messages = [_mail(n, f"Code: 12345{n}", sender=f"klant{n}@example.nl") for n in range(4)]
    try:
        _, statements = write_in_batches(desk.intake, messages, 4)
    finally:
        desk.intake.close()
    assert statements["SELECT privacy_requests"] == 1
    assert _actions(desk) == []


def _request_then_code(d: Desk, batch: int) -> list[tuple[str, str]]:
    d.desk.config.auto_fulfil = []
    # A stranger's code while no request waits (the batch learns that none does), the request (a code goes
    # out), then the requester's own short mail with a code: checked against the request that started
    # waiting for it in the same batch.
    messages = [_mail(1, "Code: 654321", sender="iemand@example.org"), _mail(2, ACCESS), _mail(3, "Code: 000000")]
    try:
        write_in_batches(d.intake, messages, batch)
    finally:
        d.intake.close()
    return _actions(d)


def test_a_code_in_the_same_batch_as_its_request_is_checked(desk: Desk, tmp_path: Any) -> None:
    batched = _request_then_code(desk, 3)
    assert ("system", "code_sent") in batched
    assert batched[-1] in {("requester", "code_rejected"), ("requester", "verified")}
    reference = TicketStore(make_engine(f"sqlite:///{tmp_path / 'reference.sqlite3'}"))
    migrate.upgrade(reference.engine)
    try:
        alone = _request_then_code(open_desk(reference), 1)
    finally:
        reference.engine.dispose()
    assert batched == alone
