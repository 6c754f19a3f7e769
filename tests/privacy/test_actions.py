"""The privacy officer's actions (privacy.actions): rectification on approval, extension, restriction and
its lifting, refusal, and the export download that an erasure in the same request waits for."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from models import Customer, PrivacyAudit, PrivacyRequest, RequestState, Restriction, Ticket
from privacy import deadline
from privacy.workflow import TransitionError
from tests.privacy.conftest import CUSTOMER_MAIL, RESTRICT_AND_ACCESS, Desk, approve, verify
from tickets.guards import active_restriction

RECTIFY = "Mijn adres klopt niet meer in jullie administratie, wilt u mijn gegevens corrigeren?"


def test_rectification_waits_for_an_agent_and_is_applied_on_approval(desk: Desk) -> None:
    desk.mail(RECTIFY)
    verify(desk)
    req = desk.request()
    assert req.state == RequestState.VERIFIED  # rectification is not carried out automatically
    with desk.store.writing() as s:
        desk.desk.run(s, req.id, "agent:anna")
    assert desk.request().state == RequestState.IN_PROGRESS
    with desk.store.writing() as s:
        desk.desk.propose_rectification(s, req.id, "agent:anna", {"address": "Dorpsstraat 1, Breda", "bogus": "x"})
        desk.desk.approve_rectification(s, req.id, "agent:piet")
    with desk.store.reading() as s:
        assert s.get(Customer, desk.customer_id).address == "Dorpsstraat 1, Breda"  # type: ignore[union-attr]
        actions = [a.action for a in s.scalars(select(PrivacyAudit).where(PrivacyAudit.request_id == req.id))]
    assert desk.request().state == RequestState.FULFILLED
    assert actions.index("rectification_proposed") < actions.index("rectified")
    assert "gecorrigeerd" in desk.outbox()[-1]["text"]


def test_extension_only_before_the_first_deadline_and_with_a_reasoned_notice(desk: Desk) -> None:
    desk.mail(RESTRICT_AND_ACCESS)
    req = desk.request()
    assert req.due_on == deadline.first_deadline(deadline.received_on(req.received_at))
    with desk.store.writing() as s, pytest.raises(TransitionError):
        desk.desk.extend(s, req.id, "agent:officer", "too short")
    with desk.store.writing() as s:
        desk.desk.extend(s, req.id, "agent:officer", "Your data is spread over several archived systems.")
    extended = desk.request()
    assert extended.due_on == deadline.extended_deadline(deadline.received_on(req.received_at))
    notice = desk.outbox()[-1]
    assert notice["to"] == CUSTOMER_MAIL and "archived systems" in notice["text"]
    assert extended.due_on.isoformat() in notice["text"] and extended.first_due_on.isoformat() in notice["text"]
    with desk.store.writing() as s, pytest.raises(TransitionError):
        desk.desk.extend(s, req.id, "agent:officer", "A second extension is not allowed.")


def test_no_extension_after_the_first_deadline(desk: Desk) -> None:
    desk.mail(RESTRICT_AND_ACCESS)
    req = desk.request()
    with desk.store.writing() as s:
        s.execute(update(PrivacyRequest).values(first_due_on=deadline.today() - timedelta(days=1)))
    with desk.store.writing() as s, pytest.raises(TransitionError):
        desk.desk.extend(s, req.id, "agent:officer", "Too late for an extension now.")


def test_restriction_flags_the_customer_and_lifting_needs_notice_first(desk: Desk) -> None:
    desk.mail("Please restrict the processing of my personal data (article 18 GDPR) while you check it.")
    assert desk.request().types == ["restriction"]
    verify(desk)
    assert desk.request().state == RequestState.VERIFIED  # waits for the officer
    approve(desk)
    req = desk.request()
    assert req.state == RequestState.FULFILLED
    with desk.store.reading() as s:
        ticket = s.get(Ticket, req.ticket_id)
        assert ticket is not None
        assert active_restriction(s, ticket.customer_id) is not None
    with desk.store.writing() as s, pytest.raises(TransitionError):
        desk.desk.lift(s, req.id, "agent:officer")
    with desk.store.writing() as s:
        desk.desk.announce_lift(s, req.id, "agent:officer", deadline.today().isoformat(), "The check is complete.")
    assert "article 18(3)" in desk.outbox()[-1]["text"] or "artikel 18 lid 3" in desk.outbox()[-1]["text"]
    with desk.store.writing() as s:
        desk.desk.lift(s, req.id, "agent:officer")
    with desk.store.reading() as s:
        assert active_restriction(s, desk.customer_id) is None
        assert s.scalars(select(Restriction)).one().lifted_at is not None


def test_refusal_tells_the_reason_and_the_remedies(desk: Desk) -> None:
    desk.mail(RESTRICT_AND_ACCESS)
    req = desk.request()
    with desk.store.writing() as s:
        desk.desk.refuse(s, req.id, "agent:officer", "The same request was answered last week.")
    assert desk.request().state == RequestState.REFUSED
    assert "answered last week" in desk.outbox()[-1]["text"]
    with desk.store.writing() as s, pytest.raises(TransitionError):
        desk.desk.refuse(s, req.id, "agent:officer", "twice")


def test_access_and_erasure_together_erase_only_after_the_download(desk: Desk) -> None:
    desk.mail("Please send me a copy of all personal data you hold about me (article 15 GDPR) and then delete "
              "all my personal data under article 17 GDPR.")
    req = desk.request()
    assert set(req.types) == {"access", "erasure"}
    verify(desk)
    req = desk.request()
    assert req.state == RequestState.IN_PROGRESS and req.details["done"] == ["access"]
    with desk.store.reading() as s:
        assert s.get(Customer, desk.customer_id) is not None
    token = desk.outbox()[-1]["text"].split("/privacy/download/")[1].split()[0]
    approve(desk)  # approved, but the erasure still waits for the download
    assert desk.request().state == RequestState.IN_PROGRESS
    with desk.store.writing() as s:
        found = desk.desk.download(s, token)
    assert found is not None and len(found[0]) > 200
    req = desk.request()
    assert req.state == RequestState.FULFILLED
    with desk.store.reading() as s:
        assert s.get(Customer, desk.customer_id) is None


def test_export_and_erasure_of_a_customer_with_over_a_thousand_tickets(desk: Desk) -> None:
    """A customer with many tickets must not produce a statement too large for the database."""
    from datetime import UTC, datetime

    from models import Direction, Message
    from tickets import store as ticket_store
    from tickets.replies import operator_text

    with desk.store.writing() as s:
        contact = ticket_store.get_or_create_contact(s, "email", CUSTOMER_MAIL)
        now = datetime.now(UTC)
        for i in range(1100):
            t = ticket_store.open_ticket(s, channel="email", contact=contact, lang="en", at=now)
            ticket_store.add_message(s, t, direction=Direction.IN, channel="email", external_id=f"bulk{i}@t",
                                     text=operator_text("question"), subject=None, contact=contact, lang="en",
                                     redactions={}, received_at=now)
    desk.mail("Please send me a copy of all personal data you hold about me (article 15 GDPR) and then delete "
              "all my personal data under article 17 GDPR.")
    verify(desk)
    token = desk.outbox()[-1]["text"].split("/privacy/download/")[1].split()[0]
    approve(desk)
    with desk.store.writing() as s:
        found = desk.desk.download(s, token)
    assert found is not None
    with desk.store.reading() as s:
        assert s.scalar(select(func.count(Ticket.id))) == 0
        assert s.scalar(select(func.count(Message.id))) == 0
