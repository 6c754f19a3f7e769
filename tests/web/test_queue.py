"""The queue through the API and the page: views, counts, sorting, keyset pagination, search."""

from __future__ import annotations

from typing import Any

from models import Ticket
from tests.web.conftest import API_TOKEN, Env, login, minutes_ago
from tickets import queue
from tickets.store import ticket_by_number

AUTH = {"Authorization": f"Bearer {API_TOKEN}"}


def _numbers(page: dict[str, Any]) -> list[int]:
    return [t["number"] for t in page["tickets"]]


def test_views_counts_and_pagination(env: Env) -> None:
    numbers = [env.mail(f"c{i}@example.nl", f"Vraag {i}", f"bericht {i}", at=minutes_ago(100 - i)) for i in range(7)]
    c = env.client
    c.post(f"/api/tickets/{numbers[0]}/status", json={"status": "pending"}, headers=AUTH)
    c.post(f"/api/tickets/{numbers[1]}/status", json={"status": "solved"}, headers=AUTH)
    c.post(f"/api/tickets/{numbers[2]}/assign", json={"agent_id": env.agent_id}, headers=AUTH)
    counts = c.get("/api/queue/counts", headers=AUTH).json()
    assert counts["new"] == 5 and counts["pending"] == 1 and counts["solved"] == 1 and counts["all"] is None
    assert counts["unassigned"] == 5  # open statuses (new/open/pending) without an assignee
    # Newest activity first, three per page, every ticket exactly once.
    seen: list[int] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"view": "all", "limit": 3}
        if cursor:
            params["cursor"] = cursor
        page = c.get("/api/tickets", params=params, headers=AUTH).json()
        seen += _numbers(page)
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == sorted(numbers, reverse=True)
    assert _numbers(c.get("/api/tickets", params={"view": "pending"}, headers=AUTH).json()) == [numbers[0]]
    # "mine" is the caller's: anna's token sees her ticket, the global token has no agent.
    from tickets import accounts

    with env.store.writing() as session:
        token = accounts.create_token(session, "anna")
    mine = c.get("/api/tickets", params={"view": "mine"}, headers={"Authorization": f"Bearer {token}"}).json()
    assert _numbers(mine) == [numbers[2]]
    assert _numbers(c.get("/api/tickets", params={"view": "mine"}, headers=AUTH).json()) == []


def test_due_sort_and_channel_filter(env: Env) -> None:
    a = env.mail("a@example.nl", "A", "eerste", at=minutes_ago(30))
    b = env.mail("b@example.nl", "B", "tweede", at=minutes_ago(20))
    env.client.post(f"/api/tickets/{b}/priority", json={"priority": "urgent"}, headers=AUTH)
    with env.store.writing() as session:
        ticket = ticket_by_number(session, b)
        assert ticket is not None
        queue.set_due(session, ticket)  # re-evaluated after the priority change
    due = env.client.get("/api/tickets", params={"view": "all", "sort": "due"}, headers=AUTH).json()
    assert _numbers(due)[:2] == [b, a]
    assert due["tickets"][0]["due_at"] < due["tickets"][1]["due_at"]
    assert _numbers(env.client.get("/api/tickets", params={"view": "all", "channel": "telegram"},
                                   headers=AUTH).json()) == []
    # Answering removes the due time: the ticket moves behind those awaiting an answer (not out of the view).
    env.client.post(f"/api/tickets/{b}/reply", json={"text": "We kijken ernaar."}, headers=AUTH)
    due = env.client.get("/api/tickets", params={"view": "all", "sort": "due"}, headers=AUTH).json()
    assert _numbers(due) == [a, b] and due["tickets"][1]["due_at"] is None


def test_search_subject_and_scrubbed_text(env: Env) -> None:
    hit = env.mail("a@example.nl", "Factuur klopt niet", "Mijn BSN is 123456782 en de factuur is te hoog")
    other = env.mail("b@example.nl", "Website traag", "De webshop laadt langzaam sinds gisteren")
    by_subject = env.client.get("/api/tickets", params={"q": "factuur"}, headers=AUTH).json()
    assert _numbers(by_subject) == [hit]
    by_text = env.client.get("/api/tickets", params={"q": "webshop langzaam"}, headers=AUTH).json()
    assert _numbers(by_text) == [other]
    if env.store.engine.dialect.name == "postgresql":  # Dutch stemming: "facturen" ~ "factuur"
        stemmed = env.client.get("/api/tickets", params={"q": "facturen"}, headers=AUTH).json()
        assert _numbers(stemmed) == [hit]
    prefix = env.client.get("/api/tickets", params={"q": "websh"}, headers=AUTH).json()
    assert _numbers(prefix) == [other]
    # The removed value is not in the store, so it cannot be found; FTS syntax in the input is harmless.
    assert _numbers(env.client.get("/api/tickets", params={"q": "123456782"}, headers=AUTH).json()) == []
    assert env.client.get("/api/tickets", params={"q": 'NEAR( "x" OR'}, headers=AUTH).status_code == 200


def test_queue_page_renders_views_and_search(env: Env) -> None:
    number = env.mail("a@example.nl", "Mail werkt niet", "Sinds vanochtend komt er geen mail binnen")
    login(env.client, "anna")
    page = env.client.get("/queue", params={"view": "new"})
    assert page.status_code == 200 and f"/tickets/{number}" in page.text and "Mail werkt niet" in page.text
    assert 'class="count">1<' in page.text
    found = env.client.get("/queue", params={"q": "vanochtend"})
    assert f"/tickets/{number}" in found.text
    assert f"/tickets/{number}" not in env.client.get("/queue", params={"q": "onbekendwoord"}).text
    assert env.client.get("/queue", params={"cursor": "garbage"}).status_code == 400


def test_counts_match_ticket_table(env: Env) -> None:
    for i in range(4):
        env.mail(f"x{i}@example.nl", "S", f"t {i}")
    with env.store.reading() as session:
        counts = queue.counts(session, agent_id=None)
        assert counts["new"] == session.query(Ticket).filter(Ticket.status == "new").count() == 4
