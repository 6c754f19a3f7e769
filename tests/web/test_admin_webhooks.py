"""The admin page of outgoing webhooks (issue 22): add, edit, disable, rotate, send a test to a real
loopback receiver, delete; the URL rules refuse what they must; the URL and secret are sealed at rest."""

from __future__ import annotations

import re

from sqlalchemy import select, text

from models import AuditEntry, utcnow
from models.webhooks_out import WebhookEndpoint
from outbound.webhook_urls import UrlPolicy
from tests.outbound.test_webhooks_out import Receiver, receiver, verify_documented  # noqa: F401
from tests.web.conftest import Env, csrf_of, login

ADMIN = "/admin/webhooks"


def _add(env: Env, csrf: str, url: str, **extra: object) -> tuple[int, str]:
    data: dict[str, object] = {"csrf_token": csrf, "name": "Ops channel", "url": url, "format": "json",
                               "lang": "en", **extra}
    r = env.client.post(ADMIN, data=data, follow_redirects=False)
    assert r.status_code == 303, r.text
    return r.status_code, r.headers["location"]


def test_admin_adds_tests_disables_and_deletes(env: Env, receiver: Receiver) -> None:  # noqa: F811
    env.client.app.state.webhooks_out_policy = UrlPolicy(allow_loopback=True)  # type: ignore[attr-defined]
    csrf = login(env.client, "root")
    assert 'href="/admin/webhooks"' in env.client.get("/admin/agents").text
    _, location = _add(env, csrf, receiver.url, events=["ticket.created", "ticket.assigned"], include_text="true")
    match = re.fullmatch(r"/admin/webhooks/(\d+)\?done=added", location)
    assert match, location
    endpoint_id = int(match.group(1))
    page = env.client.get(location).text
    secret = re.search(r'<code id="webhook-secret">([^<]+)</code>', page)
    assert secret and secret.group(1).startswith("whsec_")
    with env.store.reading() as session:
        endpoint = session.get(WebhookEndpoint, endpoint_id)
        assert endpoint is not None and endpoint.events == ["ticket.created", "ticket.assigned"]
        assert endpoint.include_text and endpoint.enabled and endpoint.secret == secret.group(1)
        raw = session.execute(text("SELECT url, secret FROM webhook_endpoints")).one()
        assert "127.0.0.1" not in raw[0] and "token=abc" not in raw[0] and secret.group(1) not in raw[1]
    # The list shows the host only.
    listing = env.client.get(ADMIN).text
    assert "Ops channel" in listing and "token=abc" not in listing and "/hooks/in" not in listing

    r = env.client.post(f"{ADMIN}/{endpoint_id}/test", data={"csrf_token": csrf}, follow_redirects=True)
    assert "answered 200" in r.text
    [got] = receiver.got
    assert got.json()["event"] == "ping" and verify_documented(secret.group(1), got)

    with env.store.writing() as session:  # what a delivery attempt leaves for the list
        found = session.get(WebhookEndpoint, endpoint_id)
        assert found is not None
        found.last_result, found.last_attempt_at = "answered 503", utcnow()
    assert "answered 503" in env.client.get(ADMIN).text
    r = env.client.post(f"{ADMIN}/{endpoint_id}/secret", data={"csrf_token": csrf}, follow_redirects=False)
    assert r.status_code == 303
    with env.store.reading() as session:
        endpoint = session.get(WebhookEndpoint, endpoint_id)
        assert endpoint is not None and endpoint.secret != secret.group(1)

    r = env.client.post(f"{ADMIN}/{endpoint_id}", data={"csrf_token": csrf, "name": "Slack", "url": receiver.url,
                                                       "format": "slack", "lang": "nl", "enabled": "true"},
                        follow_redirects=False)
    assert r.status_code == 303 and "done=saved" in r.headers["location"]
    r = env.client.post(f"{ADMIN}/{endpoint_id}/enabled", data={"csrf_token": csrf, "enabled": "false"},
                        follow_redirects=False)
    assert r.status_code == 303
    with env.store.reading() as session:
        endpoint = session.get(WebhookEndpoint, endpoint_id)
        assert endpoint is not None and (endpoint.name, endpoint.format, endpoint.lang) == ("Slack", "slack", "nl")
        assert endpoint.events == [] and not endpoint.include_text and not endpoint.enabled
        actions = [a for a, in session.execute(select(AuditEntry.action).where(AuditEntry.target_kind == "webhook"))]
    assert actions == ["webhook.add", "webhook.test", "webhook.rotate_secret", "webhook.edit", "webhook.disable"]
    r = env.client.post(f"{ADMIN}/{endpoint_id}/delete", data={"csrf_token": csrf}, follow_redirects=False)
    assert r.status_code == 303
    with env.store.reading() as session:
        assert session.scalars(select(WebhookEndpoint)).all() == []


def test_urls_the_rules_refuse_are_not_saved(env: Env) -> None:
    csrf = login(env.client, "root")
    for url, reason in [("http://hooks.example.com/x", "https"), ("https://169.254.169.254/latest", "link-local"),
                        ("https://10.0.0.7/hook", "private"), ("https://127.0.0.1:9/hook", "loopback"),
                        ("https://user:pw@hooks.example.com/", "password"), ("javascript:alert(1)", "https")]:
        _, location = _add(env, csrf, url)
        assert location.startswith(f"{ADMIN}?error="), url
        assert reason in env.client.get(location).text, url
    r = env.client.post(ADMIN, data={"csrf_token": csrf, "name": "x", "url": "https://hooks.example.com/",
                                     "events": ["ticket.exploded"]}, follow_redirects=False)
    assert "error=" in r.headers["location"]
    with env.store.reading() as session:
        assert session.scalars(select(WebhookEndpoint)).all() == []


def test_a_test_to_a_refused_address_says_why(env: Env) -> None:
    csrf = login(env.client, "root")
    env.client.app.state.webhooks_out_policy = UrlPolicy(allow_loopback=True)  # type: ignore[attr-defined]
    _, location = _add(env, csrf, "http://127.0.0.1:9/hook")
    endpoint_id = int(location.split("/")[-1].split("?")[0])
    env.client.app.state.webhooks_out_policy = UrlPolicy()  # type: ignore[attr-defined]
    r = env.client.post(f"{ADMIN}/{endpoint_id}/test", data={"csrf_token": csrf}, follow_redirects=True)
    assert "not delivered" in r.text and "https" in r.text


def test_only_admins_and_only_with_csrf(env: Env) -> None:
    csrf = login(env.client, "anna")
    assert env.client.get(ADMIN).status_code == 403
    r = env.client.post(ADMIN, data={"csrf_token": csrf, "name": "x", "url": "https://hooks.example.com/"},
                        follow_redirects=False)
    assert r.status_code == 403
    env.client.cookies.clear()
    root_csrf = login(env.client, "root")
    assert csrf_of(env.client.get(ADMIN).text) == root_csrf
    r = env.client.post(ADMIN, data={"name": "x", "url": "https://hooks.example.com/"}, follow_redirects=False)
    assert r.status_code == 403
