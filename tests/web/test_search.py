"""Search by ticket number, customer number, contact address (keyed digest) and stemmed text, with snippets."""

from __future__ import annotations

from tests.web.conftest import API_TOKEN, Env, login
from tickets.store import CustomerRecord, upsert_customers

AUTH = {"Authorization": f"Bearer {API_TOKEN}"}


def _numbers(page: dict) -> list[int]:  # type: ignore[type-arg]
    return [t["number"] for t in page["tickets"]]


def _find(env: Env, q: str) -> dict:  # type: ignore[type-arg]
    r = env.client.get("/api/tickets", params={"q": q}, headers=AUTH)
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def test_by_ticket_number_and_the_box_jumps_to_it(env: Env) -> None:
    a = env.mail("a@example.nl", "Eerste", "Hallo")
    b = env.mail("b@example.nl", "Tweede", "Hallo")
    assert _numbers(_find(env, str(b))) == [b] and _numbers(_find(env, f"#{a}")) == [a]
    login(env.client, "anna")
    r = env.client.get("/queue", params={"q": f"#{a}"}, follow_redirects=False)
    assert r.status_code in (302, 303) and r.headers["location"].endswith(f"/tickets/{a}")


def test_by_contact_address_and_customer_number(env: Env) -> None:
    a = env.mail("Jan.Jansen@Example.nl", "Eerste", "Hallo")
    b = env.mail("piet@example.nl", "Tweede", "Hallo")
    assert _numbers(_find(env, "jan.jansen@example.nl")) == [a]  # exact, case of the domain folded
    assert _numbers(_find(env, "piet@example.nl")) == [b]
    assert _numbers(_find(env, "jan@example.nl")) == []  # exact, not a substring
    with env.store.writing() as session:
        upsert_customers(session, [CustomerRecord(number="K-7781", name="Piet Post", email="piet@example.nl")])
    env.client.post(f"/api/tickets/{b}/customer", headers=AUTH, json={"customer_number": "K-7781"})
    assert _numbers(_find(env, "K-7781")) == [b]


def test_stemming_and_snippets(env: Env) -> None:
    hit = env.mail("a@example.nl", "Toegang", "Sinds gisteren lukt het inloggen niet meer, ik krijg een foutmelding")
    env.mail("b@example.nl", "Factuur", "De factuur van maart is te hoog")
    found = _find(env, "facturen")  # Dutch stem: factuur
    assert len(found["tickets"]) == 1 and found["tickets"][0]["subject"] == "Factuur"
    found = _find(env, "foutmeldingen")
    assert _numbers(found) == [hit]
    row = found["tickets"][0]
    assert row["snippet"] and "foutmelding" in row["snippet"]
    start, end = row["highlights"][0]
    assert row["snippet"][start:end].lower() == "foutmelding"
    login(env.client, "anna")
    assert "<mark>foutmelding</mark>" in env.client.get("/queue", params={"q": "foutmeldingen"}).text
