"""Fixtures for the social and web channels: the routers on a real store, signing helpers, payloads."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from intake.pipeline import Intake
from tests.support.fakes import FakeScrubber
from tests.support.paths import FIXTURES
from tickets.store import TicketStore
from web.webform import WebFormSettings, webform_router
from web.webhooks import MetaWebhookSettings, WebhookSettings, webhook_router

FIXTURES = FIXTURES / "social"
APP_SECRET = "meta-app-secret-for-tests"
VERIFY_TOKEN = "verify-token-for-tests"
GENERIC_SECRETS = {"signal": "generic-secret-signal", "whatsapp": "generic-secret-relay"}
FORM_SECRET = "form-secret-for-tests"


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def fixture_json(name: str) -> dict[str, object]:
    return json.loads(fixture_bytes(name))  # type: ignore[no-any-return]


def count(ticket_store: TicketStore, model: type) -> int:
    with ticket_store.reading() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def webhook_settings(max_body: int = 64 * 1024) -> WebhookSettings:
    return WebhookSettings(
        meta=MetaWebhookSettings(app_secret=APP_SECRET, verify_token=VERIFY_TOKEN),
        generic_secrets=GENERIC_SECRETS,
        max_body_bytes=max_body,
    )


def form_settings(**kw: object) -> WebFormSettings:
    return WebFormSettings(secret=FORM_SECRET, mail_domain="desk.example.nl", **kw)  # type: ignore[arg-type]


def build_app(intake: Intake, *, rate_limit: str = "100/minute") -> FastAPI:
    app = FastAPI()
    app.include_router(webhook_router(intake.submit, webhook_settings()))
    app.include_router(webform_router(intake, form_settings(rate_limit=rate_limit)))
    return app


@pytest.fixture
def intake(ticket_store: TicketStore) -> Intake:
    return Intake(ticket_store, FakeScrubber())


@pytest.fixture
def client(intake: Intake) -> Iterator[TestClient]:
    with TestClient(build_app(intake)) as c:
        yield c
