"""The reports dashboard and its CSV export (issue 22), for administrators only (there is no separate
reporting permission: the report shows privacy figures and every agent's workload).

``GET /reports`` draws the figures of ``tickets.reports`` as server-side SVG charts, each followed by a
table of the same numbers; ``GET /reports.csv`` exports them as one figure per row. Both take the same
filters in the query string (period, bucket, channel, mailbox, agent), so a page's CSV link exports
exactly what the page shows. Definitions of every figure: the docstring of ``tickets.reports``.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select

from models import Agent, Channel
from models.mailboxes import Mailbox
from tickets import i18n, reports
from tickets.i18n import N_
from web import satisfaction as satisfaction_pages
from web import svg
from web.api import MAX_ID
from web.auth import AdminPage
from web.pages import language_of, render
from web.workspace import ticket_store

router = APIRouter(include_in_schema=False)
# The public rating page of the satisfaction link shares this slice's router (mounted by web.app).
router.include_router(satisfaction_pages.router)

# Texts of data shown on the page (age bands, request types), marked for the catalogue.
LABELS = (
    N_("< 1 day"), N_("1-3 days"), N_("3-7 days"), N_("7-30 days"), N_("30+ days"),
    N_("access"), N_("erasure"), N_("rectification"), N_("restriction"), N_("portability"), N_("objection"),
    N_("complaint"), N_("all"), N_("day"), N_("week"), N_("month"),
)
DEFAULT_DAYS = 30


def duration(seconds: float | None) -> str:
    """A duration for people: seconds, minutes, hours or days, one decimal where it helps."""
    if seconds is None:
        return "–"
    if seconds < 60:
        return i18n.gettext("{value} s").format(value=f"{seconds:.0f}")
    if seconds < 3600:
        return i18n.gettext("{value} min").format(value=f"{seconds / 60:.0f}")
    if seconds < 86400 * 2:
        return i18n.gettext("{value} h").format(value=f"{seconds / 3600:.1f}")
    return i18n.gettext("{value} d").format(value=f"{seconds / 86400:.1f}")


def _filters(start: date | None, end: date | None, bucket: reports.Bucket, channel: str | None,
             agent: int | None, mailbox: int | None) -> reports.Filters:
    today = datetime.now(reports.TZ).date()
    end = end or today
    start = start or end - timedelta(days=DEFAULT_DAYS - 1)
    if start > end:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, i18n.gettext("The period ends before it starts."))
    if channel and channel not in {c.value for c in Channel}:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, i18n.gettext("No such channel."))
    filters = reports.Filters(start, end, bucket, channel or None, agent, mailbox)
    if len(filters.buckets()) > reports.MAX_BUCKETS:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT,
                            i18n.gettext("Too many buckets: choose weeks or months for a period this long."))
    return filters


def _query(filters: reports.Filters) -> str:
    params = {"start": filters.start.isoformat(), "end": filters.end.isoformat(), "bucket": filters.bucket.value}
    if filters.channel:
        params["channel"] = filters.channel
    if filters.mailbox_id is not None:
        params["mailbox"] = str(filters.mailbox_id)
    if filters.agent_id is not None:
        params["agent"] = str(filters.agent_id)
    return urlencode(params)


def _entity(kind: str) -> str:
    return i18n.gettext(kind.replace("_", " ").lower())


def _charts(report: reports.Report) -> dict[str, Any]:
    _ = i18n.gettext
    labels = [day.isoformat() for day in report.buckets]
    table_note = _("The same figures are in the table below.")
    first = [report.first_response_by_bucket.get(d, reports.Times()).median or 0 for d in report.buckets]
    resolved = [report.resolution_by_bucket.get(d, reports.Times()).median or 0 for d in report.buckets]
    kinds = sorted(set(report.removed_messages) | set(report.removed_attachments),
                   key=lambda k: -(report.removed_messages.get(k, 0) + report.removed_attachments.get(k, 0)))
    return {
        "volume": svg.bar_chart("chart-volume", _("Tickets created and solved"), table_note, labels, [
            (_("Created"), [report.created.get(d, 0) for d in report.buckets]),
            (_("Solved"), [report.solved.get(d, 0) for d in report.buckets])]),
        "times": svg.bar_chart("chart-times", _("Median first-response and resolution time, in hours"),
                               table_note, labels, [(_("First response"), [s / 3600 for s in first]),
                                                    (_("Resolution"), [s / 3600 for s in resolved])]),
        "backlog": svg.hbar_chart("chart-backlog", _("Open tickets by age"), table_note,
                                  [(_(label), n) for label, n in report.backlog]),
        "removed": svg.hbar_chart("chart-removed", _("Personal data removed on arrival, by type"), table_note,
                                  [(_entity(k), report.removed_messages.get(k, 0)
                                    + report.removed_attachments.get(k, 0)) for k in kinds]),
        "privacy": svg.hbar_chart("chart-privacy", _("Privacy requests received, by type"), table_note,
                                  [(_(r.type), r.received) for r in report.privacy]),
        "satisfaction": svg.hbar_chart("chart-satisfaction", _("Satisfaction ratings"), table_note,
                                       [(_("Good"), report.satisfaction.get("good", 0)),
                                        (_("Bad"), report.satisfaction.get("bad", 0))]),
        "kinds": [(k, _entity(k)) for k in kinds],
    }


Start = Annotated[date | None, Query()]
AgentId = Annotated[int | None, Query(ge=1, le=MAX_ID)]
MailboxId = Annotated[int | None, Query(ge=1, le=MAX_ID)]


@router.get("/reports")
def reports_page(request: Request, who: AdminPage, start: Start = None, end: Start = None,
                 bucket: reports.Bucket = reports.Bucket.DAY, channel: str | None = None,
                 agent: AgentId = None, mailbox: MailboxId = None) -> HTMLResponse:
    i18n.current.set(language_of(request, who))
    filters = _filters(start, end, bucket, channel, agent, mailbox)
    with ticket_store(request).reading() as session:
        report = reports.build(session, filters)
        agents = session.execute(select(Agent.id, Agent.display_name).order_by(Agent.display_name)).all()
        mailboxes = session.execute(select(Mailbox.id, Mailbox.name).order_by(Mailbox.name)).all()
    # The template draws the charts (``charts(report)``), in the language render() chose.
    return render(request, "reports.html", {
        "who": who, "active": "reports", "report": report, "filters": filters, "agents": agents,
        "mailboxes": mailboxes,
        "channels": [c.value for c in Channel], "buckets": [b.value for b in reports.Bucket],
        "csv_url": f"/reports.csv?{_query(filters)}", "duration": duration, "charts": _charts,
        "entity": _entity})


@router.get("/reports.csv")
def reports_csv(request: Request, who: AdminPage, start: Start = None, end: Start = None,
                bucket: reports.Bucket = reports.Bucket.DAY, channel: str | None = None,
                agent: AgentId = None, mailbox: MailboxId = None) -> Response:
    i18n.current.set(language_of(request, who))
    filters = _filters(start, end, bucket, channel, agent, mailbox)
    with ticket_store(request).reading() as session:
        report = reports.build(session, filters)
    buffer = io.StringIO()
    csv.writer(buffer).writerows(reports.csv_rows(report))
    name = f"scrubdesk-report-{filters.start.isoformat()}-{filters.end.isoformat()}.csv"
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
