"""Automation rules (triggers, issue 22): evaluated after commit, from committed rows, never in intake.

The rules consumer reads committed ``messages`` from the shared event feed (``tickets.event_feed``,
consumer ``rules``): a customer's first message on a ticket is "ticket created", a later one "customer
replied". For each, the enabled rules of that trigger run in their order; a rule whose conditions hold
fires: its ticket event ``rule_applied`` (actor ``rule:<id>``, dedupe key ``rule:<id>:m:<message id>``)
and its actions' changes commit together with the feed's record that the message is handled, so a
restart fires nothing twice. Time rules are swept periodically (``tickets.rules_time``); both run in
the ``rules`` role of serve (``tickets.rules_runner``).

Loops cannot happen: rules trigger on customer messages and on time only, and what a rule changes is a
ticket event with the actor ``rule:<id>``, never a customer message; a rule fires at most once per
message (its dedupe key), and a later rule in the same pass sees what an earlier one changed (a rule
that reacts to a tag another rule added), in one ordered pass that never goes round again.

A rule that raises (a macro that cannot be sent, an agent gone, a ticket edited at the same moment) is
rolled back to its savepoint and recorded as a ``rule_failed`` ticket event with the rule's id and the
error's class, never text; the other rules and the feed move on. A ticket under an art. 18 restriction
is only stored: no rule acts on it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from models import FINAL_STATES, Attachment, Direction, Message, PrivacyRequest, Ticket
from models.privacy import PrivacyTriage, TriageState
from models.rules import RULES_CONSUMER, TRIGGER_CREATED, TRIGGER_REPLIED, Rule
from models.webhooks_out import SOURCE_MESSAGES
from tickets import event_feed, guards, rules_actions, rules_spec, tags
from tickets.rules_actions import Replier
from tickets.store import TicketStore, add_event

log = logging.getLogger(__name__)

# Messages per pass: one write transaction, and on SQLite intake's writer waits while it runs; measured
# about 6 ms a message with three rules on SQLite, so a pass holds the lock for about 0.1 s.
BATCH = 20


def actor_of(rule_id: int) -> str:
    return f"rule:{rule_id}"


def enabled(session: Session, trigger: str) -> list[Rule]:
    return list(session.scalars(select(Rule).where(Rule.enabled.is_(True), Rule.trigger == trigger)
                                .order_by(Rule.position, Rule.id)))


# --- conditions --------------------------------------------------------------------------------------


def _privacy_labels(session: Session, ticket_id: int) -> set[str]:
    labels = set()
    if session.scalar(select(PrivacyRequest.id).where(PrivacyRequest.ticket_id == ticket_id,
                                                      PrivacyRequest.state.not_in(FINAL_STATES)).limit(1)):
        labels.add("request_open")
    if session.scalar(select(PrivacyTriage.id).where(PrivacyTriage.ticket_id == ticket_id,
                                                     PrivacyTriage.state == TriageState.OPEN).limit(1)):
        labels.add("possible_request")
    return labels


def removed_types(session: Session, messages: Sequence[Message]) -> set[str]:
    """The entity types removed on arrival from the messages and their attachments (counts > 0)."""
    found = {kind for message in messages for kind, count in (message.redactions or {}).items() if count}
    ids = [message.id for message in messages]
    if ids:
        for counts in session.scalars(select(Attachment.redactions).where(Attachment.message_id.in_(ids))):
            found |= {kind for kind, count in (counts or {}).items() if count}
    return found


def word_found(word: str, text: str) -> bool:
    """``word`` (normalised, maybe a phrase) as whole words in ``text`` (any case, Unicode letters)."""
    pattern = r"\s+".join(re.escape(part) for part in word.split())
    return re.search(rf"(?<!\w){pattern}(?!\w)", rules_spec.normalize_word(text)) is not None


def conditions_hold(session: Session, conditions: dict[str, list[str]], ticket: Ticket,
                    messages: Sequence[Message]) -> bool:
    """Whether every condition holds for ``ticket`` now, ``messages`` being the ones the words and
    removed types are looked for in. Cheap checks first; the queries only when they are asked for."""
    plain = {"channel": ticket.channel, "language": (ticket.lang or "").lower(), "priority": str(ticket.priority),
             "status": str(ticket.status), "mailbox": str(ticket.mailbox_id or "")}
    for name, value in plain.items():
        if name in conditions and value not in conditions[name]:
            return False
    if any(name in conditions for name in ("tags_all", "tags_any", "tags_none")):
        have = set(tags.names_of(session, [ticket.id]).get(ticket.id, []))
        if not set(conditions.get("tags_all", [])) <= have:
            return False
        if "tags_any" in conditions and not have & set(conditions["tags_any"]):
            return False
        if have & set(conditions.get("tags_none", [])):
            return False
    if "privacy" in conditions and not _privacy_labels(session, ticket.id) & set(conditions["privacy"]):
        return False
    if "pii" in conditions and not removed_types(session, messages) & set(conditions["pii"]):
        return False
    if "words" in conditions:
        texts = [ticket.subject or ""] + [f"{m.subject or ''}\n{m.text}" for m in messages]
        if not any(word_found(word, text) for word in conditions["words"] for text in texts):
            return False
    return True


# --- firing ------------------------------------------------------------------------------------------


def fire(session: Session, rule: Rule, ticket: Ticket, key: str, detail: dict[str, object],
         messages: Sequence[Message], replier: Replier | None) -> bool:
    """Fire ``rule`` on ``ticket`` once for ``key`` when its conditions hold; whether it fired. A failure
    is recorded and swallowed (the savepoint rolls the rule's changes back)."""
    # Conditions first (most are compared in memory); add_event's dedupe key then refuses a second firing.
    if not conditions_hold(session, rule.conditions or {}, ticket, messages):
        return False
    actor = actor_of(rule.id)
    try:
        with session.begin_nested():
            if add_event(session, ticket, "rule_applied", {"rule": rule.id, **detail}, dedupe_key=key,
                         actor=actor) is None:
                return False
            run = rules_actions.Run(session, ticket, rule.id, rule.name, key, replier)
            for action in rule.actions or []:
                rules_actions.apply(run, action)
            session.flush()
    except IntegrityError:  # the same firing recorded by another process at the same moment
        return False
    except (OperationalError, InterfaceError, StaleDataError):
        # Not the rule's fault (the database went away, an agent saved the ticket meanwhile): the whole
        # pass rolls back and the next one tries these messages again.
        raise
    except Exception as exc:
        log.warning("rules: rule %d failed on ticket %d (%s)", rule.id, ticket.id, type(exc).__name__)
        session.expire(ticket)  # the savepoint's changes are gone; read the ticket again
        with session.begin_nested():
            add_event(session, ticket, "rule_failed", {"rule": rule.id, "error": type(exc).__name__, **detail},
                      dedupe_key=f"failed:{key}", actor=actor)
        return False
    return True


def trigger_of(session: Session, message: Message) -> str | None:
    """Which trigger a committed message is: a customer's first message on its ticket, or a later one."""
    if message.direction is not Direction.IN or message.auto_submitted:
        return None
    first = session.scalar(select(func.min(Message.id)).where(Message.ticket_id == message.ticket_id))
    return TRIGGER_CREATED if first == message.id else TRIGGER_REPLIED


def on_message(session: Session, message: Message, replier: Replier | None,
               by_trigger: dict[str, list[Rule]] | None = None) -> int:
    """Run the rules of the message's trigger (``by_trigger``: the enabled rules, loaded once per pass);
    how many fired."""
    if by_trigger is not None and not any(by_trigger.values()):
        return 0
    trigger = trigger_of(session, message)
    if trigger is None:
        return 0
    rules = by_trigger[trigger] if by_trigger is not None else enabled(session, trigger)
    ticket = session.get(Ticket, message.ticket_id) if rules else None
    if ticket is None or guards.restriction_of(session, ticket) is not None:
        return 0
    detail: dict[str, object] = {"trigger": trigger, "message": message.id}
    return sum(fire(session, rule, ticket, f"rule:{rule.id}:m:{message.id}", detail, [message], replier)
               for rule in rules)


def run_pass(store: TicketStore, replier: Replier | None = None, *, limit: int = BATCH,
             settle: timedelta = event_feed.SETTLE) -> tuple[bool, int]:
    """One pass over newly committed messages in one transaction: (more waiting, rules fired)."""

    def handle(row: event_feed.Row) -> int:
        return on_message(session, row, replier, by_trigger) if isinstance(row, Message) else 0

    with store.writing() as session:
        by_trigger = {trigger: enabled(session, trigger) for trigger in (TRIGGER_CREATED, TRIGGER_REPLIED)}
        # Without an enabled rule no message fires one: the rows are only recorded as handled.
        full, fired = event_feed.take(session, RULES_CONSUMER, (SOURCE_MESSAGES,),
                                      handle if any(by_trigger.values()) else None, limit=limit, settle=settle)
    if fired:
        log.info("rules: %d fired", fired)
    return full, fired
