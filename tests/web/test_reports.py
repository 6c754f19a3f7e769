"""The reports page and CSV export over real HTTP (uvicorn on loopback): administrators only, well-formed
and accessible SVG charts under the app's CSP, and figures equal to an independent count."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from tests.support.browser import serve_app
from tests.support.reports_store import Generated, generate
from tests.tickets.test_reports import expected
from tests.web.conftest import Env, login
from tickets import reports

SVG = re.compile(r"<svg\b[^>]*\bclass=\"chart\"[^>]*>.*?</svg>", re.S)
NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def served(env: Env) -> Iterator[tuple[httpx.Client, Generated]]:
    gen = generate(env.store.engine, 600, seed=3, days=90, agents=3)
    with serve_app(env.client.app) as url, httpx.Client(base_url=url) as client:
        yield client, gen


def _period(gen: Generated) -> reports.Filters:
    today = gen.now.astimezone(reports.TZ).date()
    return reports.Filters(today - timedelta(days=62), today, reports.Bucket.WEEK)


def _query(f: reports.Filters, **extra: str) -> str:
    return "&".join([f"start={f.start}", f"end={f.end}", f"bucket={f.bucket.value}",
                     *(f"{k}={v}" for k, v in extra.items())])


def test_the_page_draws_wellformed_accessible_svg_and_the_right_numbers(
        served: tuple[httpx.Client, Generated]) -> None:
    client, gen = served
    login(client, "root")  # type: ignore[arg-type]
    f = _period(gen)
    r = client.get(f"/reports?{_query(f)}")
    assert r.status_code == 200, r.text
    assert "script-src 'self'" in r.headers["content-security-policy"]
    page = r.text
    assert 'href="/reports"' in page and 'aria-current="page"' in page
    charts = SVG.findall(page)
    assert len(charts) == 6
    for markup in charts:
        root = ET.fromstring(markup)  # well-formed, or this raises
        assert root.tag == f"{NS}svg" and root.get("role") == "img"
        title, desc = root.find(f"{NS}title"), root.find(f"{NS}desc")
        assert title is not None and title.text and desc is not None and desc.text
        assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        assert "style" not in markup  # presentation attributes only: nothing the CSP refuses
    want = expected(gen, f)
    created = sum(want["created"].values())
    assert created > 50
    assert re.search(rf'id="total-created">{created}<', page)
    assert re.search(rf'id="total-solved">{sum(want["solved"].values())}<', page)
    # Every bar of the volume chart tells its value, and the table has one row per week.
    volume = ET.fromstring(charts[0])
    bars = [t.text for t in volume.iter(f"{NS}title") if t.text and ", " in t.text]
    assert len(bars) == 2 * len(f.buckets())
    first_week = f.buckets()[0]
    assert f"{first_week.isoformat()}, Created: {want['created'].get(first_week, 0)}" in bars
    assert page.count('<th scope="row">20') >= len(f.buckets())
    assert 'id="sla-none"' in page


def test_csv_export_parses_and_matches(served: tuple[httpx.Client, Generated]) -> None:
    client, gen = served
    login(client, "root")  # type: ignore[arg-type]
    f = _period(gen)
    agent = gen.agent_ids[0]
    r = client.get(f"/reports.csv?{_query(f, agent=str(agent))}")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    value = {(row["section"], row["key"], row["measure"]): row["value"] for row in rows}
    want = expected(gen, reports.Filters(f.start, f.end, f.bucket, agent_id=agent))
    assert int(value[("created", "all", "tickets")]) == sum(want["created"].values()) > 0
    for week in f.buckets():
        assert int(value[("solved", week.isoformat(), "tickets")]) == want["solved"].get(week, 0)
    assert int(value[("first_response", "all", "count")]) == want["first_all"].count
    # The page's CSV link carries the same filters.
    page = client.get(f"/reports?{_query(f, agent=str(agent))}").text
    assert f'href="/reports.csv?start={f.start}&amp;end={f.end}&amp;bucket=week&amp;agent={agent}"' in page


def test_only_administrators(served: tuple[httpx.Client, Generated]) -> None:
    client, _ = served
    r = client.get("/reports", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    login(client, "anna")  # type: ignore[arg-type]
    assert 'href="/reports"' not in client.get("/queue").text
    for path in ("/reports", "/reports.csv"):
        r = client.get(path, headers={"Accept": "text/html"})
        assert r.status_code == 403, path
        assert not SVG.search(r.text)


def test_bad_filters_are_refused_and_dutch_is_spoken(served: tuple[httpx.Client, Generated]) -> None:
    client, _ = served
    login(client, "root")  # type: ignore[arg-type]
    assert client.get("/reports?start=2026-05-02&end=2026-05-01").status_code == 422
    assert client.get("/reports?channel=pigeon").status_code == 422
    assert client.get("/reports?start=2020-01-01&end=2026-01-01&bucket=day").status_code == 422
    assert client.get("/reports?agent=0").status_code == 422
    r = client.get("/reports", headers={"Accept-Language": "nl"})
    assert r.status_code == 200
    assert "Rapporten" in r.text and "Open tickets naar leeftijd" in r.text


def test_an_empty_store_renders(env: Env) -> None:
    with serve_app(env.client.app) as url, httpx.Client(base_url=url) as client:
        login(client, "root")  # type: ignore[arg-type]
        today = datetime.now(UTC).date()
        r = client.get(f"/reports?start={today}&end={today}")
        assert r.status_code == 200
        for markup in SVG.findall(r.text):
            ET.fromstring(markup)
        assert 'id="total-created">0<' in r.text


def test_per_mailbox_filter_table_and_csv(served: tuple[httpx.Client, Generated]) -> None:
    client, gen = served
    login(client, "root")  # type: ignore[arg-type]
    f = _period(gen)
    box = gen.mailbox_ids[1]
    want = expected(gen, reports.Filters(f.start, f.end, f.bucket, mailbox_id=box))
    page = client.get(f"/reports?{_query(f, mailbox=str(box))}").text
    assert re.search(rf'id="total-created">{sum(want["created"].values())}<', page)
    assert f'<option value="{box}" selected>' in page
    # Filtered to one mailbox, the breakdown has that mailbox's row only, with its name.
    rows = re.findall(r'<tr data-mailbox="([^"]+)">\s*<th scope="row">([^<]+)</th>\s*<td>(\d+)</td>', page)
    assert [(key, int(n)) for key, _, n in rows] == [(str(box), want["mailboxes"][box][0])]
    assert rows[0][1].startswith("Mailbox ")
    # Unfiltered: a row per mailbox and one for the tickets without, in the CSV as on the page.
    everything = expected(gen, f)
    r = client.get(f"/reports.csv?{_query(f)}")
    value = {(row["section"], row["key"], row["measure"]): row["value"] for row in csv.DictReader(io.StringIO(r.text))}
    for mailbox, (made, done, first, _) in everything["mailboxes"].items():
        key = "none" if mailbox is None else str(mailbox)
        assert (int(value["mailbox", key, "created"]), int(value["mailbox", key, "solved"])) == (made, done)
        assert int(value["mailbox", key, "first_response_count"]) == first.count
    assert None in everything["mailboxes"] and value["mailbox", "none", "name"] == ""
    assert client.get(f"/reports?{_query(f, mailbox='0')}").status_code == 422
