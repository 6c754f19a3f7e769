"""The schema: every table of scrubdesk, one module per domain, on one ``Base``.

Importing this package registers every table (for the app, Alembic and the tests); the names below
are what the rest of the code imports. ``models.db`` makes engines and sessions, ``models.migrate``
runs the Alembic migrations in ``models/migrations``. This package imports nothing of ours but the
scrubber's types, so every other package may use it.
"""

# Issue 22's tables live in modules of their own, imported here so they register on Base; their names
# are imported from those modules (models.sla, models.webhooks_out, models.satisfaction,
# models.rules, models.mailboxes, models.reports).
import models.mailboxes
import models.reports
import models.rules
import models.satisfaction
import models.sla
import models.webhooks_out  # noqa: F401
from models.audit import AppendOnlyError, AuditEntry
from models.base import AppendOnly, Base, SealedJSON, SealedText, UTCDateTime, enum_column, utcnow
from models.deployment import DeploymentSetting
from models.intake import ImapMailboxState
from models.outbox import OutboxEntry, OutboxStatus
from models.privacy import (
    FINAL_STATES,
    OPEN_STATES,
    DownloadLink,
    ExternalTask,
    PrivacyAudit,
    PrivacyRequest,
    RequestState,
    Restriction,
    RetentionHold,
    Suppression,
)
from models.retention import CustomerContract
from models.tickets import (
    OPEN_STATUSES,
    TICKET_NUMBER_OFFSET,
    Attachment,
    Channel,
    Contact,
    Customer,
    Direction,
    Message,
    PlaceholderKey,
    Priority,
    Ticket,
    TicketEvent,
    TicketStatus,
    ticket_id_of,
    ticket_number,
)
from models.vault import VaultEntry
from models.verification import Verification
from models.workspace import (
    Agent,
    AgentSession,
    ApiToken,
    AutoAck,
    Draft,
    Macro,
    Notification,
    Presence,
    Role,
    Tag,
    TicketDue,
    TicketTag,
)

__all__ = [
    "FINAL_STATES", "OPEN_STATES", "OPEN_STATUSES", "TICKET_NUMBER_OFFSET", "Agent", "AgentSession", "ApiToken",
    "AppendOnly", "AppendOnlyError", "Attachment", "AuditEntry", "AutoAck", "Base", "Channel", "Contact",
    "Customer", "CustomerContract", "DeploymentSetting", "Direction", "DownloadLink", "Draft", "ExternalTask",
    "ImapMailboxState", "Macro", "Message", "Notification", "OutboxEntry", "OutboxStatus", "PlaceholderKey",
    "Presence", "Priority",
    "PrivacyAudit", "PrivacyRequest", "RequestState", "Restriction", "RetentionHold", "Role", "SealedJSON",
    "SealedText", "Suppression", "Tag", "Ticket", "TicketDue", "TicketEvent", "TicketStatus", "TicketTag",
    "UTCDateTime", "VaultEntry",
    "Verification", "enum_column", "ticket_id_of", "ticket_number", "utcnow",
]
