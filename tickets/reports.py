"""Reports for the team (issue 22): what came in, what was answered and solved and how fast, what waits,
what personal data intake removed, and how privacy requests fared against their legal deadline.

Definitions (the page, the CSV export and the tests use these and only these):

- **Period**: from the first to the last local day given, inclusive, in Europe/Amsterdam; buckets are
  local days, ISO weeks (Monday to Sunday) or calendar months, each named by its first day.
- **Filters**: channel (the ticket's channel), mailbox (the one it came in on, ``tickets.mailbox_id``)
  and agent (the ticket's current assignee). They select tickets, and so everything measured on
  tickets; privacy requests by their own channel and, for the mailbox and agent, by their ticket's.
- **Source**: ticket figures are read from the report summary (``models.reports``), one row per ticket
  kept in step in the same transaction as the ticket's changes. An erased ticket (art. 17) keeps its
  row without a link to the ticket: it still counts in created, solved, times and removed on arrival,
  not in the backlog; nothing personal is in the summary.
- **Per mailbox**: created and solved, first-response and resolution times, per mailbox (by name; no
  mailbox: the deployment's default identity), for the same period and other filters.
- **Created**: tickets whose ``created_at`` lies in the period, per bucket of creation.
- **Solved**: tickets whose ``solved_at`` lies in the period, per bucket of solving. ``solved_at`` is
  cleared when a ticket is reopened, so a reopened ticket counts once more only when solved again.
- **First-response time**: for a ticket created in the period, from its first inbound message to the
  first outgoing message after it that is not automatic (``auto_submitted`` false: acknowledgements and
  privacy notices are automatic; notes are not outgoing); counted in the bucket the ticket was created
  in. Tickets without such a reply yet are "not yet answered" and have no time.
- **Resolution time**: for a ticket solved in the period, from its creation to ``solved_at``; counted
  in the bucket it was solved in.
- Times are reported as the **median** and the **90th percentile** (continuous: interpolated between
  the two nearest ranks, as PostgreSQL's ``percentile_cont``), in seconds.
- **Backlog by age**: tickets open now (new, open, pending) by time since creation; the period does
  not apply, the filters do.
- **Removed on arrival**: the counts per entity type in ``redactions`` of the inbound messages received
  in the period, and of their attachments (kept apart). Counts only: no value is ever stored.
- **Privacy requests**: requests received in the period, per type (a request of two types counts under
  each; the row ``all`` counts each request once): closed (fulfilled, refused or withdrawn), closed in
  time (closed on or before its due day, ``due_on``: one month after receipt, or three when extended
  with notice, rolled to a working day; the local day of ``closed_at`` is compared), still open, and
  open past the due day today.
- **Satisfaction**: ratings (good, bad) given in the period, by when they were given; one per ticket,
  the customer's last answer (``tickets.satisfaction``).
- **SLA compliance**: first responses and resolutions within and past their SLA targets (``tickets.sla_report``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.orm import Session

from tickets import report_queries as q
from tickets.report_sql import ALL, TZ, Bucket, Measured, Times, bucket_start
from tickets.sla_report import Compliance

__all__ = ["ALL", "TZ", "Bucket", "Filters", "MailboxRow", "Report", "Times", "build", "csv_rows"]

# A day-by-day chart of several years is unreadable and slow to draw: wider buckets are asked for then.
MAX_BUCKETS = 400


@dataclass(frozen=True, slots=True)
class Filters:
    start: date
    end: date
    bucket: Bucket = Bucket.DAY
    channel: str | None = None
    agent_id: int | None = None
    mailbox_id: int | None = None

    def utc_range(self) -> tuple[datetime, datetime]:
        """The period as UTC instants: from local midnight of ``start`` to local midnight after ``end``."""
        return (datetime.combine(self.start, time(), TZ).astimezone(UTC),
                datetime.combine(self.end + timedelta(days=1), time(), TZ).astimezone(UTC))

    def buckets(self) -> list[date]:
        """Every bucket of the period in order, also those without tickets."""
        found, day = [], bucket_start(self.start, self.bucket)
        while day <= self.end:
            found.append(day)
            day = bucket_start(day + timedelta(days=32 if self.bucket is Bucket.MONTH else 7
                                               if self.bucket is Bucket.WEEK else 1), self.bucket)
        return found


@dataclass(frozen=True, slots=True)
class MailboxRow:
    """One mailbox's share of the period (``mailbox_id`` None: tickets without a mailbox)."""

    mailbox_id: int | None
    name: str | None
    created: int
    solved: int
    first_response: Times
    resolution: Times


def _by_mailbox(session: Session, created: Measured, solved: Measured) -> list[MailboxRow]:
    ids = sorted(set(created.by_mailbox) | set(solved.by_mailbox), key=lambda i: (i is not None, i or 0))
    names = q.mailbox_names(session, ids)
    rows = []
    for mailbox in ids:
        made, first = created.by_mailbox.get(mailbox, (0, Times()))
        done, resolution = solved.by_mailbox.get(mailbox, (0, Times()))
        rows.append(MailboxRow(mailbox, names.get(mailbox) if mailbox is not None else None, made, done, first,
                               resolution))
    return sorted(rows, key=lambda r: (r.mailbox_id is not None, (r.name or "").casefold()))


@dataclass
class Report:
    filters: Filters
    now: datetime
    buckets: list[date]
    created: dict[date, int]
    solved: dict[date, int]
    first_response: Times
    first_response_by_bucket: dict[date, Times]
    resolution: Times
    resolution_by_bucket: dict[date, Times]
    backlog: list[tuple[str, int]]
    removed_messages: dict[str, int]
    removed_attachments: dict[str, int]
    privacy: list[q.PrivacyRow]
    satisfaction: dict[str, int] = field(default_factory=dict)
    sla: Compliance | None = None
    by_mailbox: list[MailboxRow] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)

    @property
    def not_yet_answered(self) -> int:
        return self.totals["created"] - self.first_response.count


def build(session: Session, filters: Filters, now: datetime | None = None) -> Report:
    """Every figure of the report for ``filters`` (``now`` for the backlog and overdue requests)."""
    now = now or datetime.now(UTC)
    created, solved = q.created(session, filters), q.solved(session, filters)
    removed_messages, removed_attachments = q.removed(session, filters)
    return Report(
        filters=filters, now=now, buckets=filters.buckets(), created=created.counts, solved=solved.counts,
        first_response=created.overall, first_response_by_bucket=created.times, resolution=solved.overall,
        resolution_by_bucket=solved.times, backlog=q.backlog(session, filters, now),
        removed_messages=removed_messages, removed_attachments=removed_attachments,
        privacy=q.privacy_requests(session, filters, now), satisfaction=q.satisfaction(session, filters),
        sla=Compliance(created.sla_met, created.sla_breached, solved.sla_met, solved.sla_breached),
        by_mailbox=_by_mailbox(session, created, solved),
        totals={"created": sum(created.counts.values()), "solved": sum(solved.counts.values())},
    )


def _times(section: str, key: str, times: Times) -> Iterator[tuple[str, str, str, str]]:
    yield section, key, "count", str(times.count)
    for name, value in (("median_seconds", times.median), ("p90_seconds", times.p90)):
        yield section, key, name, "" if value is None else f"{value:.1f}"


def csv_rows(report: Report) -> Iterator[tuple[str, str, str, str]]:
    """The report as ``(section, key, measure, value)`` rows: one figure per row, easy to pivot."""
    yield "section", "key", "measure", "value"
    for day in report.buckets:
        key = day.isoformat()
        yield "created", key, "tickets", str(report.created.get(day, 0))
        yield "solved", key, "tickets", str(report.solved.get(day, 0))
        yield from _times("first_response", key, report.first_response_by_bucket.get(day, Times()))
        yield from _times("resolution", key, report.resolution_by_bucket.get(day, Times()))
    yield "created", ALL, "tickets", str(report.totals["created"])
    yield "solved", ALL, "tickets", str(report.totals["solved"])
    yield from _times("first_response", ALL, report.first_response)
    yield "first_response", ALL, "not_yet_answered", str(report.not_yet_answered)
    yield from _times("resolution", ALL, report.resolution)
    for label, n in report.backlog:
        yield "backlog", label, "open_tickets", str(n)
    for kind, n in sorted(report.removed_messages.items()):
        yield "removed_on_arrival", kind, "messages", str(n)
    for kind, n in sorted(report.removed_attachments.items()):
        yield "removed_on_arrival", kind, "attachments", str(n)
    for row in report.privacy:
        for measure in ("received", "closed", "closed_in_time", "open", "overdue"):
            yield "privacy_requests", row.type, measure, str(getattr(row, measure))
    for rating in ("good", "bad"):
        yield "satisfaction", rating, "ratings", str(report.satisfaction.get(rating, 0))
    for box in report.by_mailbox:
        key = "none" if box.mailbox_id is None else str(box.mailbox_id)
        yield "mailbox", key, "name", box.name or ""
        yield "mailbox", key, "created", str(box.created)
        yield "mailbox", key, "solved", str(box.solved)
        yield from (("mailbox", key, f"first_response_{m}", v) for _, _, m, v in _times("", "", box.first_response))
        yield from (("mailbox", key, f"resolution_{m}", v) for _, _, m, v in _times("", "", box.resolution))
    if report.sla is not None:
        for target in ("first_response", "resolution"):
            for outcome in ("met", "breached"):
                yield "sla", target, outcome, str(getattr(report.sla, f"{target}_{outcome}"))
