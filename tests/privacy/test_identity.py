"""Verifying the requester (privacy.identity) cannot be bypassed: spoofed senders, wrong, expired, reused and
foreign codes, supplied addresses; a linked chat gets its code at the address on file."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from models import Customer, PrivacyAudit, PrivacyRequest, RequestState, utcnow
from privacy.verification import Verification
from tests.privacy.conftest import CUSTOMER_MAIL, MTA, Desk, approve, code_of

ERASE = "Beste support,\n\nIk wil dat u al mijn persoonsgegevens verwijdert (art. 17 AVG).\n\nGroet"
ACCESS = "Hello, I would like a copy of all personal data you hold about me (GDPR article 15)."


def reply(d: Desk, text: str, *, sender: str = CUSTOMER_MAIL) -> None:
    """Answer in the thread of the newest mail we sent (the way a mail client threads)."""
    last = [p for p in d.outbox() if p.get("message_id")][-1]
    d.mail(text, sender=sender, subject=f"Re: {last['subject']}", in_reply_to=(last["message_id"],))


def state(d: Desk) -> RequestState:
    return RequestState(d.request().state)


def test_known_customer_gets_a_code_at_the_address_on_file_and_nothing_is_revealed(desk: Desk) -> None:
    desk.mail(ERASE)
    assert state(desk) is RequestState.VERIFICATION_SENT
    mail = desk.code_mail()
    assert mail["to"] == CUSTOMER_MAIL
    # Nothing about the account in the message before verification (name, number, phone).
    for secret in ("Hoogendoorn", "104233", "0612345678", "Kerkstraat"):
        assert secret not in mail["text"]
    # The code is not at rest: the ticket's copy of the mail is masked and the table keeps an HMAC.
    code = code_of(mail)
    with desk.store.reading() as s:
        from models import Message

        assert all(code not in m.text for m in s.scalars(select(Message)))
        row = s.scalars(select(Verification)).one()
        assert code not in row.code_hash


def test_right_code_by_mail_verifies_and_runs_the_erasure(desk: Desk) -> None:
    desk.mail(ERASE)
    code = code_of(desk.code_mail())
    reply(desk, f"Hier is de code: {code[:3]} {code[3:]}")
    assert desk.request().state == RequestState.VERIFIED  # the erasure waits for the officer
    approve(desk)
    req = desk.request()
    assert req.state == RequestState.FULFILLED
    assert req.evidence["verified_by"] == "code_mail"
    with desk.store.reading() as s:
        assert s.get(Customer, desk.customer_id) is None


def test_spoofed_sender_with_dmarc_fail_always_needs_the_code(desk: Desk) -> None:
    desk.desk.config.dmarc_sufficient_for = ["erasure", "restriction", "rectification"]
    desk.mail(ERASE, auth=(f"{MTA}; spf=fail smtp.mailfrom=example.nl; dmarc=fail header.from=example.nl",))
    req = desk.request()
    assert req.state == RequestState.VERIFICATION_SENT
    assert req.evidence["mail"] == "spoofed"
    # The attacker guesses: refused, and the customer still exists.
    reply(desk, "123456")
    assert state(desk) is RequestState.VERIFICATION_SENT
    with desk.store.reading() as s:
        assert s.get(Customer, desk.customer_id) is not None


def test_dmarc_pass_counts_as_evidence_only_for_the_configured_types(desk: Desk) -> None:
    auth = (f"{MTA}; dmarc=pass header.from=example.nl",)
    desk.mail(ERASE, auth=auth)
    assert state(desk) is RequestState.VERIFICATION_SENT  # erasure is not in the default list
    desk.desk.config.dmarc_sufficient_for = ["erasure"]
    desk.mail(ERASE, auth=auth, subject="Nog een verzoek")
    approve(desk)
    req = desk.request()
    assert req.evidence["verified_by"] == "dmarc_pass"
    assert req.state == RequestState.FULFILLED


def test_a_header_with_our_id_below_a_foreign_one_is_not_evidence(desk: Desk) -> None:
    desk.desk.config.dmarc_sufficient_for = ["erasure"]
    desk.mail(ERASE, auth=("relay.elsewhere.test; none", f"{MTA}; dmarc=pass header.from=example.nl"))
    assert state(desk) is RequestState.VERIFICATION_SENT


def test_wrong_codes_lock_the_code(desk: Desk) -> None:
    desk.mail(ERASE)
    code = code_of(desk.code_mail())
    wrong = f"{(int(code) + 1) % 1000000:06d}"
    for _ in range(desk.desk.verifier.max_attempts):
        reply(desk, wrong)
    reply(desk, code)  # the right code after the lock: refused
    assert state(desk) is RequestState.VERIFICATION_SENT
    with desk.store.reading() as s:
        statuses = [a.detail.get("status") for a in s.scalars(select(PrivacyAudit).where(
            PrivacyAudit.action == "code_rejected"))]
    assert statuses[-1] == "locked"
    assert "wrong" in statuses


def test_expired_code_is_refused(desk: Desk) -> None:
    desk.mail(ERASE)
    code = code_of(desk.code_mail())
    with desk.store.writing() as s:
        s.execute(update(Verification).values(expires_at=utcnow() - timedelta(seconds=1)))
    reply(desk, code)
    assert state(desk) is RequestState.VERIFICATION_SENT
    with desk.store.reading() as s:
        assert s.get(Customer, desk.customer_id) is not None


def test_a_used_code_cannot_be_reused_and_a_code_of_another_request_does_not_work(desk: Desk) -> None:
    desk.desk.config.auto_fulfil = []  # keep the customer, so a second request can be made
    desk.mail(ACCESS)
    first_code = code_of(desk.code_mail())
    reply(desk, first_code)
    first = desk.request()
    assert first.state == RequestState.VERIFIED
    # A second request (new ticket): the first code, already used and bound to request 1, is refused.
    desk.mail(ERASE, subject="Verwijderen")
    second = desk.request()
    assert second.id != first.id and second.state == RequestState.VERIFICATION_SENT
    second_code = code_of(desk.code_mail())
    if second_code != first_code:
        reply(desk, first_code)
        assert state(desk) is RequestState.VERIFICATION_SENT
    # Typing the second request's code into the first request's page does not verify either.
    with desk.store.writing() as s:
        assert desk.desk._check(s, s.get(PrivacyRequest, first.id), second_code, via="link") == "code_none"
    reply(desk, second_code)
    assert state(desk) is RequestState.VERIFIED


def test_unknown_requester_learns_only_that_a_code_was_sent_if_an_account_exists(desk: Desk) -> None:
    stranger = "stranger@evil.test"
    desk.mail(ERASE, sender=stranger)
    assert state(desk) is RequestState.RECEIVED
    ask = desk.outbox()[-1]
    assert ask["to"] == stranger
    assert "klantnummer" in ask["text"] or "customer number" in ask["text"]
    # An address that is not on file: no code anywhere, the same neutral answer.
    reply(desk, "my address is someone@nowhere.test", sender=stranger)
    neutral = desk.outbox()[-1]
    assert neutral["to"] == stranger
    assert not [p for p in desk.outbox() if "    " in str(p.get("text")) and p["to"] == "someone@nowhere.test"]
    # The real customer's number: the code goes to the address ON FILE, never to the stranger.
    reply(desk, "klantnummer 104233", sender=stranger)
    code_mail = desk.code_mail()
    assert code_mail["to"] == CUSTOMER_MAIL
    texts_to_stranger = [p["text"] for p in desk.outbox() if p["to"] == stranger]
    assert texts_to_stranger[-1] == neutral["text"]  # same answer for a match and for no match
    assert all(code_of(code_mail) not in t for t in texts_to_stranger)


def test_a_code_is_never_sent_to_an_address_the_requester_supplied(desk: Desk) -> None:
    stranger = "stranger@evil.test"
    desk.mail(ERASE, sender=stranger)
    # Claims to be the customer and names their e-mail address: the code goes there (on file), not to the
    # stranger; a different address the stranger names gets nothing.
    reply(desk, f"Mijn e-mailadres is {CUSTOMER_MAIL}, stuur de code naar stranger2@evil.test", sender=stranger)
    recipients = {p["to"] for p in desk.outbox() if "    " in str(p.get("text", ""))}
    assert recipients == {CUSTOMER_MAIL}
    # After verification by the real customer, answers go to the address on file, not to the stranger.
    reply(desk, code_of(desk.code_mail()), sender=CUSTOMER_MAIL)
    approve(desk)
    req = desk.request()
    assert req.state == RequestState.FULFILLED
    confirmation = desk.outbox()[-1]
    assert confirmation["to"] == CUSTOMER_MAIL
    assert "Verwijderd:" in confirmation["text"] or "Erased:" in confirmation["text"]
    assert req.requester_address is None  # erased: only the digest is left


def test_objection_to_marketing_takes_effect_at_once_without_verification(desk: Desk) -> None:
    from privacy.handlers import is_suppressed

    desk.mail("Please unsubscribe me from your marketing emails.", sender="anyone@example.com")
    req = desk.request()
    assert req.state == RequestState.FULFILLED
    with desk.store.reading() as s:
        assert is_suppressed(s, "Anyone@Example.com")
        assert not is_suppressed(s, CUSTOMER_MAIL)
    assert not [p for p in desk.outbox() if "    " in str(p.get("text", ""))]  # no code was sent


def test_a_code_sent_as_a_new_mail_instead_of_a_reply_is_accepted(desk: Desk) -> None:
    desk.desk.config.auto_fulfil = []
    desk.mail(ACCESS)
    code = code_of(desk.code_mail())
    # A long new question that happens to hold six digits is not taken as an attempt.
    desk.mail("Another question: my order 555123 has not arrived yet. " + "Please check it for me. " * 10,
              subject="Order")
    assert state(desk) is RequestState.VERIFICATION_SENT
    desk.mail(f"Code: {code}", subject="My code")
    assert state(desk) is RequestState.VERIFIED


def test_objection_with_another_type_is_done_at_once_and_only_once(desk: Desk) -> None:
    desk.mail("Please unsubscribe me from your marketing emails. Also delete all my personal data under "
              "article 17 GDPR.")
    req = desk.request()
    assert set(req.types) == {"objection", "erasure"}
    assert req.state == RequestState.VERIFICATION_SENT and req.details["done"] == ["objection"]
    reply(desk, code_of(desk.code_mail()))
    approve(desk)
    assert state(desk) is RequestState.FULFILLED
    objections = [p for p in desk.outbox() if "suppression list" in str(p.get("text"))
                  or "blokkeerlijst" in str(p.get("text"))]
    assert len(objections) == 1


def test_requests_naming_a_customer_cannot_flood_their_mailbox_with_codes(desk: Desk) -> None:
    stranger = "stranger@evil.test"
    for i in range(desk.desk.config.codes_per_customer_per_day + 2):
        desk.mail(ERASE, sender=stranger, subject=f"Verzoek {i}")
        reply(desk, "klantnummer 104233", sender=stranger)
    codes = [p for p in desk.outbox() if p["to"] == CUSTOMER_MAIL]
    assert len(codes) == desk.desk.config.codes_per_customer_per_day
    with desk.store.reading() as s:
        limited = s.scalars(select(PrivacyAudit).where(PrivacyAudit.action == "code_rate_limited")).all()
    assert len(limited) == 2
    # The stranger still gets the same neutral answer every time.
    answers = [p["text"] for p in desk.outbox() if p["to"] == stranger and "kijk in uw mailbox" in p["subject"]]
    assert len(answers) == desk.desk.config.codes_per_customer_per_day + 2 and len(set(answers)) == 1


def test_linked_telegram_chat_gets_the_code_at_the_email_on_file(desk: Desk) -> None:
    from intake.message import InboundMessage
    from models import Channel
    from tickets import store as ticket_store

    with desk.store.writing() as s:
        contact = ticket_store.get_or_create_contact(s, "telegram", "555001")
        contact.customer_id = desk.customer_id  # linked with /link earlier

    def chat(text: str, n: int) -> None:
        outcome = desk.intake.submit(InboundMessage(channel=Channel.TELEGRAM, external_id=f"555001:{n}",
                                                    sender="555001", text=text))
        assert outcome.status == "stored"

    chat("Please delete all my personal data under article 17 GDPR.", 1)
    req = desk.request()
    assert req.channel == "telegram" and req.state == RequestState.VERIFICATION_SENT
    code_mail = desk.code_mail()
    assert code_mail["to"] == CUSTOMER_MAIL and code_mail["_channel"] == "email"
    chat(f"code {code_of(code_mail)}", 2)  # typed back in the chat: threads into the chat's open ticket
    approve(desk)
    assert desk.request().state == RequestState.FULFILLED
