"""The audit trail is append-only (ORM and database), carries no personal data, and exports safe CSV."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import delete, text, update
from sqlalchemy.exc import DBAPIError

from models import AppendOnlyError, Role
from privacy.verification import Verifier
from tickets import accounts, audit
from tickets.store import TicketStore


def test_entries_cannot_be_changed_or_deleted(ticket_store: TicketStore) -> None:
    with ticket_store.writing() as session:
        entry_id = audit.record(session, "agent:olga", audit.LOGIN, "agent", 3, {"via": "session"}).id
    with pytest.raises(AppendOnlyError), ticket_store.writing() as session:
        session.get(audit.AuditEntry, entry_id).actor = "agent:mallory"  # type: ignore[union-attr]
        session.flush()
    with pytest.raises(AppendOnlyError), ticket_store.writing() as session:
        session.delete(session.get(audit.AuditEntry, entry_id))
        session.flush()
    # the database refuses UPDATE too, whoever sends it
    with pytest.raises(DBAPIError), ticket_store.writing() as session:
        session.execute(update(audit.AuditEntry).values(actor="agent:mallory"))
    with pytest.raises(DBAPIError), ticket_store.writing() as session:
        session.execute(text("UPDATE audit_log SET detail = '{}'"))
    with ticket_store.reading() as session:
        [entry] = audit.entries(session)
    assert entry.actor == "agent:olga" and entry.detail == {"via": "session"}
    # retention's bulk delete by age is the one way out (privacy.retention)
    with ticket_store.writing() as session:
        session.execute(delete(audit.AuditEntry).where(audit.AuditEntry.id == entry_id))


@pytest.mark.parametrize("key", ["value", "Text", "body", "password"])
def test_detail_refuses_keys_that_would_carry_personal_data(ticket_store: TicketStore, key: str) -> None:
    with ticket_store.writing() as session, pytest.raises(ValueError):
        audit.record(session, "cli", audit.EXPORT, "ticket", 1, {key: "x"})


def test_filters_and_csv(ticket_store: TicketStore) -> None:
    with ticket_store.writing() as session:
        for i in range(5):
            audit.record(session, f"agent:a{i % 2}", audit.LOGIN, "agent", i)
        audit.record(session, "=cmd|' /C calc'!A0", audit.ROLE_CHANGE, "agent", 9, {"to": "admin"})
    with ticket_store.reading() as session:
        assert len(audit.entries(session, audit.AuditFilter(actor="agent:a0"))) == 3
        page1 = audit.entries(session, limit=4)
        page2 = audit.entries(session, limit=4, before_id=page1[-1].id)
        assert len(page1) == 4 and len(page2) == 2 and page1[-1].id > page2[0].id
        out = "".join(audit.export_csv(session, batch=2))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 6
    assert rows[-1]["actor"].startswith("'=")  # no formula for spreadsheet programs
    assert rows[-1]["detail"] == '{"to": "admin"}'


def test_logins_role_changes_and_verification_attempts_are_recorded_where_they_happen(
    ticket_store: TicketStore,
) -> None:
    with ticket_store.writing() as session:
        session.info["audit_actor"] = "cli"
        accounts.add_agent(session, "olga", "a long password")
    with ticket_store.writing() as session:
        assert accounts.authenticate(session, "olga", "wrong password!") is None
        agent = accounts.authenticate(session, "olga", "a long password")
        assert agent is not None
        accounts.open_session(session, agent)
    with ticket_store.writing() as session:
        agent = accounts.agent_by_username(session, "olga")
        assert agent is not None
        agent.role = Role.PRIVACY_OFFICER
        accounts.set_active(session, "olga", False)
    verifier = Verifier(b"k" * 32)
    with ticket_store.writing() as session:
        code = verifier.issue(session, purpose="link", subject="contact:5", payload={}).code
    with ticket_store.writing() as session:
        verifier.check(session, purpose="link", subject="contact:5", code="000000" if code != "000000" else "111111")
    with ticket_store.writing() as session:
        verifier.check(session, purpose="link", subject="contact:5", code=code)
    with ticket_store.reading() as session:
        got = [(e.actor, e.action, e.target_id, e.detail) for e in reversed(audit.entries(session))]
    assert got[:4] == [
        ("cli", audit.ROLE_CHANGE, "olga", {"from": None, "to": "agent"}),
        ("agent:olga", audit.LOGIN, "olga", {}),
        ("unrecorded", audit.ROLE_CHANGE, "olga", {"from": "agent", "to": "privacy_officer"}),
        ("unrecorded", "agent_disabled", "olga", {}),
    ]
    assert [(a, x, d["result"]) for a, x, _, d in got[4:]] == [
        ("contact:5", audit.VERIFICATION, "wrong"), ("contact:5", audit.VERIFICATION, "ok")]
    assert all(code not in str(d) for *_, d in got)
