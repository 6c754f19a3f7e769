"""The web form's privacy option opens a real request on the clock (issue 18), and a request without a
right named takes its types from the requester's next message or from the officer."""

from __future__ import annotations

from intake.webform import to_inbound, validate_form
from models import RequestState
from privacy import deadline
from tests.privacy.conftest import CUSTOMER_MAIL, Desk
from web.webform import open_form_request

FORM = {"name": "Marieke", "email": CUSTOMER_MAIL, "customer_number": "", "subject": "Mijn gegevens",
        "message": "Hallo, zie mijn keuze hierboven. Bel me gerust als er iets onduidelijk is."}


def submit(desk: Desk, choice: str, nonce: str) -> int:
    form, errors = validate_form({**FORM, "privacy": choice})
    assert form is not None and not errors
    outcome = desk.intake.submit(to_inbound(form, nonce))
    assert outcome.status == "stored"
    open_form_request(desk.desk, outcome, form.privacy, form.message)
    assert outcome.ticket_id is not None
    return outcome.ticket_id


def test_an_unknown_privacy_choice_is_refused() -> None:
    form, errors = validate_form({**FORM, "privacy": "delete-everything"})
    assert form is None and "privacy" in errors


def test_the_forms_erasure_option_opens_an_erasure_request_and_sends_a_code(desk: Desk) -> None:
    ticket_id = submit(desk, "erasure", "n1")
    req = desk.request()
    assert req.ticket_id == ticket_id and req.types == ["erasure"] and req.source == "webform"
    assert req.due_on == deadline.first_deadline(deadline.received_on(req.received_at))
    assert req.lang == "nl"
    assert desk.code_mail()["to"] == CUSTOMER_MAIL  # verification started


def test_something_else_is_on_the_clock_and_waits_for_its_types(desk: Desk) -> None:
    submit(desk, "other", "n2")
    req = desk.request()
    assert req.types == [] and req.state == RequestState.RECEIVED and req.details.get("awaiting") == "types"
    assert req.due_on == deadline.first_deadline(deadline.received_on(req.received_at))
    with desk.store.writing() as s:
        desk.desk.set_types(s, req.id, ["access"], "agent:officer")
    req = desk.request()
    assert req.types == ["access"] and req.state != RequestState.RECEIVED
    assert "awaiting" not in req.details or req.details["awaiting"] != "types"
