"""Automation rules (issue 22): fired after commit from committed messages, once per event, never in a
loop; a rule that raises is recorded and the feed moves on; a restart fires nothing twice.

Messages come in through the real intake pipeline (``Intake.submit``: prepare, writer, commit) with the
fake scrubber; the SMTP path with the real scrubber is ``test_rules_smtp.py``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event, select, update
from sqlalchemy.orm.exc import StaleDataError

from intake.message import InboundMessage
from intake.pipeline import Intake
from models import Channel, Macro, Notification, OutboxEntry, Priority, Ticket, TicketEvent, TicketStatus
from models.db import make_engine
from models.privacy import PrivacyRequest, PrivacyTriage
from tests.support.fakes import FakeScrubber
from tickets import accounts, rules, rules_spec, tags
from tickets.replies import MailIdentity
from tickets.rules_actions import ReplySender
from tickets.rules_runner import RulesRunner
from tickets.store import TicketStore


@pytest.fixture
def intake(ticket_store: TicketStore) -> Iterator[Intake]:
    pipeline = Intake(ticket_store, FakeScrubber())
    yield pipeline
    pipeline.close()


def mail(intake: Intake, text: str, *, ext: str, subject: str = "Vraag", reply_to: int | None = None,
         channel: Channel = Channel.EMAIL, sender: str = "klant@example.org") -> int:
    if reply_to is not None:
        subject = f"Re: {subject} [#{reply_to + 100000}]"
    out = intake.submit(InboundMessage(channel=channel, external_id=ext, sender=sender, subject=subject, text=text))
    assert out.status == "stored" and out.ticket_id is not None, out
    return out.ticket_id


def add_rule(store: TicketStore, **data: Any) -> int:
    with store.writing() as session:
        return rules_spec.create(session, rules_spec.parse(session, data)).id


def applied(store: TicketStore, kind: str = "rule_applied") -> list[tuple[int, int]]:
    """(rule id, ticket id) of every firing (or failure) recorded, in order."""
    with store.reading() as session:
        return [(e.detail["rule"], e.ticket_id) for e in session.scalars(
            select(TicketEvent).where(TicketEvent.kind == kind).order_by(TicketEvent.id))]


def ticket(store: TicketStore, ticket_id: int) -> tuple[Ticket, list[str]]:
    with store.reading() as session:
        found = session.get(Ticket, ticket_id)
        assert found is not None
        return found, tags.names_of(session, [ticket_id]).get(ticket_id, [])


def test_a_rule_fires_once_per_event_and_rules_never_loop(ticket_store: TicketStore, intake: Intake) -> None:
    on_new = add_rule(ticket_store, name="new", trigger="ticket_created", actions=[{"type": "tag", "tags": ["nieuw"]}])
    billing = add_rule(ticket_store, name="billing", trigger="customer_replied",
                       conditions={"words": ["factuur"]}, actions=[{"type": "tag", "tags": ["billing"]}])
    # Reacts to the tag the rule before it adds, in the same pass; its own tag changes trigger nothing.
    urgent = add_rule(ticket_store, name="urgent billing", trigger="customer_replied",
                      conditions={"tags_all": ["billing"]},
                      actions=[{"type": "set_priority", "priority": "high"}, {"type": "tag", "tags": ["billing"]}])
    ticket_id = mail(intake, "Mijn account doet het niet.", ext="r1@x")
    assert rules.run_pass(ticket_store) == (False, 1)
    assert applied(ticket_store) == [(on_new, ticket_id)]
    mail(intake, "En de FACTUUR klopt ook niet.", ext="r2@x", reply_to=ticket_id)
    assert rules.run_pass(ticket_store)[1] == 2
    for _ in range(3):  # nothing new: nothing fires, whatever the rules changed
        assert rules.run_pass(ticket_store) == (False, 0)
    assert applied(ticket_store) == [(on_new, ticket_id), (billing, ticket_id), (urgent, ticket_id)]
    stored, names = ticket(ticket_store, ticket_id)
    assert stored.priority == Priority.HIGH and names == ["billing", "nieuw"]
    with ticket_store.reading() as session:
        events = session.scalars(select(TicketEvent).where(TicketEvent.kind != "rule_applied"))
        actors = {(e.kind, e.actor) for e in events}
    assert {("tagged", f"rule:{on_new}"), ("tagged", f"rule:{billing}"), ("priority", f"rule:{urgent}")} <= actors
    # A third customer message is a new event: the rules whose conditions hold fire once more.
    mail(intake, "Nog steeds niets gehoord.", ext="r3@x", reply_to=ticket_id)
    assert rules.run_pass(ticket_store)[1] == 1  # only "urgent billing": no word "factuur" this time
    assert applied(ticket_store)[-1] == (urgent, ticket_id)


def test_a_canned_reply_sent_by_a_rule_triggers_no_rule(ticket_store: TicketStore, intake: Intake) -> None:
    with ticket_store.writing() as session:
        macro = Macro(title="Ontvangen", body="Dank voor uw bericht over ticket {{ticket_number}}.",
                      actions={"add_tags": ["beantwoord"]}, reply_mode="send")
        session.add(macro)
        session.flush()
        macro_id = macro.id
    answer = add_rule(ticket_store, name="answer", trigger="customer_replied",
                      actions=[{"type": "macro", "macro": macro_id}])
    add_rule(ticket_store, name="on new", trigger="ticket_created", actions=[{"type": "macro", "macro": macro_id}])
    replier = ReplySender(FakeScrubber(), MailIdentity("support.test"), {"email"})
    ticket_id = mail(intake, "Hallo", ext="m1@x")
    mail(intake, "Nog een vraag", ext="m2@x", reply_to=ticket_id)
    assert rules.run_pass(ticket_store, replier)[1] == 2
    for _ in range(2):
        assert rules.run_pass(ticket_store, replier)[1] == 0  # our two replies are no customer messages
    with ticket_store.reading() as session:
        replies_queued = list(session.scalars(select(OutboxEntry).where(OutboxEntry.kind == "reply")))
        assert len(replies_queued) == 2
        stored = session.get(Ticket, ticket_id)
        assert stored is not None and stored.status == TicketStatus.PENDING
    assert [rule for rule, _t in applied(ticket_store)][-1] == answer
    assert ticket(ticket_store, ticket_id)[1] == ["beantwoord"]


def test_conditions_on_channel_and_language(ticket_store: TicketStore, intake: Intake) -> None:
    rule = add_rule(ticket_store, name="telegram nl", trigger="ticket_created",
                    conditions={"channel": ["telegram"], "language": ["nl"]},
                    actions=[{"type": "tag", "tags": ["chat"]}])
    by_mail = mail(intake, "Hallo, mijn bestelling is niet aangekomen.", ext="c1@x")
    by_chat = mail(intake, "Hallo, mijn bestelling is niet aangekomen.", ext="c2", channel=Channel.TELEGRAM,
                   sender="4242")
    rules.run_pass(ticket_store)
    assert applied(ticket_store) == [(rule, by_chat)]
    assert ticket(ticket_store, by_mail)[1] == [] and ticket(ticket_store, by_chat)[1] == ["chat"]


def test_a_failing_rule_is_recorded_and_the_others_and_the_feed_go_on(ticket_store: TicketStore,
                                                                      intake: Intake) -> None:
    with ticket_store.writing() as session:
        macro = Macro(title="Antwoord", body="Dank u.", actions={}, reply_mode="send")
        session.add(macro)
        session.flush()
        macro_id = macro.id
    # Without a replier (no scrubber in this process) the reply cannot be stored: the rule raises.
    failing = add_rule(ticket_store, name="reply", trigger="ticket_created",
                       actions=[{"type": "tag", "tags": ["half"]}, {"type": "macro", "macro": macro_id}])
    after = add_rule(ticket_store, name="after", trigger="ticket_created", actions=[{"type": "tag", "tags": ["heel"]}])
    ticket_id = mail(intake, "Geheime tekst die nergens in een foutmelding mag staan.", ext="f1@x")
    assert rules.run_pass(ticket_store)[1] == 1
    assert rules.run_pass(ticket_store)[1] == 0
    assert applied(ticket_store, "rule_failed") == [(failing, ticket_id)]
    assert applied(ticket_store) == [(after, ticket_id)]
    assert ticket(ticket_store, ticket_id)[1] == ["heel"]  # the failing rule's first tag rolled back too
    with ticket_store.reading() as session:
        [failure] = session.scalars(select(TicketEvent).where(TicketEvent.kind == "rule_failed"))
        assert failure.detail["error"] == "NoReplier" and failure.actor == f"rule:{failing}"
        assert "Geheime" not in str(failure.detail)


def test_a_restart_of_the_consumer_fires_nothing_twice(ticket_store: TicketStore, intake: Intake,
                                                        db_url: str) -> None:
    rule = add_rule(ticket_store, name="tag all", trigger="ticket_created", actions=[{"type": "tag", "tags": ["x"]}])
    first = mail(intake, "Eén", ext="s1@x")
    # The role as serve runs it, in a thread, stopped after its first pass.
    stop = threading.Event()
    runner = RulesRunner(ticket_store, interval=0.05, sweep_seconds=3600)
    thread = threading.Thread(target=runner.run, args=(stop,))
    thread.start()
    try:
        for _ in range(200):
            if applied(ticket_store):
                break
            stop.wait(0.05)
    finally:
        stop.set()
        thread.join(10)
    second = mail(intake, "Twee", ext="s2@x", sender="ander@example.org")
    # A new process: its own engine on the same database.
    engine = make_engine(db_url)
    try:
        restarted = TicketStore(engine)
        for _ in range(3):
            rules.run_pass(restarted)
    finally:
        engine.dispose()
    assert applied(ticket_store) == [(rule, first), (rule, second)]


def test_a_disabled_rule_does_not_fire(ticket_store: TicketStore, intake: Intake) -> None:
    add_rule(ticket_store, name="off", trigger="ticket_created", enabled=False,
             actions=[{"type": "tag", "tags": ["x"]}])
    mail(intake, "Hallo", ext="d1@x")
    assert rules.run_pass(ticket_store)[1] == 0
    assert applied(ticket_store) == []


def test_assign_and_notify(ticket_store: TicketStore, intake: Intake) -> None:
    with ticket_store.writing() as session:
        anna = accounts.add_agent(session, "anna", "correct horse battery", display_name="Anna")
        anna_id = anna.id
    add_rule(ticket_store, name="to anna", trigger="ticket_created",
             actions=[{"type": "assign", "agent": "anna"}, {"type": "notify", "to": "assignee"},
                      {"type": "set_status", "status": "open"}])
    ticket_id = mail(intake, "Hallo", ext="a1@x")
    assert rules.run_pass(ticket_store)[1] == 1
    stored, _names = ticket(ticket_store, ticket_id)
    assert stored.assignee_id == anna_id and stored.status == TicketStatus.OPEN
    with ticket_store.reading() as session:
        kinds = [n.kind for n in session.scalars(select(Notification).where(Notification.agent_id == anna_id))]
    assert "rule" in kinds


def test_conditions_on_privacy_labels_and_removed_types(ticket_store: TicketStore, intake: Intake) -> None:
    officer = add_rule(ticket_store, name="privacy", trigger="customer_replied",
                       conditions={"privacy": ["request_open", "possible_request"]},
                       actions=[{"type": "tag", "tags": ["privacy"]}])
    removed = add_rule(ticket_store, name="bsn", trigger="ticket_created", conditions={"pii": ["NATIONAL_ID"]},
                       actions=[{"type": "tag", "tags": ["bsn"]}])
    with_request = mail(intake, "Ik wil inzage in mijn gegevens. Mijn BSN is 123456782.", ext="p1@x")
    with_triage = mail(intake, "Wat doen jullie met mijn gegevens?", ext="p2@x", sender="twee@example.org")
    plain = mail(intake, "Hallo", ext="p3@x", sender="drie@example.org")
    with ticket_store.writing() as session:  # what the privacy hook records after intake's commit
        session.add(PrivacyRequest(ticket_id=with_request, channel="email", requester_digest="d" * 64,
                                   types=["access"], due_on=date(2027, 1, 6), first_due_on=date(2027, 1, 6)))
        session.add(PrivacyTriage(ticket_id=with_triage))
    for number, ticket_id in enumerate((with_request, with_triage, plain)):
        mail(intake, "Nog een vraag.", ext=f"p{number}-reply@x", reply_to=ticket_id,
             sender=("klant@example.org", "twee@example.org", "drie@example.org")[number])
    rules.run_pass(ticket_store)
    assert sorted(applied(ticket_store)) == sorted([(removed, with_request), (officer, with_request),
                                                    (officer, with_triage)])


def test_an_agent_saving_the_ticket_meanwhile_retries_the_pass(ticket_store: TicketStore, intake: Intake,
                                                               db_url: str) -> None:
    """An agent's save between the rule's read and its write (the version check refuses the rule's
    UPDATE) is no failure of the rule: the pass rolls back and the next one fires it, once."""
    if not db_url.startswith("postgres"):
        pytest.skip("SQLite write transactions start with BEGIN IMMEDIATE, so they never overlap")
    rule = add_rule(ticket_store, name="urgent", trigger="ticket_created",
                    actions=[{"type": "set_priority", "priority": "urgent"}])
    ticket_id = mail(intake, "Hallo", ext="v1@x")
    agent = make_engine(db_url)
    raced: list[str] = []

    def agent_saves_first(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith("UPDATE TICKETS") and not raced:
            raced.append(statement)
            with agent.begin() as other:  # the agent's save commits first
                other.execute(update(Ticket).where(Ticket.id == ticket_id).values(
                    status="open", version=Ticket.version + 1))

    event.listen(ticket_store.engine, "before_cursor_execute", agent_saves_first)
    try:
        with pytest.raises(StaleDataError):
            rules.run_pass(ticket_store)
    finally:
        event.remove(ticket_store.engine, "before_cursor_execute", agent_saves_first)
        agent.dispose()
    assert applied(ticket_store) == [] and applied(ticket_store, "rule_failed") == []
    assert rules.run_pass(ticket_store)[1] == 1
    stored, _names = ticket(ticket_store, ticket_id)
    assert stored.priority == Priority.URGENT and stored.status == TicketStatus.OPEN
    assert applied(ticket_store) == [(rule, ticket_id)]
