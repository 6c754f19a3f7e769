"""Groups (teams) of agents, issue 22: their administration, an agent's own groups, and a ticket's group.

A group is the team a ticket belongs to (``tickets.group_id``): set by the mailbox's default on arrival
(intake), by a rule ("assign to group"), by a macro, or by an agent on the ticket page. Each group an
agent is a member of is a view of that agent's queue ("Team X: open", ``tickets.queue``).

Changing a ticket's group is one more ticket action beside ``tickets.replies.assign``: it records a
ticket event ``group`` (the group's id and its name at that moment, and the previous id) with its actor,
so the timeline and the webhooks see it like any other change; the caller records the audit entry.
The group's members are told (notification ``group``) when the ticket lands in their group with no
assignee: an assigned ticket already has someone answering it, and telling the whole team then is noise.

Deleting a group leaves its tickets without a group (``ON DELETE SET NULL``) and its mailboxes without a
default group; no ticket event is written for that, as no one moved those tickets.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import OPEN_STATUSES, Agent, Ticket
from models.mailboxes import Group, GroupMember
from tickets import notify, store
from tickets.guards import ActionError

MAX_NAME = 100
MAX_DESCRIPTION = 500
_MAX_ROW_ID = 2**31 - 1


@dataclass(frozen=True, slots=True)
class GroupRow:
    """A group for the admin list: its members' ids and how many open tickets it holds."""

    group: Group
    member_ids: tuple[int, ...]
    open_tickets: int


def _name(value: str) -> str:
    name = " ".join((value or "").split())
    if not name or len(name) > MAX_NAME:
        raise ActionError(f"a group's name is 1 to {MAX_NAME} characters")
    return name


def _description(value: str | None) -> str | None:
    text = (value or "").strip()
    if len(text) > MAX_DESCRIPTION:
        raise ActionError(f"a group's description is at most {MAX_DESCRIPTION} characters")
    return text or None


def _taken(session: Session, name: str, but: int | None = None) -> bool:
    query = select(Group.id).where(func.lower(Group.name) == name.lower())
    if but is not None:
        query = query.where(Group.id != but)
    return session.scalar(query.limit(1)) is not None


def get(session: Session, group_id: int) -> Group:
    group = session.get(Group, group_id) if 0 < group_id <= _MAX_ROW_ID else None
    if group is None:
        raise ActionError("no such group")
    return group


def find(session: Session, value: object) -> Group | None:
    """A group by id (an int or digits) or by its name (case-insensitive): how a rule's JSON names it."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int) or (isinstance(value, str) and value.strip().isascii() and value.strip().isdigit()):
        number = int(value)
        return session.get(Group, number) if 0 < number <= _MAX_ROW_ID else None
    if isinstance(value, str) and value.strip():
        name = " ".join(value.split()).lower()
        return session.scalars(select(Group).where(func.lower(Group.name) == name).limit(1)).first()
    return None


def create(session: Session, name: str, description: str | None = None) -> Group:
    """A new group; ``ActionError`` when the name is empty, too long or taken (case-insensitively)."""
    clean = _name(name)
    if _taken(session, clean):
        raise ActionError("a group with this name exists")
    group = Group(name=clean, description=_description(description))
    try:
        # Two admins creating the same name at once: the unique index decides.
        with session.begin_nested():
            session.add(group)
    except IntegrityError as exc:
        raise ActionError("a group with this name exists") from exc
    return group


def rename(session: Session, group_id: int, name: str, description: str | None = None) -> Group:
    group = get(session, group_id)
    clean = _name(name)
    if _taken(session, clean, but=group.id):
        raise ActionError("a group with this name exists")
    group.name, group.description = clean, _description(description)
    session.flush()
    return group


def remove(session: Session, group_id: int) -> str:
    """Delete the group (its tickets keep no group, see the module docstring); returns its name."""
    group = get(session, group_id)
    name = group.name
    session.delete(group)
    session.flush()
    return name


def member_ids(session: Session, group_id: int) -> list[int]:
    return list(session.scalars(select(GroupMember.agent_id).where(GroupMember.group_id == group_id)
                                .order_by(GroupMember.agent_id)))


def set_members(session: Session, group_id: int, agent_ids: Iterable[int]) -> tuple[list[int], list[int]]:
    """Make exactly ``agent_ids`` the group's members; returns (added, removed). Only existing agents
    can be added (a disabled agent may stay a member: enabling them again keeps their groups)."""
    get(session, group_id)
    wanted = {int(a) for a in agent_ids}
    known = set(session.scalars(select(Agent.id).where(Agent.id.in_(wanted)))) if wanted else set()
    if wanted - known:
        raise ActionError("no such agent")
    have = set(member_ids(session, group_id))
    added, removed = sorted(wanted - have), sorted(have - wanted)
    if removed:
        session.execute(delete(GroupMember).where(GroupMember.group_id == group_id,
                                                  GroupMember.agent_id.in_(removed)))
    session.add_all(GroupMember(group_id=group_id, agent_id=a) for a in added)
    session.flush()
    return added, removed


def of_agent(session: Session, agent_id: int | None) -> list[Group]:
    """The groups ``agent_id`` is a member of ("my groups"), by name."""
    if agent_id is None:
        return []
    return list(session.scalars(select(Group).join(GroupMember, GroupMember.group_id == Group.id)
                                .where(GroupMember.agent_id == agent_id).order_by(Group.name)))


def all_groups(session: Session) -> list[Group]:
    return list(session.scalars(select(Group).order_by(Group.name)))


def names(session: Session) -> dict[int, str]:
    return {g.id: g.name for g in all_groups(session)}


def listing(session: Session) -> list[GroupRow]:
    """Every group with its members and open tickets (two grouped queries, not one per group)."""
    members: dict[int, list[int]] = {}
    for group_id, agent_id in session.execute(select(GroupMember.group_id, GroupMember.agent_id)
                                              .order_by(GroupMember.agent_id)):
        members.setdefault(group_id, []).append(agent_id)
    open_counts: dict[int | None, int] = dict(session.execute(
        select(Ticket.group_id, func.count()).where(Ticket.group_id.is_not(None), Ticket.status.in_(OPEN_STATUSES))
        .group_by(Ticket.group_id)).all())
    return [GroupRow(g, tuple(members.get(g.id, [])), int(open_counts.get(g.id, 0))) for g in all_groups(session)]


# --- a ticket's group ------------------------------------------------------------------------------


def set_group(session: Session, ticket: Ticket, group_id: int | None, *, actor: str = "api") -> bool:
    """Move the ticket to the group (None: no group); False when it already was there. Records the
    ticket event ``group``; the caller records the audit entry and calls ``tell_members``."""
    group = get(session, group_id) if group_id is not None else None
    if ticket.group_id == group_id:
        return False
    before = ticket.group_id
    ticket.group_id = group_id
    store.add_event(session, ticket, "group", {"group_id": group_id, "group": group.name if group else None,
                                               "from": before}, actor=actor)
    return True


def tell_members(session: Session, ticket: Ticket, by_agent_id: int | None) -> int:
    """Notify the members of the ticket's group (not the one who moved it) that it landed there, when
    nobody is assigned (module docstring). Returns how many were told."""
    if ticket.group_id is None or ticket.assignee_id is not None:
        return 0
    group = session.get(Group, ticket.group_id)
    ids = [a for a in member_ids(session, ticket.group_id) if a != by_agent_id]
    return notify.group_assigned(session, ticket, ids, by_agent_id, group.name if group else "")
