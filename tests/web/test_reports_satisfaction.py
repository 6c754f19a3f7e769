"""Satisfaction ratings over real HTTP: the signed link, 👍/👎 with a comment scrubbed like any message,
idempotent answers, the rate limit, and the ratings in the report."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
from sqlalchemy import func, select

from models import ticket_id_of
from models.satisfaction import SatisfactionRating
from tests.support.browser import serve_app
from tests.web.conftest import Env
from tickets import reports, satisfaction


def _rows(env: Env) -> list[SatisfactionRating]:
    with env.store.reading() as session:
        return list(session.scalars(select(SatisfactionRating)))


def test_a_customer_rates_through_the_signed_link(env: Env) -> None:
    number = env.mail("klant@example.nl", "Printer", "Mijn printer doet het niet")
    ticket_id = ticket_id_of(number)
    assert ticket_id is not None
    link = satisfaction.link_path(ticket_id)
    with serve_app(env.client.app) as url, httpx.Client(base_url=url) as client:
        page = client.get(link)  # public: no session
        assert page.status_code == 200
        assert 'name="rating" value="good"' in page.text and "👍" in page.text and "👎" in page.text
        assert client.get(link[:-1] + ("0" if link[-1] != "0" else "1")).status_code == 404
        assert client.get(f"/rate/{number + 1}/{link.rsplit('/', 1)[1]}").status_code == 404
        assert client.post(link[:-2] + "xx", data={"rating": "good"}).status_code == 404
        r = client.post(link, data={"rating": "good", "comment": "Top! Bel 123456789 of mail me@example.org"})
        assert r.status_code == 200 and 'id="rate-thanks"' in r.text
        again = client.post(link, data={"rating": "good", "comment": "Top! Bel 123456789 of mail me@example.org"})
        assert again.status_code == 200
        [row] = _rows(env)
        assert row.rating == "good" and row.comment is not None
        assert "123456789" not in row.comment and "me@example.org" not in row.comment
        assert "<NATIONAL_ID_1>" in row.comment and "<EMAIL_ADDRESS_1>" in row.comment
        assert row.redactions == {"NATIONAL_ID": 1, "EMAIL_ADDRESS": 1}
        assert client.post(link, data={"rating": "meh"}).status_code == 422
        # Changing one's mind replaces the answer: still one row per ticket.
        assert client.post(link, data={"rating": "bad"}).status_code == 200
        [row] = _rows(env)
        assert row.rating == "bad" and row.comment is None and row.redactions == {}
        codes = [client.post(link, data={"rating": "good"}).status_code for _ in range(12)]
        assert 429 in codes and codes.index(429) <= 8  # 10 per 10 minutes, 4 used above
    with env.store.reading() as session:
        assert session.scalar(select(func.count()).select_from(SatisfactionRating)) == 1
        today = datetime.now(UTC).astimezone(reports.TZ).date()
        report = reports.build(session, reports.Filters(today, today))
    assert sum(report.satisfaction.values()) == 1
    assert ("satisfaction", "good", "ratings", "1") in list(reports.csv_rows(report)) or (
        "satisfaction", "bad", "ratings", "1") in list(reports.csv_rows(report))
