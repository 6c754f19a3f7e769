"""Issue 15, finding 6: a restricted ticket (art. 18 GDPR) stays read-only however its number is spelled.

The review wrote notes to a restricted ticket through ``/api/tickets/+100002/notes``, ``100002.0``,
``1_00002`` and ``%2B100002``: the read-only guard matched the URL with ``\\d+`` while the route parsed
the number leniently. The guard now lives in ``tickets.guards.load_for_write`` and looks at the loaded
row; these spellings must write nothing, from the pages and from the API.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from models import Direction, Message, RetentionHold, ticket_id_of
from tests.privacy.conftest import open_desk
from tests.web.conftest import API_TOKEN, Env, login
from web import privacy as privacy_web
from web.app import create_app

AUTH = {"Authorization": f"Bearer {API_TOKEN}"}


@pytest.fixture
def client(env: Env) -> Iterator[TestClient]:
    """The workspace app as ``serve`` builds it: with the privacy desk installed."""
    app = create_app(env.store, lambda: API_TOKEN, workspace=env.workspace)
    privacy_web.install(app, open_desk(env.store).desk)
    with TestClient(app, base_url="http://testserver") as c:
        yield c


def _spellings(number: int) -> list[str]:
    digits = str(number)
    return [f"+{digits}", f"{digits}.0", f"{digits[0]}_{digits[1:]}", f"%2B{digits}", f"0{digits}", f" {digits}"]


def _restricted_ticket(env: Env) -> int:
    """Two tickets; the second is kept after an erasure only for a retention duty (read-only)."""
    env.mail("een@example.nl", "Eerste", "Mijn site is stuk")
    number = env.mail("twee@example.nl", "Factuur", "Vraag over mijn factuur")
    row_id = ticket_id_of(number)
    assert row_id is not None
    with env.store.writing() as session:
        session.add(RetentionHold(ticket_id=row_id, basis="financial", retain_until=date(2099, 1, 1),
                                  restricted_at=datetime(2025, 1, 1, tzinfo=UTC), created_by="test"))
    return number


def _notes(env: Env) -> int:
    with env.store.reading() as session:
        return int(session.scalar(select(func.count()).select_from(Message)
                                  .where(Message.direction == Direction.NOTE)) or 0)


def test_api_writes_nothing_to_a_restricted_ticket_under_any_spelling(env: Env, client: TestClient) -> None:
    number = _restricted_ticket(env)
    for spelling in [str(number), *_spellings(number)]:
        r = client.post(f"/api/tickets/{spelling}/notes", json={"text": "werk aan dit ticket"}, headers=AUTH)
        assert r.status_code in (404, 422, 423), (spelling, r.status_code, r.text)
        r = client.post(f"/api/tickets/{spelling}/status", json={"status": "solved"}, headers=AUTH)
        assert r.status_code in (404, 422, 423), (spelling, r.status_code, r.text)
    assert _notes(env) == 0
    # The guard is on the ticket, not on the route: the other ticket takes a note.
    ok = client.post(f"/api/tickets/{number - 1}/notes", json={"text": "werk aan dit ticket"}, headers=AUTH)
    assert ok.status_code == 201, ok.text
    assert _notes(env) == 1


@pytest.mark.parametrize("action", ["note", "reply"])
def test_pages_write_nothing_to_a_restricted_ticket_under_any_spelling(env: Env, client: TestClient,
                                                                      action: str) -> None:
    number = _restricted_ticket(env)
    csrf = login(client, "anna")
    before = _messages(env, number)
    for spelling in [str(number), *_spellings(number)]:
        r = client.post(f"/tickets/{spelling}/{action}", data={"text": "werk aan dit ticket", "csrf_token": csrf},
                            follow_redirects=False)
        assert r.status_code in (303, 404, 422), (spelling, r.status_code)
        if r.status_code == 303:
            assert "Read-only" in r.headers["location"].replace("+", " "), (spelling, r.headers["location"])
    assert _messages(env, number) == before


def _messages(env: Env, number: int) -> int:
    with env.store.reading() as session:
        return int(session.scalar(select(func.count()).select_from(Message)
                                  .where(Message.ticket_id == ticket_id_of(number))) or 0)
