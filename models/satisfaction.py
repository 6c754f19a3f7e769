"""The reports' schema (issue 22): the indexes the report queries need, and (to come) satisfaction ratings.

The indexes are declared here, on the existing tables, because this is the reports slice's module on
``Base``; migration 0016 creates them.

- ``ix_tickets_created_at``, ``ix_tickets_solved_at``: a report of a period reads only that period's
  tickets (created, solved, resolution times), from the index alone (it carries the filtered columns).
- ``ix_messages_ticket_reply``: per ticket, its first inbound and first non-automatic outgoing message
  straight from the index (covering: the message rows, with their texts, are never read).
- ``ix_messages_direction_received``: the inbound messages of a period, for what was removed on arrival.
"""

from __future__ import annotations

from sqlalchemy import Index

from models.tickets import Message, Ticket

Index("ix_tickets_created_at", Ticket.created_at, Ticket.channel, Ticket.assignee_id)
Index("ix_tickets_solved_at", Ticket.solved_at, Ticket.created_at, Ticket.channel, Ticket.assignee_id)
Index("ix_messages_ticket_reply", Message.ticket_id, Message.direction, Message.auto_submitted, Message.received_at)
Index("ix_messages_direction_received", Message.direction, Message.received_at)
