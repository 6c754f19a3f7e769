"""Where each IMAP mailbox's reading stands, and what the poller needs from the rest of scrubdesk.

The poller depends on two small protocols, not on the store: a ``MessageSink`` that commits a raw
message (``serve`` wires in ``parse_email`` + ``submit``) and a ``MailboxStateStore`` that keeps the
UIDVALIDITY and last handled UID per mailbox (``SqlMailboxState``, in the store). ``UidPosition``
holds the rules for that position (RFC 3501 2.3.1.1: a new UIDVALIDITY makes old UIDs meaningless).
"""

from __future__ import annotations

import logging
from typing import Protocol

from models import ImapMailboxState, utcnow
from tickets.store import TicketStore

log = logging.getLogger(__name__)


class MessageSink(Protocol):
    """Where the poller hands each raw message (``serve``'s sink: ``parse_email`` + ``submit``).

    ``deliver`` returns only after the message is committed or found to be a duplicate. It raises
    ``RejectedMessage`` for a message that can never be accepted (the poller quarantines it) and
    ``TransientError`` when the store cannot commit now (the poller leaves it and backs off).
    Any other exception is treated like ``RejectedMessage`` so one bad message never stops a mailbox.
    """

    def deliver(self, raw: bytes, *, mailbox: str, uid: int) -> None: ...


class MailboxStateStore(Protocol):
    """Persists, per mailbox, the UIDVALIDITY and the highest UID the poller has finished with."""

    def load(self, mailbox_key: str) -> tuple[int, int] | None: ...

    def save(self, mailbox_key: str, uidvalidity: int, last_uid: int) -> None: ...


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


class UidPosition:
    """The highest UID handled under one UIDVALIDITY, loaded at SELECT and saved only when it moves.

    ``known`` is False when there is no usable saved position (a first start, or a new UIDVALIDITY):
    then the folder's own marks say what is unhandled, and ``uid`` starts at 0.
    """

    def __init__(self, store: MailboxStateStore, mailbox_key: str, uidvalidity: int) -> None:
        self._store = store
        self._key = mailbox_key
        self._uidvalidity = uidvalidity
        self._saved = saved = store.load(mailbox_key)
        self.known = False
        self.uid = 0
        if saved is None:
            log.info("imap %s: no saved position, scanning the folder", mailbox_key)
        elif saved[0] != uidvalidity:
            # RFC 3501 2.3.1.1: the old UIDs mean nothing now. Handled messages have left the folder
            # (move) or carry \Seen (seen), so the folder's own marks are the position; anything else
            # that comes round again is a duplicate the store's Message-ID key absorbs.
            log.warning(
                "imap %s: UIDVALIDITY changed %d -> %d, rescanning by folder marks",
                mailbox_key, saved[0], uidvalidity,
            )  # fmt: skip
        else:
            self.known, self.uid = True, saved[1]

    def save(self, uid: int) -> None:
        self.uid = uid
        if self._saved != (self._uidvalidity, uid):
            self._store.save(self._key, self._uidvalidity, uid)
            self._saved = (self._uidvalidity, uid)
