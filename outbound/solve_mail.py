"""The solve mail: "your ticket is solved; a reply reopens it; how did we do?" with the rating link.

Issue 22: a satisfaction rating is asked for with one link in the mail that tells the customer their
ticket was solved (``tickets.satisfaction.link_path`` behind the public base URL). The customer hears it
on the channel they used: an e-mail (also for a web-form ticket, answered by e-mail to the address the
form took; a form without one has no contact), or a chat message on Telegram, WhatsApp, Messenger or
Instagram, queued like an agent's reply there (outbox kind "reply", the payload of
``tickets.replies.reply``, so every chat sender delivers it as it delivers a reply). It is sent after
commit, as the ``solve-mail`` consumer of the shared event feed (``tickets.event_feed``): a solve by
an agent, the API or a rule never waits for mail, and the outbox entry commits together with the
record that the ``status`` event was handled, so a restart sends nothing twice and each solve gets at
most one mail (solving again after a reopen is a new event, and a new mail).

Never sent (the event is still marked handled, so switching on later does not send old solves):

- when ``[solve_mail] enabled`` is off, or the ticket's channel has no sender in this deployment;
- on WhatsApp, Messenger and Instagram, outside Meta's 24-hour customer-service window
  (``tickets.service_window``): only an approved template could go out, and the sender would refuse it;
- for a ticket under an art. 18 GDPR restriction, or one kept after an erasure only because of a
  retention duty (``tickets.guards.restriction_of``): such data may only be stored;
- to a ticket without a contact (erased, art. 17 GDPR) or a contact marked unreachable;
- to an automatic sender (a ticket with an automatic incoming message, on any channel); for e-mail
  also by address: RFC 3834 section 2 says an automatic responder should not answer "owner-*",
  "*-request", MAILER-DAEMON and the like; ``noreply`` addresses are treated the same;
- when the ticket is no longer solved by the time the event is read (reopened in between).

The mail is stored as an outgoing message of the ticket (like the acknowledgement), so the customer's
answer threads back by In-Reply-To (RFC 5322 section 3.6.4) and reopens the ticket; it is marked
``Auto-Submitted: auto-generated`` (RFC 3834 section 5: it is not a reply to a message but caused by
an event), so reports do not count it as a first response and other responders do not answer it. It
goes out From the ticket's mailbox with its signature (``tickets.mailboxes.identity_for_ticket``). A
chat message is stored the same way (automatic, not a first response); a customer's next chat message
opens a new ticket (chat threads only into an unsolved one), so its text says "send us a message"
rather than "reply to reopen".
"""

from __future__ import annotations

import logging
import threading
import uuid
from dataclasses import dataclass
from datetime import timedelta
from email.utils import format_datetime

from pydantic import BaseModel
from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from models import Channel, Contact, Direction, Message, Ticket, TicketEvent, TicketStatus, utcnow
from models.webhooks_out import SOURCE_EVENTS
from tickets import event_feed, guards, mailboxes, outbox, satisfaction, store
from tickets.i18n import gettext, language
from tickets.replies import (
    REPLYABLE_CHANNELS,
    MailIdentity,
    mail_thread_ids,
    new_message_id,
    operator_text,
    reply_channel,
)
from tickets.service_window import WINDOWED_CHANNELS, service_window
from tickets.store import TicketStore

log = logging.getLogger(__name__)

CONSUMER = "solve-mail"
OUTBOX_KIND = "solve_mail"
# Events per pass: one short write transaction (SQLite's writer waits while it runs).
BATCH = 50
# RFC 3834 section 2 (and common practice): local parts of addresses that are machines, not people.
_AUTOMATIC = ("mailer-daemon", "postmaster", "noreply", "no-reply", "do-not-reply", "donotreply",
              "listserv", "majordomo", "bounce", "bounces")


class SolveMailConfig(BaseModel):
    """``[solve_mail]``: on by default, on every channel with a sender (e-mail needs a smarthost)."""

    enabled: bool = True
    # Off: e-mail only, no solve message on Telegram, WhatsApp, Messenger or Instagram.
    chat: bool = True
    # Seconds between passes over the event feed.
    interval_seconds: float = 2.0


@dataclass(frozen=True, slots=True)
class SolveMail:
    """What a pass needs: the switch, the public base URL of the rating link (``[privacy] public_url``,
    the same as every other public link), our Message-ID domain, and the channels with a sender."""

    config: SolveMailConfig
    public_url: str
    identity: MailIdentity
    channels: frozenset[str]


def automatic_address(address: str) -> bool:
    """Whether an address belongs to a machine (RFC 3834 section 2): never sent automatic mail."""
    local = address.rpartition("@")[0].lower() if "@" in address else address.lower()
    local = local.split("+", 1)[0]
    return local in _AUTOMATIC or local.startswith("owner-") or local.endswith("-request")


def _code(lang: str | None) -> str:
    return "nl" if language(lang) == "nl" else "en"


def texts(lang: str | None, number: int, link: str) -> tuple[str, str]:
    """(subject without the ticket tag, text) in the ticket's language: Dutch, else English."""
    code = _code(lang)
    subject = gettext("Your ticket has been solved", code)
    text = gettext("We have marked your ticket {ticket_number} as solved.\n\n"
                   "Is something still not right? Simply reply to this e-mail: your reply reopens the ticket.",
                   code).replace("{ticket_number}", str(number))
    if link:
        text += "\n\n" + gettext("How did we do? One click tells us:\n{link}", code).replace("{link}", link)
    return subject, text + "\n\n" + gettext("Kind regards,\nSupport", code)


def chat_text(lang: str | None, number: int, link: str) -> str:
    """The chat message in the ticket's language: Dutch, else English."""
    code = _code(lang)
    text = gettext("We have marked your ticket {ticket_number} as solved.\n\n"
                   "Is something still not right? Just send us a message.", code)
    text = text.replace("{ticket_number}", str(number))
    if link:
        text += "\n\n" + gettext("How did we do? One click tells us:\n{link}", code).replace("{link}", link)
    return text


def _why_not(session: Session, mail: SolveMail, event: TicketEvent, ticket: Ticket | None) -> str | None:
    """Why this solve gets no mail (a reason for the log, never personal), or None to send it."""
    if not mail.config.enabled:
        return "disabled"
    if ticket is None or ticket.status != TicketStatus.SOLVED:
        return "no longer solved"
    if event.detail.get("from") == TicketStatus.CLOSED.value:
        return "was already solved"
    channel = reply_channel(ticket.channel)
    if channel not in mail.channels or channel not in REPLYABLE_CHANNELS or (
            channel != Channel.EMAIL and not mail.config.chat):
        return "channel"
    if guards.restriction_of(session, ticket) is not None:
        return "restricted"
    contact = ticket.contact
    if contact is None or contact.unreachable:
        return "no reachable contact"
    machine = session.scalar(select(exists().where(
        Message.ticket_id == ticket.id, Message.direction == Direction.IN, Message.auto_submitted.is_(True))))
    if machine or (channel == Channel.EMAIL and automatic_address(contact.address)):
        return "automatic sender"
    if channel in WINDOWED_CHANNELS and not service_window(session, ticket.id, channel).open:
        return "service window closed"
    return None


def handle(session: Session, mail: SolveMail, event: TicketEvent) -> int:
    """Queue the solve mail for one ``status`` event when it is a solve that gets one; how many (0/1)."""
    if event.kind != "status" or event.detail.get("status") != TicketStatus.SOLVED.value:
        return 0
    ticket = session.get(Ticket, event.ticket_id)
    reason = _why_not(session, mail, event, ticket)
    if reason is not None or ticket is None or ticket.contact is None:
        log.info("solve-mail: none for event=%d (%s)", event.id, reason)
        return 0
    link = f"{mail.public_url.rstrip('/')}{satisfaction.link_path(ticket.id)}" if mail.public_url else ""
    channel = reply_channel(ticket.channel)
    if channel != Channel.EMAIL:
        _queue_chat(session, ticket, ticket.contact, channel, chat_text(ticket.lang, ticket.number, link))
    else:
        _queue_mail(session, mail, ticket, ticket.contact, link)
    log.info("solve-mail: queued ticket=%s event=%d channel=%s", ticket.number, event.id, channel)
    return 1


def _queue_chat(session: Session, ticket: Ticket, contact: Contact, channel: str, text: str) -> None:
    """The chat message: stored as an automatic outgoing message, queued as the chat senders' "reply"."""
    message = store.add_message(
        session, ticket, direction=Direction.OUT, channel=channel, external_id=f"out:{uuid.uuid4().hex}",
        text=operator_text(text), subject=None, contact=contact, lang=ticket.lang, redactions={},
        received_at=utcnow())
    message.auto_submitted = True  # not an answer: no first response in the reports
    outbox.enqueue(session, channel=channel, kind="reply", ticket_id=ticket.id, message_id=message.id,
                   payload={"to": contact.address, "text": text, "ticket_number": ticket.number})


def _queue_mail(session: Session, mail: SolveMail, ticket: Ticket, contact: Contact, link: str) -> None:
    """The e-mail: From the ticket's mailbox with its signature, threaded, auto-generated."""
    sender = mailboxes.identity_for_ticket(session, ticket)
    subject, text = texts(ticket.lang, ticket.number, link)
    text = mailboxes.sign(text, sender)
    subject = f"{subject} {store.ticket_tag(ticket.number)}"
    in_reply_to, references = mail_thread_ids(session, ticket)
    message_id, now = new_message_id(mail.identity), utcnow()
    message = store.add_message(
        session, ticket, direction=Direction.OUT, channel=Channel.EMAIL, external_id=message_id,
        text=operator_text(text), subject=operator_text(subject), contact=contact, lang=ticket.lang,
        redactions={}, received_at=now, in_reply_to=in_reply_to)
    message.auto_submitted = True
    outbox.enqueue(session, channel=Channel.EMAIL, kind=OUTBOX_KIND, ticket_id=ticket.id, message_id=message.id,
                   payload={"to": contact.address, "subject": subject, "text": text,
                            "message_id": message_id, "in_reply_to": in_reply_to, "references": references,
                            # RFC 3834 section 5: caused by an event, not a reply to a message.
                            "auto_submitted": "auto-generated", "lang": ticket.lang,
                            "ticket_number": ticket.number, "date": format_datetime(now), **sender.payload()})


def run_pass(store_: TicketStore, mail: SolveMail, *, settle: timedelta = event_feed.SETTLE,
             limit: int = BATCH) -> tuple[bool, int]:
    """One pass over new ``ticket_events`` rows in one transaction: (whether more were waiting, how many
    solve mails it queued)."""
    with store_.writing() as session:
        def one(row: event_feed.Row) -> int:
            return handle(session, mail, row) if isinstance(row, TicketEvent) else 0

        return event_feed.take(session, CONSUMER, (SOURCE_EVENTS,), one, limit=limit, settle=settle)


class SolveMailer:
    """The ``solve-mail`` single-consumer role of serve: ``run_pass`` every ``interval_seconds``, at once
    again while a backlog lasts. A failing pass is logged and retried; its events stay unhandled."""

    def __init__(self, store_: TicketStore, mail: SolveMail, *, settle: timedelta = event_feed.SETTLE) -> None:
        self.store, self.mail, self.settle = store_, mail, settle

    def run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            full = False
            try:
                full, _queued = run_pass(self.store, self.mail, settle=self.settle)
            except Exception:
                log.exception("solve-mail: pass failed")
            if not full:
                stop.wait(self.mail.config.interval_seconds)
