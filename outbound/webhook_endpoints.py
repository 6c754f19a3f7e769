"""Endpoints of outgoing webhooks as data: add, edit, enable or disable, rotate the secret, remove, and
send a test, for the admin page (``web.admin_webhooks``).

A URL is checked when it is saved (its form, and its address when it is written as one) and again at
every send, when its name is resolved (``outbound.webhook_urls``): a name can change its address later.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.webhooks_out import WEBHOOK_EVENTS, WebhookEndpoint, WebhookFormat
from outbound import webhook_events, webhook_send
from outbound.webhook_urls import (
    Resolver,
    UrlPolicy,
    UrlRefused,
    check_address,
    check_url,
    display,
    literal_address,
    system_resolver,
)
from outbound.worker import PermanentSendError, TransientSendError

LANGUAGES = ("en", "nl")


class EndpointError(ValueError):
    """What the admin typed cannot be saved; the message says why (never the URL or the secret)."""


@dataclass(frozen=True, slots=True)
class EndpointForm:
    name: str
    url: str
    format: str = WebhookFormat.JSON.value
    events: tuple[str, ...] = ()
    include_text: bool = False
    lang: str = "en"
    enabled: bool = True


def new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


def _validated(form: EndpointForm, policy: UrlPolicy) -> EndpointForm:
    name = form.name.strip()
    if not name or len(name) > 120:
        raise EndpointError("give the endpoint a name of at most 120 characters")
    try:
        parts = check_url(form.url, policy)
        literal = literal_address(parts.hostname or "")
        if literal is not None:
            check_address(literal, policy)
    except UrlRefused as exc:
        raise EndpointError(str(exc)) from exc
    try:
        fmt = WebhookFormat(form.format)
    except ValueError as exc:
        raise EndpointError("unknown format") from exc
    unknown = set(form.events) - set(WEBHOOK_EVENTS)
    if unknown:
        raise EndpointError("unknown event")
    if form.lang not in LANGUAGES:
        raise EndpointError("unknown language")
    events = tuple(e for e in WEBHOOK_EVENTS if e in form.events)
    return EndpointForm(name, form.url.strip(), fmt.value, events, form.include_text, form.lang, form.enabled)


def list_endpoints(session: Session) -> list[WebhookEndpoint]:
    return list(session.scalars(select(WebhookEndpoint).order_by(WebhookEndpoint.id)))


def get(session: Session, endpoint_id: int) -> WebhookEndpoint:
    endpoint = session.get(WebhookEndpoint, endpoint_id)
    if endpoint is None:
        raise EndpointError("no such endpoint")
    return endpoint


def create(session: Session, form: EndpointForm, policy: UrlPolicy) -> WebhookEndpoint:
    valid = _validated(form, policy)
    endpoint = WebhookEndpoint(name=valid.name, url=valid.url, secret=new_secret(), format=WebhookFormat(valid.format),
                               events=list(valid.events), include_text=valid.include_text, lang=valid.lang,
                               enabled=valid.enabled)
    session.add(endpoint)
    session.flush()
    return endpoint


def update(session: Session, endpoint_id: int, form: EndpointForm, policy: UrlPolicy) -> WebhookEndpoint:
    valid = _validated(form, policy)
    endpoint = get(session, endpoint_id)
    endpoint.name, endpoint.url, endpoint.format = valid.name, valid.url, WebhookFormat(valid.format)
    endpoint.events, endpoint.include_text = list(valid.events), valid.include_text
    endpoint.lang, endpoint.enabled = valid.lang, valid.enabled
    return endpoint


def set_enabled(session: Session, endpoint_id: int, enabled: bool) -> WebhookEndpoint:
    endpoint = get(session, endpoint_id)
    endpoint.enabled = enabled
    return endpoint


def rotate_secret(session: Session, endpoint_id: int) -> WebhookEndpoint:
    endpoint = get(session, endpoint_id)
    endpoint.secret = new_secret()
    return endpoint


def delete(session: Session, endpoint_id: int) -> None:
    """Entries already queued for it are given up at their next attempt (the sender finds no endpoint)."""
    session.delete(get(session, endpoint_id))


def describe(endpoint: WebhookEndpoint) -> dict[str, object]:
    """What the list shows: the host only, never the path or query (a Slack URL's path is its secret)."""
    return {"id": endpoint.id, "name": endpoint.name, "where": display(endpoint.url), "format": str(endpoint.format),
            "events": list(endpoint.events or []), "include_text": endpoint.include_text, "enabled": endpoint.enabled,
            "last_result": endpoint.last_result, "last_attempt_at": endpoint.last_attempt_at}


def send_test(endpoint: WebhookEndpoint, policy: UrlPolicy, resolver: Resolver = system_resolver) -> str:
    """POST a signed "ping" now (not through the outbox, so the admin sees the answer); the answer in words."""
    delivery = str(uuid.uuid4())
    view = webhook_events.EndpointView(endpoint.id, endpoint.format, False, endpoint.lang, ())
    body = webhook_send.encode(webhook_events.rendered(webhook_events.ping(delivery), view))
    try:
        answer = webhook_send.post(endpoint.url, endpoint.secret, body, delivery=delivery, event="ping",
                                   policy=policy, resolver=resolver)
    except (UrlRefused, PermanentSendError, TransientSendError) as exc:
        return f"not delivered: {exc}"
    except httpx.HTTPError as exc:
        return f"not delivered: network error ({type(exc).__name__})"
    return f"answered {answer.status} in {answer.elapsed_ms} ms"


def parse_events(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(v for v in values if v)
