"""Administration of outgoing webhooks (issue 22): add, edit, enable or disable, rotate the secret, send a
test, remove. Endpoints are data (``outbound.webhook_endpoints``); what is sent and how is in
``outbound.webhooks_out`` and ``outbound.webhook_send``.

The URL rules (https, loopback, private addresses) are the deployment's (``[webhooks_out]``), which
``serve`` puts on ``app.state.webhooks_out_policy``; without it the strictest rules apply. The list
shows a URL's host only; its path and the secret are on the endpoint's own page, for administrators.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from models.webhooks_out import WEBHOOK_EVENTS, WebhookFormat
from outbound import webhook_endpoints as endpoints
from outbound.webhook_urls import UrlPolicy
from tickets import audit
from web.auth import AdminPage
from web.pages import render
from web.workspace import ticket_store

router = APIRouter(include_in_schema=False)
BASE = "/admin/webhooks"


def policy_of(request: Request) -> UrlPolicy:
    policy = getattr(request.app.state, "webhooks_out_policy", None)
    return policy if isinstance(policy, UrlPolicy) else UrlPolicy()


def _to(url: str, **params: str | None) -> Response:
    query = urlencode({k: v for k, v in params.items() if v})
    return RedirectResponse(url + (f"?{query}" if query else ""), status.HTTP_303_SEE_OTHER)


def _form(form: FormData) -> endpoints.EndpointForm:
    return endpoints.EndpointForm(
        name=str(form.get("name") or ""), url=str(form.get("url") or ""),
        format=str(form.get("format") or WebhookFormat.JSON.value),
        events=endpoints.parse_events(str(v) for v in form.getlist("events")),
        include_text=form.get("include_text") == "true", lang=str(form.get("lang") or "en"),
        enabled=form.get("enabled", "true") == "true")


def _page(request: Request, who: AdminPage, *, edit_id: int | None = None, error: str | None = None,
          done: str | None = None, result: str | None = None) -> HTMLResponse:
    with ticket_store(request).reading() as session:
        rows = [endpoints.describe(e) for e in endpoints.list_endpoints(session)]
        edit = None
        if edit_id is not None:
            found = endpoints.get(session, edit_id)
            edit = {**endpoints.describe(found), "url": found.url, "secret": found.secret, "lang": found.lang}
    return render(request, "admin_webhooks.html", {
        "who": who, "endpoints": rows, "edit": edit, "error": error, "done": done, "result": result,
        "all_events": WEBHOOK_EVENTS, "formats": [f.value for f in WebhookFormat], "languages": endpoints.LANGUAGES,
        "policy": policy_of(request), "active": "admin"})


@router.get(BASE)
def webhooks_page(request: Request, who: AdminPage, error: str | None = None, done: str | None = None) -> HTMLResponse:
    return _page(request, who, error=error, done=done)


@router.get(BASE + "/{endpoint_id}")
def webhook_page(request: Request, who: AdminPage, endpoint_id: int, error: str | None = None,
                 done: str | None = None, result: str | None = None) -> Response:
    try:
        return _page(request, who, edit_id=endpoint_id, error=error, done=done, result=result)
    except endpoints.EndpointError as exc:
        return _to(BASE, error=str(exc))


@router.post(BASE)
async def add_webhook(request: Request, who: AdminPage) -> Response:
    form = _form(await request.form())

    def save() -> int:
        with ticket_store(request).writing() as session:
            endpoint = endpoints.create(session, form, policy_of(request))
            audit.record(session, audit.actor_of(who.username), "webhook.add", "webhook", endpoint.id,
                         {"format": str(endpoint.format), "events": list(endpoint.events)})
            return endpoint.id

    try:
        endpoint_id = await run_in_threadpool(save)
    except endpoints.EndpointError as exc:
        return _to(BASE, error=str(exc))
    return _to(f"{BASE}/{endpoint_id}", done="added")


@router.post(BASE + "/{endpoint_id}")
async def edit_webhook(request: Request, who: AdminPage, endpoint_id: int) -> Response:
    form = _form(await request.form())

    def save() -> None:
        with ticket_store(request).writing() as session:
            endpoint = endpoints.update(session, endpoint_id, form, policy_of(request))
            audit.record(session, audit.actor_of(who.username), "webhook.edit", "webhook", endpoint.id,
                         {"format": str(endpoint.format), "events": list(endpoint.events),
                          "enabled": endpoint.enabled})

    try:
        await run_in_threadpool(save)
    except endpoints.EndpointError as exc:
        return _to(f"{BASE}/{endpoint_id}", error=str(exc))
    return _to(f"{BASE}/{endpoint_id}", done="saved")


@router.post(BASE + "/{endpoint_id}/enabled")
async def enable_webhook(request: Request, who: AdminPage, endpoint_id: int) -> Response:
    enabled = (await request.form()).get("enabled") == "true"

    def save() -> None:
        with ticket_store(request).writing() as session:
            endpoints.set_enabled(session, endpoint_id, enabled)
            audit.record(session, audit.actor_of(who.username), "webhook.enable" if enabled else "webhook.disable",
                         "webhook", endpoint_id, {})

    try:
        await run_in_threadpool(save)
    except endpoints.EndpointError as exc:
        return _to(BASE, error=str(exc))
    return _to(BASE, done="saved")


@router.post(BASE + "/{endpoint_id}/secret")
async def rotate_webhook_secret(request: Request, who: AdminPage, endpoint_id: int) -> Response:
    def save() -> None:
        with ticket_store(request).writing() as session:
            endpoints.rotate_secret(session, endpoint_id)
            audit.record(session, audit.actor_of(who.username), "webhook.rotate_secret", "webhook", endpoint_id, {})

    try:
        await run_in_threadpool(save)
    except endpoints.EndpointError as exc:
        return _to(BASE, error=str(exc))
    return _to(f"{BASE}/{endpoint_id}", done="rotated")


@router.post(BASE + "/{endpoint_id}/test")
async def test_webhook(request: Request, who: AdminPage, endpoint_id: int) -> Response:
    def send() -> str:
        with ticket_store(request).reading() as session:
            endpoint = endpoints.get(session, endpoint_id)
            session.expunge(endpoint)  # the POST runs outside the session
        result = endpoints.send_test(endpoint, policy_of(request))
        with ticket_store(request).writing() as session:
            audit.record(session, audit.actor_of(who.username), "webhook.test", "webhook", endpoint_id,
                         {"result": result[:120]})
        return result

    try:
        result = await run_in_threadpool(send)
    except endpoints.EndpointError as exc:
        return _to(BASE, error=str(exc))
    return _to(f"{BASE}/{endpoint_id}", result=result)


@router.post(BASE + "/{endpoint_id}/delete")
async def delete_webhook(request: Request, who: AdminPage, endpoint_id: int) -> Response:
    def save() -> None:
        with ticket_store(request).writing() as session:
            endpoints.delete(session, endpoint_id)
            audit.record(session, audit.actor_of(who.username), "webhook.delete", "webhook", endpoint_id, {})

    try:
        await run_in_threadpool(save)
    except endpoints.EndpointError as exc:
        return _to(BASE, error=str(exc))
    return _to(BASE, done="deleted")
