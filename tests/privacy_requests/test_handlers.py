"""Officer actions and the other handlers: extension, rectification, restriction, complaint, refusal,
marking by hand, the append-only log, and the daily reminder."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, update

from models import (
    AppendOnlyError,
    Customer,
    OutboxEntry,
    PrivacyAudit,
    PrivacyRequest,
    RequestState,
    Restriction,
    Role,
    Ticket,
)
from privacy import deadline
from privacy.reminders import send_reminders
from privacy.workflow import TransitionError
from tests.privacy_requests.conftest import CUSTOMER_MAIL, Desk, code_of
from tickets import accounts
from tickets.guards import active_restriction

RECTIFY = "Mijn adres klopt niet meer in jullie administratie, wilt u mijn gegevens corrigeren?"
RESTRICT_AND_ACCESS = "Hello, I would like a copy of all personal data you hold about me (GDPR article 15)."


def verify(d: Desk) -> None:
    mail = d.code_mail()
    d.mail(code_of(mail), subject="Re: code", in_reply_to=(mail["message_id"],))


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


def test_complaint_is_recorded_and_the_answer_names_the_supervisory_authority(desk: Desk) -> None:
    desk.mail("Ik wil een klacht indienen over hoe jullie met mijn gegevens omgaan.", sender="iemand@example.com")
    req = desk.request()
    assert req.types == ["complaint"] and req.state == RequestState.FULFILLED
    answer = desk.outbox()[-1]
    assert answer["to"] == "iemand@example.com" and "Autoriteit Persoonsgegevens" in answer["text"]
    assert answer["lang"] == "nl" and "klacht" in answer["text"]


def test_refusal_tells_the_reason_and_the_remedies(desk: Desk) -> None:
    desk.mail(RESTRICT_AND_ACCESS)
    req = desk.request()
    with desk.store.writing() as s:
        desk.desk.refuse(s, req.id, "agent:officer", "The same request was answered last week.")
    assert desk.request().state == RequestState.REFUSED
    assert "answered last week" in desk.outbox()[-1]["text"]
    with desk.store.writing() as s, pytest.raises(TransitionError):
        desk.desk.refuse(s, req.id, "agent:officer", "twice")


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


def test_daily_reminder_to_privacy_officers_once_a_day(desk: Desk) -> None:
    with desk.store.writing() as s:
        officer = accounts.add_agent(s, "olga", "correct horse battery", role=Role.PRIVACY_OFFICER,
                                     email="Olga@Dommelhost.test")
        accounts.add_agent(s, "anna", "correct horse battery", email="anna@dommelhost.test")
        assert officer.id
    desk.mail(RESTRICT_AND_ACCESS)
    req = desk.request()
    texts = desk.desk.texts
    # Far from the deadline: nothing.
    assert send_reminders(desk.store, desk.desk.config, texts, on=req.due_on - timedelta(days=20)) == 0
    # Within 7 days: one mail to the officer only, then not again the same day.
    day = req.due_on - timedelta(days=3)
    assert send_reminders(desk.store, desk.desk.config, texts, on=day) == 1
    assert send_reminders(desk.store, desk.desk.config, texts, on=day) == 0
    with desk.store.reading() as s:
        reminders = [e.payload for e in s.scalars(select(OutboxEntry).where(OutboxEntry.kind == "privacy_reminder"))]
    assert [r["to"] for r in reminders] == ["olga@dommelhost.test"]
    assert f"request {req.id}" in reminders[0]["text"] and "OVERDUE" not in reminders[0]["text"]
    # The next day again; after the deadline it is marked overdue.
    assert send_reminders(desk.store, desk.desk.config, texts, on=req.due_on + timedelta(days=1)) == 1
    with desk.store.reading() as s:
        last = s.scalars(select(OutboxEntry).where(OutboxEntry.kind == "privacy_reminder")
                         .order_by(OutboxEntry.id.desc())).first()
        assert last is not None and "OVERDUE" in last.payload["text"]


def test_due_date_is_set_from_receipt(desk: Desk) -> None:
    desk.mail(RESTRICT_AND_ACCESS)
    req = desk.request()
    assert req.first_due_on == deadline.first_deadline(deadline.received_on(req.received_at))
    assert req.due_on >= date.today() + timedelta(days=27)


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
    with desk.store.writing() as s:
        found = desk.desk.download(s, token)
    assert found is not None and len(found[0]) > 200
    req = desk.request()
    assert req.state == RequestState.FULFILLED
    with desk.store.reading() as s:
        assert s.get(Customer, desk.customer_id) is None


def test_linked_telegram_chat_gets_the_code_at_the_email_on_file(desk: Desk) -> None:
    from intake.message import InboundMessage
    from models import Channel
    from tickets import store as ticket_store

    with desk.store.writing() as s:
        contact = ticket_store.get_or_create_contact(s, "telegram", "555001")
        contact.customer_id = desk.customer_id  # linked with /link earlier

    def chat(text: str, n: int) -> None:
        outcome = desk.intake.submit(InboundMessage(channel=Channel.TELEGRAM, external_id=f"555001:{n}",
                                                    sender="555001", text=text))
        assert outcome.status == "stored"

    chat("Please delete all my personal data under article 17 GDPR.", 1)
    req = desk.request()
    assert req.channel == "telegram" and req.state == RequestState.VERIFICATION_SENT
    code_mail = desk.code_mail()
    assert code_mail["to"] == CUSTOMER_MAIL and code_mail["_channel"] == "email"
    chat(f"code {code_of(code_mail)}", 2)  # typed back in the chat: threads into the chat's open ticket
    assert desk.request().state == RequestState.FULFILLED


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
    with desk.store.writing() as s:
        found = desk.desk.download(s, token)
    assert found is not None
    with desk.store.reading() as s:
        assert s.scalar(select(func.count(Ticket.id))) == 0
        assert s.scalar(select(func.count(Message.id))) == 0
