"""The web contact form's fields as an ``InboundMessage``: validation and conversion (the page is in ``web``)."""

from __future__ import annotations

from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email

from intake.message import InboundMessage
from models import Channel

FIELD_LIMITS = {"name": 200, "email": 320, "customer_number": 32, "subject": 200, "message": 20_000}
# The form's privacy option: a question (""), one right of GDPR chapter III or a complaint, or "other" (a
# privacy request whose right the officer or the requester's next message names).
PRIVACY_CHOICES = ("", "access", "rectification", "erasure", "restriction", "portability", "objection",
                   "complaint", "other")


@dataclass(frozen=True, slots=True)
class ContactForm:
    name: str
    email: str
    customer_number: str
    subject: str
    message: str
    privacy: str = ""


def validate_form(values: dict[str, str]) -> tuple[ContactForm | None, dict[str, str]]:
    """The cleaned form, or the error per field (messages shown to the visitor, in Dutch and English)."""
    errors: dict[str, str] = {}
    clean = {k: values.get(k, "").strip() for k in FIELD_LIMITS}
    for key, limit in FIELD_LIMITS.items():
        if len(clean[key]) > limit:
            errors[key] = f"Te lang (max. {limit} tekens) / too long"
    for key in ("name", "email", "subject", "message"):
        if not clean[key]:
            errors[key] = "Verplicht veld / required"
    if clean["email"] and "email" not in errors:
        try:
            # Syntax only: a DNS lookup per visitor would slow the page and leak the address to DNS.
            clean["email"] = validate_email(clean["email"], check_deliverability=False).normalized
        except EmailNotValidError:
            errors["email"] = "Geen geldig e-mailadres / not a valid e-mail address"
    if clean["customer_number"] and not clean["customer_number"].replace("-", "").isalnum():
        errors["customer_number"] = "Alleen letters en cijfers / letters and digits only"
    privacy = values.get("privacy", "").strip()
    if privacy not in PRIVACY_CHOICES:
        errors["privacy"] = "Kies een van de opties / choose one of the options"
    if errors:
        return None, errors
    return ContactForm(**clean, privacy=privacy), {}


def to_inbound(form: ContactForm, nonce: str) -> InboundMessage:
    """The form as the pipeline's message; the nonce makes a resubmission a duplicate."""
    text = form.message
    if form.customer_number:
        # Customer numbers are kept by policy (docs/pii-policy.md) and help the agent find the account;
        # the number is only text here: a typed number proves nothing, so it links no customer record.
        text = f"{text}\n\nKlantnummer: {form.customer_number}"
    return InboundMessage(
        channel=Channel.WEBFORM,
        external_id=f"form:{nonce}",
        sender=form.email.lower(),
        sender_name=form.name,
        subject=form.subject,
        text=text,
    )
