"""The desk (privacy.desk): a complaint handled at once, marking a ticket by hand, the due date, and the
append-only request log."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from models import AppendOnlyError, PrivacyAudit, RequestState, Ticket
from privacy import deadline
from tests.privacy.conftest import RESTRICT_AND_ACCESS, Desk


def test_complaint_is_recorded_and_the_answer_names_the_supervisory_authority(desk: Desk) -> None:
    desk.mail("Ik wil een klacht indienen over hoe jullie met mijn gegevens omgaan.", sender="iemand@example.com")
    req = desk.request()
    assert req.types == ["complaint"] and req.state == RequestState.FULFILLED
    answer = desk.outbox()[-1]
    assert answer["to"] == "iemand@example.com" and "Autoriteit Persoonsgegevens" in answer["text"]
    assert answer["lang"] == "nl" and "klacht" in answer["text"]


def test_agent_marks_and_unmarks_a_ticket_by_hand(desk: Desk) -> None:
    outcome = desk.mail("Kunnen jullie zorgen dat ik nergens meer in sta?")  # not recognised
    assert outcome.privacy_labels == ()
    assert outcome.ticket_number is not None
    with desk.store.writing() as s:
        req = desk.desk.mark(s, outcome.ticket_number, ["erasure"], "agent:anna")
        request_id = req.id
    req = desk.request()
    assert req.source == "manual" and req.state == RequestState.VERIFICATION_SENT
    with desk.store.writing() as s:
        desk.desk.withdraw(s, request_id, "agent:anna", unmark=True)
    with desk.store.reading() as s:
        log = list(s.scalars(select(PrivacyAudit).where(PrivacyAudit.request_id == request_id)))
        assert s.get(Ticket, outcome.ticket_id) is not None  # the ticket stays a normal ticket
    assert (log[0].actor, log[0].action) == ("agent:anna", "opened")
    assert (log[-1].action, log[-1].to_state) == ("unmarked", "withdrawn")


def test_the_request_log_is_append_only(desk: Desk) -> None:
    desk.mail(RESTRICT_AND_ACCESS)
    with pytest.raises(AppendOnlyError), desk.store.writing() as s:
        entry = s.scalars(select(PrivacyAudit)).first()
        assert entry is not None
        entry.actor = "someone else"
    with pytest.raises(AppendOnlyError), desk.store.writing() as s:
        s.delete(s.scalars(select(PrivacyAudit)).first())
    with desk.store.reading() as s:
        assert s.scalars(select(PrivacyAudit)).first().actor == "system"  # type: ignore[union-attr]


def test_due_date_is_set_from_receipt(desk: Desk) -> None:
    desk.mail(RESTRICT_AND_ACCESS)
    req = desk.request()
    assert req.first_due_on == deadline.first_deadline(deadline.received_on(req.received_at))
    assert req.due_on >= date.today() + timedelta(days=27)
