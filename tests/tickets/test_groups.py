"""Groups (teams, issue 22): administration and membership, a ticket's group as a ticket action with its
event and notification, the rule action "assign to group" and the condition "mailbox", a macro that
sets the group, and the queue's group and mailbox filters and per-group views, on SQLite and PostgreSQL.

Tickets come in through the real intake pipeline (fake scrubber); the mailbox a ticket came in on is
set directly (intake's mailbox lookup is tested with the mailboxes).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from intake.pipeline import Intake
from models import Macro, Notification, Ticket, TicketEvent, TicketStatus
from models.mailboxes import Group, GroupMember, Mailbox
from tests.support.fakes import FakeScrubber
from tests.tickets.test_rules import add_rule, applied, mail
from tickets import accounts, groups, macros, queue, rules, rules_spec
from tickets.guards import ActionError
from tickets.store import TicketStore

PASSWORD = "correct horse battery"


@pytest.fixture
def intake(ticket_store: TicketStore) -> Iterator[Intake]:
    pipeline = Intake(ticket_store, FakeScrubber())
    yield pipeline
    pipeline.close()


def _agents(store: TicketStore, *names: str) -> list[int]:
    with store.writing() as session:
        return [accounts.add_agent(session, name, PASSWORD, display_name=name.title()).id for name in names]


def _group(store: TicketStore, name: str, members: list[int] = []) -> int:  # noqa: B006 (never mutated)
    with store.writing() as session:
        group = groups.create(session, name)
        session.flush()
        groups.set_members(session, group.id, members)
        return group.id


def _mailbox(store: TicketStore, name: str) -> int:
    with store.writing() as session:
        box = Mailbox(name=name, sender_address=f"{name}@example.nl", sender_name=name.title())
        session.add(box)
        session.flush()
        return box.id


def _set(store: TicketStore, ticket_id: int, **values: object) -> None:
    with store.writing() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        for key, value in values.items():
            setattr(ticket, key, value)


def test_create_rename_delete_and_members(ticket_store: TicketStore, intake: Intake) -> None:
    anna, bram, cees = _agents(ticket_store, "anna", "bram", "cees")
    billing = _group(ticket_store, "  Billing   team ", [anna, bram])
    with ticket_store.writing() as session:
        assert session.get(Group, billing).name == "Billing team"  # type: ignore[union-attr]
        for bad in ("", " ", "x" * 101, "billing TEAM"):  # empty, too long, taken (case-insensitively)
            with pytest.raises(ActionError):
                groups.create(session, bad)
        sales = groups.create(session, "Sales").id
        with pytest.raises(ActionError):
            groups.rename(session, sales, "Billing Team")
        groups.rename(session, sales, "Verkoop", "new customers")
        assert groups.set_members(session, billing, [bram, cees]) == ([cees], [anna])
        with pytest.raises(ActionError):
            groups.set_members(session, billing, [cees, 999_999])
        assert groups.member_ids(session, billing) == [bram, cees]
        groups.set_members(session, sales, [anna, cees])
    with ticket_store.reading() as session:
        assert [g.name for g in groups.of_agent(session, cees)] == ["Billing team", "Verkoop"]
        assert [g.name for g in groups.of_agent(session, anna)] == ["Verkoop"]
        assert groups.of_agent(session, None) == []
    ticket_id = mail(intake, "Hallo", ext="g1@x")
    with ticket_store.writing() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        assert groups.set_group(session, ticket, billing, actor="agent:anna")
    with ticket_store.reading() as session:
        rows = {row.group.name: row for row in groups.listing(session)}
        assert rows["Billing team"].open_tickets == 1 and rows["Billing team"].member_ids == (bram, cees)
        assert rows["Verkoop"].open_tickets == 0
    with ticket_store.writing() as session:
        assert groups.remove(session, billing) == "Billing team"
        with pytest.raises(ActionError):
            groups.remove(session, billing)
    with ticket_store.reading() as session:
        stored = session.get(Ticket, ticket_id)
        assert stored is not None and stored.group_id is None  # ON DELETE SET NULL
        assert list(session.scalars(select(GroupMember.agent_id).where(GroupMember.group_id == billing))) == []


def test_a_group_change_is_an_event_with_its_actor_and_tells_the_members(ticket_store: TicketStore,
                                                                         intake: Intake) -> None:
    anna, bram, cees = _agents(ticket_store, "anna", "bram", "cees")
    team = _group(ticket_store, "Team", [anna, bram])
    ticket_id = mail(intake, "Hallo", ext="e1@x")
    with ticket_store.writing() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        assert groups.set_group(session, ticket, team, actor="agent:anna")
        assert not groups.set_group(session, ticket, team, actor="agent:anna")  # already there
        assert groups.tell_members(session, ticket, anna) == 1  # bram; not anna who moved it; not cees
        with pytest.raises(ActionError):
            groups.set_group(session, ticket, 999_999)
    with ticket_store.writing() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        ticket.assignee_id = cees
        assert groups.set_group(session, ticket, None, actor="agent:cees")
        assert groups.set_group(session, ticket, team, actor="agent:cees")
        assert groups.tell_members(session, ticket, cees) == 0  # assigned: the team is not disturbed
    with ticket_store.reading() as session:
        events = [(e.actor, e.detail) for e in session.scalars(
            select(TicketEvent).where(TicketEvent.ticket_id == ticket_id, TicketEvent.kind == "group")
            .order_by(TicketEvent.id))]
        told = [(n.agent_id, n.kind) for n in session.scalars(select(Notification).where(Notification.kind == "group"))]
    assert events == [("agent:anna", {"group_id": team, "group": "Team", "from": None}),
                      ("agent:cees", {"group_id": None, "group": None, "from": team}),
                      ("agent:cees", {"group_id": team, "group": "Team", "from": None})]
    assert told == [(bram, "group")]


def test_a_rule_assigns_to_group_once_on_a_mailbox_condition(ticket_store: TicketStore, intake: Intake) -> None:
    (anna,) = _agents(ticket_store, "anna")
    team = _group(ticket_store, "Sales team", [anna])
    sales, support = _mailbox(ticket_store, "sales"), _mailbox(ticket_store, "support")
    # By the group's name and the mailbox's name (as an import from another workspace names them).
    rule = add_rule(ticket_store, name="sales to team", trigger="customer_replied",
                    conditions={"mailbox": ["sales"]}, actions=[{"type": "assign_group", "group": "sales TEAM"}])
    with ticket_store.reading() as session:
        stored = rules_spec.as_json(rules_spec.get(session, rule))
    assert stored["conditions"] == {"mailbox": [str(sales)]} and stored["actions"] == [
        {"type": "assign_group", "group": team}]
    on_sales = mail(intake, "Offerte", ext="s1@x")
    on_support = mail(intake, "Storing", ext="s2@x", sender="ander@example.org")
    _set(ticket_store, on_sales, mailbox_id=sales)
    _set(ticket_store, on_support, mailbox_id=support)
    rules.run_pass(ticket_store)
    mail(intake, "Nog iets", ext="s3@x", reply_to=on_sales)
    mail(intake, "Nog iets", ext="s4@x", reply_to=on_support, sender="ander@example.org")
    assert rules.run_pass(ticket_store)[1] == 1
    for _ in range(2):
        assert rules.run_pass(ticket_store)[1] == 0  # the group change triggers nothing
    assert applied(ticket_store) == [(rule, on_sales)]
    with ticket_store.reading() as session:
        assert session.get(Ticket, on_sales).group_id == team  # type: ignore[union-attr]
        assert session.get(Ticket, on_support).group_id is None  # type: ignore[union-attr]
        actors = [e.actor for e in session.scalars(select(TicketEvent).where(TicketEvent.kind == "group"))]
        told = list(session.scalars(select(Notification.agent_id).where(Notification.kind == "group")))
    assert actors == [f"rule:{rule}"] and told == [anna]


def test_rule_fields_of_groups_and_mailboxes_are_checked(ticket_store: TicketStore) -> None:
    with ticket_store.writing() as session:
        for data, field in (
            ({"conditions": {"mailbox": ["nope"]}}, "conditions.mailbox"),
            ({"conditions": {"mailbox": [12345]}}, "conditions.mailbox"),
            ({"actions": [{"type": "assign_group", "group": "nope"}]}, "actions[0].group"),
            ({"actions": [{"type": "assign_group", "group": True}]}, "actions[0].group"),
        ):
            base = {"name": "x", "trigger": "ticket_created", "actions": [{"type": "tag", "tags": ["a"]}]}
            with pytest.raises(rules_spec.RuleError) as caught:
                rules_spec.parse(session, base | data)
            assert any(e.startswith(f"rule.{field}") for e in caught.value.errors), caught.value.errors
        spec = rules_spec.parse(session, {"name": "x", "trigger": "ticket_created",
                                          "actions": [{"type": "assign_group", "group": "none"}]})
        assert spec.actions == [{"type": "assign_group", "group": "none"}]


def test_a_macro_sets_the_group(ticket_store: TicketStore, intake: Intake) -> None:
    team = _group(ticket_store, "Team")
    with ticket_store.writing() as session:
        with pytest.raises(ActionError):
            macros.create(session, "bad", "", macros.parse({"group": "999999"}))
        with pytest.raises(ActionError):
            macros.parse({"group": "team"})
        macro = macros.create(session, "to team", "", macros.parse({"group": str(team), "status": "open"}))
        assert macros.describe(macro)["actions"] == {"group": str(team), "status": "open"}
        macro_id = macro.id
    rule = add_rule(ticket_store, name="macro", trigger="ticket_created",
                    actions=[{"type": "macro", "macro": macro_id}])
    ticket_id = mail(intake, "Hallo", ext="mg1@x")
    assert rules.run_pass(ticket_store)[1] == 1
    with ticket_store.reading() as session:
        stored = session.get(Ticket, ticket_id)
        assert stored is not None and stored.group_id == team and stored.status == TicketStatus.OPEN
        event = session.scalars(select(TicketEvent).where(TicketEvent.kind == "group")).one()
        assert event.actor == f"rule:{rule}"
        assert session.get(Macro, macro_id) is not None


def test_queue_filters_by_group_and_mailbox_and_group_views(ticket_store: TicketStore, intake: Intake) -> None:
    anna, bram = _agents(ticket_store, "anna", "bram")
    red, blue = _group(ticket_store, "Red", [anna]), _group(ticket_store, "Blue", [anna, bram])
    sales = _mailbox(ticket_store, "sales")
    ids = [mail(intake, f"Vraag {n}", ext=f"q{n}@x", sender=f"k{n}@example.org") for n in range(6)]
    _set(ticket_store, ids[0], group_id=red, mailbox_id=sales)
    _set(ticket_store, ids[1], group_id=red)
    _set(ticket_store, ids[2], group_id=blue, mailbox_id=sales)
    _set(ticket_store, ids[3], group_id=blue, status=TicketStatus.SOLVED)
    _set(ticket_store, ids[4], mailbox_id=sales)

    def listed(view: queue.View, agent: int | None = None, **kw: int) -> set[int]:
        with ticket_store.reading() as session:
            return {r.id for r in queue.list_queue(session, view, agent_id=agent, limit=100, **kw).rows}  # type: ignore[arg-type]

    assert listed(queue.View.ALL, group=red) == {ids[0], ids[1]}
    assert listed(queue.View.ALL, group=blue) == {ids[2], ids[3]}
    assert listed(queue.View.ALL, group=0) == {ids[4], ids[5]}
    assert listed(queue.View.ALL, mailbox=sales) == {ids[0], ids[2], ids[4]}
    assert listed(queue.View.ALL, mailbox=0) == {ids[1], ids[3], ids[5]}
    assert listed(queue.View.ALL, group=red, mailbox=sales) == {ids[0]}
    assert listed(queue.View.NEW, group=blue) == {ids[2]}
    # "My groups": the unsolved tickets of the agent's groups, or of one of them.
    assert listed(queue.View.GROUPS, anna) == {ids[0], ids[1], ids[2]}
    assert listed(queue.View.GROUPS, bram) == {ids[2]}
    assert listed(queue.View.GROUPS, bram, group=red) == set()
    assert listed(queue.View.GROUPS, None) == set()
    with ticket_store.reading() as session:
        views = queue.group_views(session, anna)
        assert [(v.name, v.count) for v in views] == [("Blue", 1), ("Red", 2)]
        assert queue.counts(session, agent_id=anna)["groups"] == 3
        assert queue.counts(session, agent_id=anna, mine=views)["groups"] == 3  # from the views, no query
        assert queue.groups(session) == [(blue, "Blue"), (red, "Red")]
        assert queue.mailboxes(session) == [(sales, "sales")]
