"""The audit trail in the workspace: a filterable page and a CSV export, for admins and privacy officers.

Reading the trail is itself no audited act, but exporting it is (the export leaves the system).
Filters: actor, action, target kind and id, and a date range (``since`` inclusive, ``until``
exclusive, ISO dates). Pages are keyset-paginated on the entry id, newest first.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse, StreamingResponse

from models import Role
from tickets import audit
from tickets.accounts import Principal
from web.api import MAX_ID
from web.auth import require_role
from web.pages import templates
from web.workspace import ticket_store

router = APIRouter(include_in_schema=False)
# Administrators are always admitted by ``require_role``.
AuditReader = Annotated[Principal, Depends(require_role(Role.PRIVACY_OFFICER))]


def _day(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.combine(date.fromisoformat(value), time(), tzinfo=UTC)
    except ValueError as exc:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "dates are YYYY-MM-DD") from exc


def _filter(actor: str | None, action: str | None, target_kind: str | None, target_id: str | None,
            since: str | None, until: str | None) -> audit.AuditFilter:
    return audit.AuditFilter(actor=actor or None, action=action or None, target_kind=target_kind or None,
                             target_id=target_id or None, since=_day(since), until=_day(until))


@router.get("/admin/audit")
def audit_page(
    request: Request, who: AuditReader, actor: str | None = None, action: str | None = None,
    target_kind: str | None = None, target_id: str | None = None, since: str | None = None,
    until: str | None = None, before: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    limit: Annotated[int, Query(ge=10, le=500)] = 100,
) -> HTMLResponse:
    flt = _filter(actor, action, target_kind, target_id, since, until)
    with ticket_store(request).reading() as session:
        rows = audit.entries(session, flt, limit=limit, before_id=before)
        known_actions = audit.actions(session)
    params = {k: v for k, v in {"actor": actor, "action": action, "target_kind": target_kind,
                                "target_id": target_id, "since": since, "until": until}.items() if v}
    next_url = ("/admin/audit?" + urlencode({**params, "before": rows[-1].id, "limit": limit})
                if len(rows) == limit else None)
    return templates.TemplateResponse(request, "audit.html", {
        "who": who, "active": "audit", "rows": rows, "filters": params, "actions": known_actions, "next_url": next_url,
        "csv_url": "/admin/audit.csv" + ("?" + urlencode(params) if params else ""),
    })


@router.get("/admin/audit.csv")
def audit_csv(
    request: Request, who: AuditReader, actor: str | None = None, action: str | None = None,
    target_kind: str | None = None, target_id: str | None = None, since: str | None = None,
    until: str | None = None,
) -> StreamingResponse:
    flt = _filter(actor, action, target_kind, target_id, since, until)
    ts = ticket_store(request)
    with ts.writing() as session:
        audit.record(session, audit.actor_of(who.username), audit.EXPORT, "audit_log", None, {
            "filters": {k: v for k, v in {"actor": actor, "action": action, "target_kind": target_kind,
                                          "target_id": target_id, "since": since, "until": until}.items() if v},
        })

    def chunks() -> Iterator[str]:
        with ts.reading() as session:
            yield from audit.export_csv(session, flt)

    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return StreamingResponse(chunks(), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="audit-{stamp}.csv"'})
