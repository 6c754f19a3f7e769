"""Reports for the team (issue 22): what came in, what was answered and solved and how fast, what waits,
what personal data intake removed, and how privacy requests fared against their legal deadline.

Definitions (the page, the CSV export and the tests use these and only these):

- **Period**: from the first to the last local day given, inclusive, in Europe/Amsterdam; buckets are
  local days, ISO weeks (Monday to Sunday) or calendar months, each named by its first day.
- **Filters**: channel (the ticket's channel) and agent (the ticket's current assignee). They select
  tickets, and so everything measured on tickets; privacy requests by their own channel and, for the
  agent, by their ticket's assignee. (A mailbox filter will be one more condition in
  ``tickets.report_queries.ticket_conditions``.)
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

from models import Ticket
from tickets import report_queries as q
from tickets import sla_report
from tickets.report_sql import ALL, TZ, Bucket, Times, bucket_start
from tickets.sla_report import Compliance

__all__ = ["ALL", "TZ", "Bucket", "Filters", "Report", "Times", "build", "csv_rows"]

# A day-by-day chart of several years is unreadable and slow to draw: wider buckets are asked for then.
MAX_BUCKETS = 400


@dataclass(frozen=True, slots=True)
class Filters:
    start: date
    end: date
    bucket: Bucket = Bucket.DAY
    channel: str | None = None
    agent_id: int | None = None

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


def sla_compliance(session: Session, filters: Filters) -> Compliance:
    """The SLA section: first responses and resolutions within or past their targets (``tickets.sla_report``
    defines which tickets count), for the same period, channel and assignee as the rest of the report."""
    return sla_report.compliance(session, *filters.utc_range(), channel=filters.channel, agent_id=filters.agent_id)


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
    totals: dict[str, int] = field(default_factory=dict)

    @property
    def not_yet_answered(self) -> int:
        return self.totals["created"] - self.first_response.count


def build(session: Session, filters: Filters, now: datetime | None = None) -> Report:
    """Every figure of the report for ``filters`` (``now`` for the backlog and overdue requests)."""
    now = now or datetime.now(UTC)
    created = q.counts(session, filters, Ticket.created_at)
    solved = q.counts(session, filters, Ticket.solved_at)
    first, first_by = q.first_responses(session, filters)
    resolution, resolution_by = q.resolutions(session, filters)
    return Report(
        filters=filters, now=now, buckets=filters.buckets(), created=created, solved=solved,
        first_response=first, first_response_by_bucket=first_by, resolution=resolution,
        resolution_by_bucket=resolution_by, backlog=q.backlog(session, filters, now),
        removed_messages=q.removed(session, filters, attachments=False),
        removed_attachments=q.removed(session, filters, attachments=True),
        privacy=q.privacy_requests(session, filters, now), satisfaction=q.satisfaction(session, filters),
        sla=sla_compliance(session, filters),
        totals={"created": sum(created.values()), "solved": sum(solved.values())},
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
    if report.sla is not None:
        for target in ("first_response", "resolution"):
            for outcome in ("met", "breached"):
                yield "sla", target, outcome, str(getattr(report.sla, f"{target}_{outcome}"))
