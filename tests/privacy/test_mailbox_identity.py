"""The privacy desk writes from the mailbox the request came in on (issue 22: one sender identity per ticket)."""

from __future__ import annotations

from tests.privacy.conftest import Desk
from tickets import mailboxes
from tickets.mailboxes import MailboxValues

ACCESS = "Ik wil graag inzage in alle persoonsgegevens die jullie van mij hebben (art. 15 AVG)."


def _sales(desk: Desk) -> int:
    with desk.store.writing() as s:
        box = mailboxes.save(s, None, MailboxValues(
            name="Sales", sender_address="sales@shop.test", sender_name="Shop Sales", signature="Shop B.V.",
            ack_template_nl=None, ack_template_en=None, default_group_id=None, active=True),
            ["sales@shop.test"], "agent:admin")
        box_id = box.id
    mailboxes.invalidate()
    return box_id


def test_privacy_mail_goes_from_the_tickets_mailbox(desk: Desk) -> None:
    box_id = _sales(desk)
    desk.mail(ACCESS, recipients=("sales@shop.test",))
    privacy = [e for e in desk.outbox() if e["_kind"] == "privacy"]
    assert privacy, "the desk wrote nothing"
    assert all(e.get("from_address") == "sales@shop.test" and e.get("from_name") == "Shop Sales"
               and e.get("mailbox_id") == box_id for e in privacy)


def test_privacy_mail_of_a_ticket_without_mailbox_uses_the_default_identity(desk: Desk) -> None:
    _sales(desk)
    desk.mail(ACCESS, recipients=("support@elsewhere.test",))
    privacy = [e for e in desk.outbox() if e["_kind"] == "privacy"]
    assert privacy
    assert not any("from_address" in e for e in privacy)
