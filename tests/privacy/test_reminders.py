"""The daily reminder to privacy officers (privacy.reminders)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from models import OutboxEntry, Role
from privacy.reminders import send_reminders
from tests.privacy.conftest import RESTRICT_AND_ACCESS, Desk
from tickets import accounts


def test_daily_reminder_to_privacy_officers_once_a_day(desk: Desk) -> None:
    with desk.store.writing() as s:
        officer = accounts.add_agent(s, "olga", "correct horse battery", role=Role.PRIVACY_OFFICER,
                                     email="Olga@Dommelhost.test")
        accounts.add_agent(s, "anna", "correct horse battery", email="anna@dommelhost.test")
        assert officer.id
    desk.mail(RESTRICT_AND_ACCESS)
    req = desk.request()
    texts = desk.desk.texts
    # Far from the deadline: nothing.
    assert send_reminders(desk.store, desk.desk.config, texts, on=req.due_on - timedelta(days=20)) == 0
    # Within 7 days: one mail to the officer only, then not again the same day.
    day = req.due_on - timedelta(days=3)
    assert send_reminders(desk.store, desk.desk.config, texts, on=day) == 1
    assert send_reminders(desk.store, desk.desk.config, texts, on=day) == 0
    with desk.store.reading() as s:
        reminders = [e.payload for e in s.scalars(select(OutboxEntry).where(OutboxEntry.kind == "privacy_reminder"))]
    assert [r["to"] for r in reminders] == ["olga@dommelhost.test"]
    assert f"request {req.id}" in reminders[0]["text"] and "OVERDUE" not in reminders[0]["text"]
    # The next day again; after the deadline it is marked overdue.
    assert send_reminders(desk.store, desk.desk.config, texts, on=req.due_on + timedelta(days=1)) == 1
    with desk.store.reading() as s:
        last = s.scalars(select(OutboxEntry).where(OutboxEntry.kind == "privacy_reminder")
                         .order_by(OutboxEntry.id.desc())).first()
        assert last is not None and "OVERDUE" in last.payload["text"]
