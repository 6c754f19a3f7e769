"""An officer in the loop (issue 18): erasure and restriction wait for approval, the open tickets are shown
with their assignees and stay until the officer decides, the confirmation goes out after the last task,
tasks have an owner and can be undone, four-eyes rectification, possible requests confirmed or dismissed,
lockouts explained, and Dutch requesters get Dutch mails."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from intake.message import InboundMessage
from models import Agent, Channel, Customer, ExternalTask, RequestState, Role, Ticket
from models.privacy import PrivacyTriage, TriageState
from privacy import approval, deadline
from privacy.config import ExternalSystem
from privacy.workflow import TransitionError
from tests.privacy.conftest import CUSTOMER_MAIL, Desk, approve, code_of, verify

ERASE = "Beste,\n\nIk wil dat jullie al mijn persoonsgegevens verwijderen (art. 17 AVG).\n\nGroet, Marieke"
TWO_SYSTEMS = [ExternalSystem(name="billing", name_nl="facturatie", instruction="Erase in billing."),
               ExternalSystem(name="newsletter", name_nl="nieuwsbrief", instruction="Remove from the list.")]


def open_tasks(desk: Desk) -> list[ExternalTask]:
    with desk.store.reading() as s:
        return approval.open_tasks(s, desk.request())


def test_erasure_waits_for_approval_and_keeps_the_open_tickets_the_officer_keeps(desk: Desk) -> None:
    desk.desk.config.external_systems = TWO_SYSTEMS
    other = desk.mail("Mijn website is traag sinds gisteren.", subject="Website traag")
    with desk.store.writing() as s:
        agent = Agent(username="anna", display_name="Anna de Vries", role=Role.AGENT, password_hash="x")
        s.add(agent)
        s.flush()
        s.get(Ticket, other.ticket_id).assignee_id = agent.id  # type: ignore[union-attr]
    desk.mail(ERASE, subject="Verwijder mijn gegevens")
    verify(desk)
    req = desk.request()
    assert req.state == RequestState.VERIFIED and req.details["awaiting"] == "approval"
    with desk.store.reading() as s:
        assert s.get(Customer, desk.customer_id) is not None  # nothing erased before the approval
        shown = approval.open_tickets(s, req)
    assert {t.id for t in shown} == {other.ticket_id, req.ticket_id}
    assert [t.assignee for t in shown if t.id == other.ticket_id] == ["Anna de Vries"]
    approve(desk, keep_open=[other.ticket_id])  # the officer keeps Anna's ticket for now
    req = desk.request()
    with desk.store.reading() as s:
        assert s.get(Ticket, other.ticket_id) is not None and s.get(Customer, desk.customer_id) is None
    assert req.state == RequestState.IN_PROGRESS and req.details["awaiting"] == "tasks"
    assert not any("Verwijderd:" in str(p.get("text")) for p in desk.outbox())  # no confirmation yet
    tasks = open_tasks(desk)
    assert sorted(t.system for t in tasks) == ["billing", "newsletter", f"ticket {other.ticket_number}"]
    billing = next(t for t in tasks if t.system == "billing")
    with desk.store.writing() as s:
        desk.desk.task_owner(s, req.id, billing.id, "agent:officer", "agent:piet")
        desk.desk.task_done(s, req.id, billing.id, "agent:piet")
        desk.desk.task_done(s, req.id, billing.id, "agent:piet", done=False)  # undone
    assert len(open_tasks(desk)) == 3
    for task in open_tasks(desk):
        with desk.store.writing() as s:
            if task.system.startswith("ticket "):
                desk.desk.erase_kept_ticket(s, req.id, task.id, "agent:officer")
            else:
                desk.desk.task_done(s, req.id, task.id, "agent:officer")
        if open_tasks(desk):
            assert not any("Verwijderd:" in str(p.get("text")) for p in desk.outbox())
    confirmation = desk.outbox()[-1]
    assert confirmation["to"] == CUSTOMER_MAIL and "Verwijderd:" in confirmation["text"]
    text = confirmation["text"]
    assert "facturatie, nieuwsbrief" in text and "billing" not in text  # Dutch, no English fragments
    assert "ticket(s) met hun berichten" in text and "with their messages" not in text
    req = desk.request()
    assert req.state == RequestState.FULFILLED and req.requester_address is None
    with desk.store.reading() as s:
        assert s.get(Ticket, other.ticket_id) is None
        owner = s.get(ExternalTask, billing.id)
        assert owner is not None and owner.owner == "agent:piet"


def test_restriction_runs_only_after_approval_unless_configured_to_run_by_itself(desk: Desk) -> None:
    desk.mail("Please restrict the processing of my personal data (article 18 GDPR) while you check it.")
    verify(desk)
    assert desk.request().state == RequestState.VERIFIED
    desk.desk.config.approval_required = ["erasure"]
    desk.desk.config.auto_fulfil = [*desk.desk.config.auto_fulfil, "restriction"]
    desk.mail("Please restrict the processing of my personal data (article 18 GDPR) while you check it.",
              subject="second")
    verify(desk)
    assert desk.request().state == RequestState.FULFILLED


def test_four_eyes_refuses_an_approval_by_the_proposer(desk: Desk) -> None:
    desk.desk.config.rectification_four_eyes = True
    desk.mail("Mijn adres klopt niet meer in jullie administratie, wilt u mijn gegevens corrigeren?")
    verify(desk)
    req = desk.request()
    with desk.store.writing() as s:
        desk.desk.propose_rectification(s, req.id, "agent:anna", {"address": "Dorpsstraat 1, Breda"})
    with desk.store.writing() as s, pytest.raises(TransitionError, match="four-eyes"):
        desk.desk.approve_rectification(s, req.id, "agent:anna")
    with desk.store.writing() as s:
        desk.desk.approve_rectification(s, req.id, "agent:piet")
    assert desk.request().state == RequestState.FULFILLED


def test_lockout_is_explained_and_the_right_code_after_it_too(desk: Desk) -> None:
    desk.mail(ERASE)
    mail = desk.code_mail()
    right = code_of(mail)
    wrong = "000000" if right != "000000" else "111111"
    for _ in range(3):  # the verifier of these tests allows 3 attempts
        desk.mail(wrong, subject="Re: code", in_reply_to=(mail["message_id"],), msg_id=f"{_}-wrong@t")
    desk.mail(right, subject="Re: code", in_reply_to=(mail["message_id"],), msg_id="right@t")
    last = desk.outbox()[-1]
    assert "geblokkeerd" in last["text"] and "ook de juiste code werkt nu niet meer" in last["text"]
    assert "\"code\"" in last["text"]  # how to get a new one
    assert desk.request().state == RequestState.VERIFICATION_SENT


def test_possible_request_is_confirmed_on_the_clock_from_receipt_or_dismissed(desk: Desk) -> None:
    received = datetime.now(UTC) - timedelta(days=3)
    outcome = desk.intake.submit(InboundMessage(
        channel=Channel.EMAIL, external_id="possible@t", sender=CUSTOMER_MAIL, subject="vraagje",
        text="Kunnen jullie zorgen dat ik nergens meer in sta?", received_at=received))
    assert outcome.privacy_labels == ()
    with desk.store.reading() as s:
        [row] = s.scalars(select(PrivacyTriage)).all()
        assert row.state == TriageState.OPEN and row.ticket_id == outcome.ticket_id
    with desk.store.writing() as s:
        req = desk.desk.confirm_possible(s, row.id, ["erasure"], "agent:officer")
        assert req.due_on == deadline.first_deadline(deadline.received_on(received))  # from receipt
        assert req.source == "triage"
    other = desk.intake.submit(InboundMessage(
        channel=Channel.EMAIL, external_id="possible2@t", sender="iemand@example.com", subject="vraag",
        text="Hoe zit het eigenlijk met mijn privacy bij jullie als ik opzeg?"))
    with desk.store.reading() as s:
        rows = s.scalars(select(PrivacyTriage).where(PrivacyTriage.ticket_id == other.ticket_id)).all()
    # a vague question about one's privacy: possible, for the officer ("what do you do with my data" is
    # an access request since recognition v2, as the dev corpora label it)
    assert len(rows) == 1
    for row in rows:
        with desk.store.writing() as s:
            desk.desk.dismiss_possible(s, row.id, "agent:officer")
    with desk.store.reading() as s:
        assert all(r.state != TriageState.OPEN for r in s.scalars(select(PrivacyTriage)))


def test_a_hand_marked_telegram_ticket_asks_a_dutch_user_in_dutch(desk: Desk) -> None:
    outcome = desk.intake.submit(InboundMessage(channel=Channel.TELEGRAM, external_id="777:1", sender="777",
                                                text="hoi, kunnen jullie even kijken naar mijn account"))
    with desk.store.writing() as s:
        desk.desk.mark(s, outcome.ticket_number or 0, ["access"], "agent:anna")
    ask = desk.outbox()[-1]
    assert desk.request().lang == "nl" and "klantnummer" in ask["text"] and "customer number" not in ask["text"]


def test_the_request_page_dates_are_in_amsterdam_time() -> None:
    from privacy.texts import local_date, local_time

    late = datetime(2026, 2, 28, 23, 30, tzinfo=UTC)  # 00:30 on 1 March in Amsterdam
    assert local_time(late) == "2026-03-01 00:30" and local_date(late) == "2026-03-01"
    assert deadline.received_on(late).isoformat() == local_date(late)


def test_a_task_owner_is_a_name_never_markup(desk: Desk) -> None:
    desk.desk.config.external_systems = TWO_SYSTEMS
    desk.mail(ERASE, subject="Verwijder mijn gegevens")
    verify(desk)
    approve(desk)
    task = open_tasks(desk)[0]
    with desk.store.writing() as s:
        desk.desk.task_owner(s, desk.request().id, task.id, "agent:officer", 'piet"><script>x</script>')
    with desk.store.reading() as s:
        stored = s.get(ExternalTask, task.id)
        assert stored is not None and stored.owner == "pietscriptxscript"
