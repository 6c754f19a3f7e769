"""``new_ticket`` notifications from intake's writer (tickets.notify): only the active agents that asked
for them are told, once per ticket and not again for its later messages; the settings are read in the
message's own transaction (no cache: a change counts from the next message on)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from intake.message import InboundMessage
from intake.pipeline import Intake
from models import Agent, Channel, Notification
from tests.support.fakes import FakeScrubber
from tickets import accounts
from tickets.store import TicketStore

PASSWORD = "correct horse battery staple"


@pytest.fixture
def intake(ticket_store: TicketStore) -> Iterator[Intake]:
    pipeline = Intake(ticket_store, FakeScrubber())
    yield pipeline
    pipeline.close()


def _agent(store: TicketStore, name: str, notify: dict[str, object], *, active: bool = True) -> int:
    with store.writing() as session:
        agent = accounts.add_agent(session, name, PASSWORD)
        agent.notify, agent.active = notify, active
        session.flush()
        return agent.id


def _told(store: TicketStore) -> list[tuple[int, str, int | None]]:
    with store.reading() as session:
        told = session.scalars(select(Notification).order_by(Notification.id))
        return [(n.agent_id, n.kind, n.ticket_id) for n in told]


def _mail(intake: Intake, ext: str, in_reply_to: tuple[str, ...] = ()) -> int:
    out = intake.submit(InboundMessage(channel=Channel.EMAIL, external_id=ext, sender="klant@example.org",
                                       subject="Vraag", text="Hallo.", in_reply_to=in_reply_to))
    assert out.status == "stored" and out.ticket_id is not None
    return out.ticket_id


def test_only_active_agents_that_asked_are_told_of_a_new_ticket(ticket_store: TicketStore, intake: Intake) -> None:
    asked = _agent(ticket_store, "anna", {"new_ticket": ["app"]})
    _agent(ticket_store, "bert", {})  # the default: no new_ticket
    _agent(ticket_store, "cor", {"new_ticket": ["app"]}, active=False)
    _agent(ticket_store, "dirk", {"new_ticket": []})
    ticket_id = _mail(intake, "first@x")
    _mail(intake, "second@x", in_reply_to=("first@x",))  # a later message of the same ticket: no new_ticket
    assert _told(ticket_store) == [(asked, "new_ticket", ticket_id)]


def test_a_changed_setting_counts_from_the_next_message(ticket_store: TicketStore, intake: Intake) -> None:
    _mail(intake, "before@x")
    late = _agent(ticket_store, "els", {})
    with ticket_store.writing() as session:
        agent = session.get(Agent, late)
        assert agent is not None
        agent.notify = {"new_ticket": ["app"]}
    ticket_id = _mail(intake, "after@x")
    assert _told(ticket_store) == [(late, "new_ticket", ticket_id)]
