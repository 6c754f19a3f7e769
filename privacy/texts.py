"""The messages of the privacy workflow, rendered from editable Jinja2 templates in NL and EN.

A template file is ``templates/<lang>/<name>.txt``: the first line is the subject, then a line with
``---``, then the body. An operator overrides any of them by putting a file with the same name in
``PrivacyConfig.templates_dir``. Templates are plain text (no autoescaping: they are mails and chat
messages, never HTML), and undefined variables are errors so a broken template fails loudly in tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

# One rule for the language of every customer-facing text: Dutch for Dutch, English for everyone else
# (German and French requesters read English).
from tickets.i18n import language

LANGUAGES = ("nl", "en")
_AMSTERDAM = ZoneInfo("Europe/Amsterdam")
_BUILTIN = Path(__file__).with_name("templates")


# Short phrases that go into the templates (what an erasure removed and kept, and why), per language,
# so that a Dutch mail has no English fragments.
PHRASES: dict[str, dict[str, str]] = {
    "tickets": {"en": "{n} ticket(s) with their messages and attachments",
                "nl": "{n} ticket(s) met hun berichten en bijlagen"},
    "contacts": {"en": "{n} contact address(es)", "nl": "{n} contactadres(sen)"},
    "customer": {"en": "customer record", "nl": "klantgegevens"},
    "customer_fields": {"en": "customer record (name, e-mail address, phone number, address)",
                        "nl": "klantgegevens (naam, e-mailadres, telefoonnummer, adres)"},
    "vaulted": {"en": "{n} encrypted value(s) in the vault", "nl": "{n} versleutelde waarde(n) in de kluis"},
    "ticket": {"en": "ticket {number}", "nl": "ticket {number}"},
    "customer_number": {"en": "customer number", "nl": "klantnummer"},
    "why_number": {"en": "it identifies the retained records", "nl": "het hoort bij de bewaarde gegevens"},
    "request_record": {"en": "a record of this request (types, dates, steps; no contact details)",
                       "nl": "een verslag van dit verzoek (soorten, data, stappen; geen contactgegevens)"},
    "why_record": {"en": "we must be able to show how we handled it (art. 5(2) GDPR)",
                   "nl": "wij moeten kunnen laten zien hoe wij het hebben behandeld (artikel 5 lid 2 AVG)"},
    "suppression": {"en": "a one-way hash of your address on our marketing suppression list",
                    "nl": "een onomkeerbare hash van uw adres op onze blokkeerlijst voor marketing"},
    "why_suppression": {"en": "so that you never receive marketing from us again",
                        "nl": "zodat u nooit meer marketing van ons ontvangt"},
    "financial": {"en": "financial record, kept 7 years under Dutch tax law (art. 52 AWR)",
                  "nl": "financieel gegeven, 7 jaar bewaard volgens de belastingwet (art. 52 AWR)"},
    "legal": {"en": "legal retention duty ({basis})", "nl": "wettelijke bewaarplicht ({basis})"},
    "nothing": {"en": "-", "nl": "-"},
}


def phrase(key: str, lang: str | None, **values: object) -> str:
    return PHRASES[key][language(lang)].format(**values)


def local_time(at: datetime | None) -> str:
    """A moment as the operator's clock shows it (Europe/Amsterdam), e.g. "2026-03-01 00:30"."""
    if at is None:
        return "-"
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(_AMSTERDAM).strftime("%Y-%m-%d %H:%M")


def local_date(at: datetime | None) -> str:
    """The day of a moment in Europe/Amsterdam: a mail at 00:30 on 1 March arrived on 1 March."""
    return local_time(at)[:10] if at is not None else "-"


@dataclass(frozen=True, slots=True)
class Rendered:
    subject: str
    text: str


class Texts:
    def __init__(self, override_dir: Path | None = None) -> None:
        loaders = [FileSystemLoader(str(override_dir))] if override_dir else []
        loaders.append(FileSystemLoader(str(_BUILTIN)))
        self._env = Environment(  # noqa: S701 (plain-text mails, not HTML)
            loader=ChoiceLoader(loaders), undefined=StrictUndefined, keep_trailing_newline=True,
            trim_blocks=True, lstrip_blocks=True,
        )

    def render(self, name: str, lang: str | None, **context: Any) -> Rendered:
        source = self._env.get_template(f"{language(lang)}/{name}.txt").render(**context)
        subject, sep, body = source.partition("\n---\n")
        if not sep:
            raise ValueError(f"template {name} has no '---' line after its subject")
        return Rendered(subject.strip(), body.strip() + "\n")
