"""Where each IMAP mailbox's reading stands, kept in the store (``intake.imap.MailboxStateStore``)."""

from __future__ import annotations

from models import ImapMailboxState, utcnow
from tickets.store import TicketStore


class SqlMailboxState:
    """UIDVALIDITY and last handled UID per mailbox, kept in the store."""

    def __init__(self, store: TicketStore) -> None:
        self._store = store

    def load(self, mailbox_key: str) -> tuple[int, int] | None:
        with self._store.reading() as session:
            row = session.get(ImapMailboxState, mailbox_key)
            return (row.uidvalidity, row.last_uid) if row else None

    def save(self, mailbox_key: str, uidvalidity: int, last_uid: int) -> None:
        with self._store.writing() as session:
            row = session.get(ImapMailboxState, mailbox_key)
            if row is None:
                session.add(ImapMailboxState(mailbox_key=mailbox_key, uidvalidity=uidvalidity, last_uid=last_uid))
            else:
                row.uidvalidity, row.last_uid, row.updated_at = uidvalidity, last_uid, utcnow()
