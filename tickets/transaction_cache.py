"""What one transaction has read, remembered until it ends: ``remembered(session)``.

Why this module exists: intake's group commit (issue 19) writes many messages in one transaction and asks
the same questions for each (the sender's contact, who wants to hear of a new ticket), while nothing in the
transaction changes the answers between them. The answers live in ``Session.info`` and are dropped when the
transaction or a savepoint ends (a savepoint rolled back may have made what was remembered), never when a
flush's subtransaction ends. One listener for every such answer, so they are forgotten by one rule.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

_KEY = "scrubdesk_transaction_cache"


def remembered(session: Session) -> dict[str, Any]:
    """The current transaction's remembered answers, by name (an empty dict at its start)."""
    cache: dict[str, Any] = session.info.setdefault(_KEY, {})
    return cache


@event.listens_for(Session, "after_transaction_end")
def _forget(session: Session, transaction: SessionTransaction) -> None:
    if transaction.nested or transaction.parent is None:
        session.info.pop(_KEY, None)
