"""Settings of the privacy-request workflow (``[privacy]`` in scrubdesk.toml, see app/config.py).

The art. 15(1) information (purposes, categories, recipients, retention, source, automated
decisions) comes from the operator's own privacy statement, so it is configuration, not code; the
defaults describe scrubdesk itself and are meant to be replaced.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field


class ExternalSystem(BaseModel):
    """A system outside scrubdesk that holds the customer's data and needs a manual erasure step."""

    name: str
    instruction: str
    # The name as the requester reads it in a Dutch mail (the confirmation lists the systems).
    name_nl: str | None = None


class PrivacyStatement(BaseModel):
    """Art. 15(1)(a)-(h) GDPR, in the operator's words (one text for every language)."""

    controller: str = "The operator of this support desk"
    purposes: list[str] = Field(default_factory=lambda: ["Answering your support questions (art. 6(1)(b) GDPR)"])
    categories: list[str] = Field(default_factory=lambda: [
        "Contact details you gave us (e-mail address, chat id)", "Your customer record",
        "Your support messages, with unsolicited personal data removed on arrival"])
    recipients: list[str] = Field(default_factory=lambda: ["No one outside our organisation"])
    retention: list[str] = Field(default_factory=lambda: [
        "Support tickets: until closed plus the retention period in our privacy statement",
        "Records with a financial character: 7 years (art. 52 Algemene wet inzake rijksbelastingen)"])
    source: str = "You, when you wrote to us; your customer record from our customer administration"
    automated_decisions: str = "None: no decisions are made about you by automated means only (art. 22 GDPR)"
    statement_url: str = "https://example.nl/privacy"


class PrivacyConfig(BaseModel):
    # The authserv-id our own MTA writes in Authentication-Results (RFC 8601); unset: no mail evidence.
    authserv_id: str | None = None
    # Public base URL of the web app, for the verification and download links in mails.
    public_url: str = "http://127.0.0.1:8080"
    code_ttl_minutes: int = 60
    code_attempts: int = 5
    # Verification mails to one customer's address per 24 hours, over all requests naming them.
    codes_per_customer_per_day: int = 5
    download_ttl_hours: int = 72
    # Request types for which a DMARC pass from the address on file is proof enough (no code needed).
    # Access, portability and erasure always need the code: their harm when misdirected is highest.
    dmarc_sufficient_for: list[str] = Field(default_factory=lambda: ["restriction", "rectification"])
    # Types that run at once after verification; the others wait for an officer ("run" on the dashboard).
    auto_fulfil: list[str] = Field(default_factory=lambda: ["access", "portability", "objection", "complaint"])
    # Destructive types: they run only after a privacy officer approved the verified request, whatever
    # ``auto_fulfil`` says (the officer sees the open tickets with their assignees first). Remove a type
    # here and list it in ``auto_fulfil`` to let it run by itself.
    approval_required: list[str] = Field(default_factory=lambda: ["erasure", "restriction"])
    # Four-eyes rectification: the officer who approves a change must not be the one who proposed it.
    rectification_four_eyes: bool = False
    financial_retention_years: int = 7
    external_systems: list[ExternalSystem] = Field(default_factory=lambda: [
        ExternalSystem(name="billing", name_nl="facturatie", instruction="Erase or restrict the customer in "
                       "the billing system (invoices stay 7 years, art. 52 AWR)."),
        ExternalSystem(name="newsletter", name_nl="nieuwsbrief", instruction="Remove the address from the "
                       "newsletter and add it to its suppression list."),
        ExternalSystem(name="domain registrar", name_nl="domeinregistrar", instruction="Check the registrant "
                       "data held at the registrar for domains that are no longer ours to manage."),
    ])
    statement: PrivacyStatement = Field(default_factory=PrivacyStatement)
    # A directory with the operator's own versions of the templates (same names as privacy/templates).
    templates_dir: Path | None = None
    # Where the daily reminder goes besides the active agents with the privacy_officer role.
    officer_addresses: list[str] = Field(default_factory=list)
    reminder_days: int = 7
    # The reminder runs once a day at this local hour (Europe/Amsterdam) or later.
    reminder_hour: int = 8
    verify_rate_per_minute: int = 10
