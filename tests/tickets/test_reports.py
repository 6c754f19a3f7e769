"""The report's figures equal an independent count, in plain Python, over the rows of a generated store
(4,000 seeded tickets here; ``bench/reports.py --check`` runs the same comparison at 50,000 by hand)."""

from __future__ import annotations

import csv
import io
import math
import random
import statistics
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from models.reports import duration_bin
from tests.support.reports_store import Generated, generate, local_day
from tickets import report_rollups, reports
from tickets.report_queries import AGE_BANDS
from tickets.report_sql import Times, bucket_start
from tickets.store import TicketStore

NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
OPEN = {"new", "open", "pending"}
FINAL = {"fulfilled", "refused", "withdrawn"}


def _times(values: list[float]) -> Times:
    if not values:
        return Times()
    if len(values) == 1:
        return Times(1, values[0], values[0])
    return Times(len(values), statistics.median(values), statistics.quantiles(values, n=10, method="inclusive")[8])


def _selected(ticket: dict[str, Any], f: reports.Filters) -> bool:
    return (f.channel is None or ticket["channel"] == f.channel) and (
        f.agent_id is None or ticket["assignee_id"] == f.agent_id) and (
        f.mailbox_id is None or ticket.get("mailbox_id") == f.mailbox_id)


def _in(at: datetime | None, f: reports.Filters) -> bool:
    return at is not None and f.start <= local_day(at) <= f.end


def expected(gen: Generated, f: reports.Filters) -> dict[str, Any]:
    """The figures of ``tickets.reports``'s definitions, counted row by row."""
    tickets = {t["id"]: t for t in gen.tickets if _selected(t, f)}
    by_ticket: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for m in gen.messages:
        by_ticket[m["ticket_id"]].append(m)
    created: Counter[date] = Counter()
    solved: Counter[date] = Counter()
    first: dict[date, list[float]] = defaultdict(list)
    resolution: dict[date, list[float]] = defaultdict(list)
    boxes: dict[int | None, tuple[Counter[str], dict[str, list[float]]]] = defaultdict(
        lambda: (Counter(), defaultdict(list)))
    backlog = [0] * len(AGE_BANDS)
    for t in tickets.values():
        if _in(t["created_at"], f):
            key = bucket_start(local_day(t["created_at"]), f.bucket)
            created[key] += 1
            box_counts, box_times = boxes[t.get("mailbox_id")]
            box_counts["created"] += 1
            inbound = [m["received_at"] for m in by_ticket[t["id"]] if m["direction"] == "in"]
            if inbound:
                replies = [m["received_at"] for m in by_ticket[t["id"]] if m["direction"] == "out"
                           and not m["auto_submitted"] and m["received_at"] >= min(inbound)]
                if replies:
                    first[key].append((min(replies) - min(inbound)).total_seconds())
                    box_times["first"].append(first[key][-1])
        if _in(t["solved_at"], f):
            key = bucket_start(local_day(t["solved_at"]), f.bucket)
            solved[key] += 1
            resolution[key].append((t["solved_at"] - t["created_at"]).total_seconds())
            box_counts, box_times = boxes[t.get("mailbox_id")]
            box_counts["solved"] += 1
            box_times["resolution"].append(resolution[key][-1])
        if t["status"] in OPEN:
            age = gen.now - t["created_at"]
            backlog[max(i for i, (_, least) in enumerate(AGE_BANDS) if age >= least)] += 1
    removed_m: Counter[str] = Counter()
    removed_a: Counter[str] = Counter()
    inbound_ids = {}
    for m in gen.messages:
        if m["ticket_id"] in tickets and m["direction"] == "in" and _in(m["received_at"], f):
            removed_m.update(m["redactions"])
            inbound_ids[m["id"]] = m
    for a in gen.attachments:
        if a["message_id"] in inbound_ids:
            removed_a.update(a["redactions"] or {})
    return {"created": dict(created), "solved": dict(solved),
            "first": {k: _times(v) for k, v in first.items()},
            "first_all": _times([d for v in first.values() for d in v]),
            "resolution": {k: _times(v) for k, v in resolution.items()},
            "resolution_all": _times([d for v in resolution.values() for d in v]),
            "backlog": backlog, "removed_m": dict(removed_m), "removed_a": dict(removed_a),
            "privacy": _privacy(gen, f, tickets),
            "mailboxes": {box: (n["created"], n["solved"], _times(times["first"]), _times(times["resolution"]))
                          for box, (n, times) in boxes.items()}}


def _privacy(gen: Generated, f: reports.Filters, tickets: dict[int, Any]) -> dict[str, tuple[int, ...]]:
    today = local_day(gen.now)
    rows: dict[str, list[int]] = defaultdict(lambda: [0] * 5)
    for r in gen.requests:
        if not _in(r["received_at"], f) or (f.channel and r["channel"] != f.channel) or (
                (f.agent_id is not None or f.mailbox_id is not None) and r["ticket_id"] not in tickets):
            continue
        closed = r["state"] in FINAL
        figures = (1, closed, closed and local_day(r["closed_at"]) <= r["due_on"], not closed,
                   not closed and r["due_on"] < today)
        for kind in [*r["types"], reports.ALL]:
            rows[kind] = [a + int(b) for a, b in zip(rows[kind], figures, strict=True)]
    return {k: tuple(v) for k, v in rows.items()}


def _same_times(got: Times, want: Times) -> None:
    assert got.count == want.count
    for a, b in ((got.median, want.median), (got.p90, want.p90)):
        assert (a is None) == (b is None), (got, want)
        if a is not None and b is not None:
            assert math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-3), (got, want)


def check(report: reports.Report, want: dict[str, Any]) -> None:
    assert report.created == want["created"]
    assert report.solved == want["solved"]
    assert report.first_response_by_bucket.keys() == want["first"].keys()
    for key, times in want["first"].items():
        _same_times(report.first_response_by_bucket[key], times)
    _same_times(report.first_response, want["first_all"])
    assert report.resolution_by_bucket.keys() == want["resolution"].keys()
    for key, times in want["resolution"].items():
        _same_times(report.resolution_by_bucket[key], times)
    _same_times(report.resolution, want["resolution_all"])
    assert [n for _, n in report.backlog] == want["backlog"]
    assert report.removed_messages == want["removed_m"]
    assert report.removed_attachments == want["removed_a"]
    got_privacy = {r.type: (r.received, r.closed, r.closed_in_time, r.open, r.overdue) for r in report.privacy}
    assert got_privacy == {reports.ALL: (0, 0, 0, 0, 0), **want["privacy"]}
    got_boxes = {r.mailbox_id: r for r in report.by_mailbox}
    assert got_boxes.keys() == want["mailboxes"].keys()
    for box, (made, done, first, resolution) in want["mailboxes"].items():
        assert (got_boxes[box].created, got_boxes[box].solved) == (made, done)
        _same_times(got_boxes[box].first_response, first)
        _same_times(got_boxes[box].resolution, resolution)


@pytest.fixture
def generated(ticket_store: TicketStore) -> Generated:
    return generate(ticket_store.engine, 4000, seed=7, days=420, now=NOW, chunk=1500)


# Across both daylight-saving changes of 2026 (29 March, 25 October) and a year boundary.
PERIODS = [
    reports.Filters(date(2026, 1, 1), date(2026, 11, 20), reports.Bucket.MONTH),
    reports.Filters(date(2026, 3, 20), date(2026, 4, 12), reports.Bucket.DAY),
    reports.Filters(date(2025, 12, 1), date(2026, 11, 20), reports.Bucket.WEEK),
    reports.Filters(date(2026, 10, 1), date(2026, 11, 20), reports.Bucket.DAY, channel="email"),
]


def test_figures_equal_an_independent_count(ticket_store: TicketStore, generated: Generated) -> None:
    agent = generated.agent_ids[2]
    filters = [*PERIODS, reports.Filters(date(2025, 10, 1), date(2026, 11, 20), reports.Bucket.MONTH,
                                         agent_id=agent, channel="webform"),
               reports.Filters(date(2026, 6, 1), date(2026, 11, 20), reports.Bucket.WEEK,
                               mailbox_id=generated.mailbox_ids[1]),
               # Channel and mailbox at once; periods starting mid-week and mid-month (partial first and
               # last buckets: their days are read from the summary, the rest from the rollups).
               reports.Filters(date(2025, 12, 17), date(2026, 9, 3), reports.Bucket.WEEK, channel="email",
                               mailbox_id=generated.mailbox_ids[0]),
               reports.Filters(date(2026, 2, 27), date(2026, 3, 3), reports.Bucket.DAY, channel="telegram",
                               mailbox_id=generated.mailbox_ids[0]),
               reports.Filters(date(2025, 11, 9), date(2026, 11, 18), reports.Bucket.MONTH,
                               mailbox_id=generated.mailbox_ids[1])]
    with ticket_store.reading() as session:
        for f in filters:
            report = reports.build(session, f, now=NOW)
            want = expected(generated, f)
            check(report, want)
    # The store exercises what the definitions single out (otherwise the comparison proves little).
    assert sum(want["created"].values()) > 10
    assert any(m["direction"] == "note" for m in generated.messages)
    assert any(a["redactions"] is None for a in generated.attachments)
    assert sum(r["state"] in FINAL and local_day(r["closed_at"]) > r["due_on"] for r in generated.requests) > 3


def test_an_agent_writing_first_is_not_the_first_response(ticket_store: TicketStore, generated: Generated) -> None:
    """Tickets where an agent's message precedes the customer's: the report measures from the customer."""
    early = {m["ticket_id"] for m in generated.messages if m["direction"] == "out" and not m["auto_submitted"]
             and m["received_at"] < next(t["created_at"] for t in generated.tickets if t["id"] == m["ticket_id"])}
    assert early
    f = PERIODS[0]
    with ticket_store.reading() as session:
        report = reports.build(session, f, now=NOW)
    want = expected(generated, f)
    # Measured from the earliest outgoing message instead, the times would differ.
    _same_times(report.first_response, want["first_all"])
    assert report.first_response.median is not None and report.first_response.median > 0


def test_csv_parses_and_matches(ticket_store: TicketStore, generated: Generated) -> None:
    f = PERIODS[2]
    with ticket_store.reading() as session:
        report = reports.build(session, f, now=NOW)
    buffer = io.StringIO()
    csv.writer(buffer).writerows(reports.csv_rows(report))
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    want = expected(generated, f)
    value = {(r["section"], r["key"], r["measure"]): r["value"] for r in rows}
    assert len(value) == len(rows)  # one figure per row
    for day in f.buckets():
        assert int(value[("created", day.isoformat(), "tickets")]) == want["created"].get(day, 0)
        assert int(value[("solved", day.isoformat(), "tickets")]) == want["solved"].get(day, 0)
    assert int(value[("created", "all", "tickets")]) == sum(want["created"].values())
    assert float(value[("first_response", "all", "median_seconds")]) == pytest.approx(
        want["first_all"].median, abs=0.051)
    assert float(value[("resolution", "all", "p90_seconds")]) == pytest.approx(want["resolution_all"].p90, abs=0.051)
    assert [int(value[("backlog", label, "open_tickets")]) for label, _ in AGE_BANDS] == want["backlog"]
    for kind, n in want["removed_m"].items():
        assert int(value[("removed_on_arrival", kind, "messages")]) == n
    assert int(value[("privacy_requests", "all", "closed_in_time")]) == want["privacy"]["all"][2]


def test_buckets_cover_the_period() -> None:
    f = reports.Filters(date(2026, 1, 28), date(2026, 3, 2), reports.Bucket.WEEK)
    assert f.buckets()[0] == date(2026, 1, 26) and f.buckets()[-1] == date(2026, 3, 2)
    assert len(f.buckets()) == 6
    m = reports.Filters(date(2025, 11, 15), date(2026, 2, 1), reports.Bucket.MONTH)
    assert m.buckets() == [date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)]
    # Local midnight: 1 April 2026 starts at 22:00 UTC the day before (summer time).
    start, end = reports.Filters(date(2026, 4, 1), date(2026, 4, 1)).utc_range()
    assert start == datetime(2026, 3, 31, 22, tzinfo=UTC) and end - start == timedelta(days=1)


def test_a_period_is_covered_by_months_weeks_and_days_once() -> None:
    for start, end in [(date(2025, 12, 2), date(2026, 12, 1)), (date(2026, 3, 1), date(2026, 3, 31)),
                       (date(2026, 9, 3), date(2026, 12, 1)), (date(2026, 6, 1), date(2026, 6, 1)),
                       (date(2026, 6, 29), date(2026, 7, 12))]:
        months, weeks, days = report_rollups.cover(start, end)
        covered = [m + timedelta(days=i) for m in months
                   for i in range((date(m.year + m.month // 12, m.month % 12 + 1, 1) - m).days)]
        covered += [w + timedelta(days=i) for w in weeks for i in range(7)] + days
        assert sorted(covered) == [start + timedelta(days=i) for i in range((end - start).days + 1)]
        assert all(w.weekday() == 0 for w in weeks) and all(m.day == 1 for m in months)
    months, weeks, days = report_rollups.cover(date(2025, 12, 2), date(2026, 12, 1))
    assert (len(months), len(weeks), len(days)) == (11, 3, 10)


def test_a_bins_range_holds_every_duration_of_the_bin() -> None:
    """The durations of a bin are read by a range of the (day, duration) index: none may fall outside it."""
    rng = random.Random(5)
    edges = [2 ** (b / 8) - 1 for b in range(260)]
    samples = [0.0, -3.0, 0.4, 1.0, *edges, *(math.nextafter(e, -math.inf) for e in edges),
               *(math.nextafter(e, math.inf) for e in edges), *(rng.uniform(0, 4e7) for _ in range(20_000)),
               *(round(rng.expovariate(1 / 3600)) for _ in range(20_000))]
    for seconds in samples:
        low, high = report_rollups._bin_range(duration_bin(seconds))  # type: ignore[arg-type]
        assert low <= seconds < high, seconds
