"""IMAP intake: read an existing support mailbox at a mail provider and feed every message to intake.

Many operators cannot point an MX record at scrubdesk but already have a support mailbox (issue #5).
The mailbox itself is the queue (docs/architecture.md, "the upstream is the queue"): a message leaves
the watched folder (MOVE to the processed folder, or the ``\\Seen`` flag) only after the sink reports
it committed, so a crash at any point means a re-delivery, and the store's Message-ID idempotency
makes a re-delivery harmless. Nothing is ever written to disk here; raw bytes live in memory for one
bounded fetch group at a time.

Standards behind the rules in this package:

* RFC 3501 (IMAP4rev1): UIDs are strictly ascending within one UIDVALIDITY; UIDNEXT is sent on SELECT.
* RFC 2177 (IDLE): the server may drop an idle client after 30 minutes, so re-IDLE before 29.
* RFC 6851 (MOVE), RFC 4315 (UIDPLUS, ``UID EXPUNGE``) for acknowledging by moving.
* RFC 8314: prefer implicit TLS (``ssl``) over STARTTLS; never send credentials in clear text.

The modules, in the order a message meets them:

* ``config``: one watched mailbox's settings and the checks that refuse unsafe ones;
* ``connection``: the IMAP session's life (TLS, login, keepalive, logout);
* ``poller``: ``ImapPoller``, the loop (reconnect with back-off, IDLE or polling, draining by UID);
* ``delivery``: bounded fetch groups handed to the sink;
* ``mailbox``: the folder operations (ensure, select, search, fetch, acknowledge, quarantine);
* ``state``: what the poller needs from the rest of scrubdesk (the sink, the position store) and
  the SQL position store ``serve`` wires in.
"""

from intake.imap.config import ImapMailboxConfig
from intake.imap.poller import ImapPoller
from intake.imap.state import MailboxStateStore, MessageSink, SqlMailboxState

__all__ = ["ImapMailboxConfig", "ImapPoller", "MailboxStateStore", "MessageSink", "SqlMailboxState"]
