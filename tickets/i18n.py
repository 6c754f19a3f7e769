"""Dutch and English: gettext catalogues (Babel) for the workspace and every text customers or agents get
by mail from it (acknowledgements, notifications).

The message ids are the English texts; ``tickets/locale/nl/LC_MESSAGES/scrubdesk.po`` holds the Dutch.
A compiled ``.mo`` beside it is used when it is newer than the ``.po`` (``pybabel compile -d tickets/locale
-D scrubdesk``); otherwise the ``.po`` is compiled in memory on first use, so a stale binary is never what
speaks. New texts: ``pybabel extract -F babel.cfg -k N_ -o tickets/locale/scrubdesk.pot --no-location .``
then ``pybabel update -i tickets/locale/scrubdesk.pot -d tickets/locale -D scrubdesk``, and translate;
``tests/web/test_i18n.py`` fails while a text of the template has no Dutch.

The language of a request is the agent's choice (``agents.lang``) or else the browser's
``Accept-Language``; ``current`` carries it through one request (a ``ContextVar``, so threads and
requests never mix), and templates and code translate with ``gettext``/``ngettext``.
"""

from __future__ import annotations

import gettext as _gettext
import io
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

LANGUAGES = ("en", "nl")
DEFAULT = "en"
DOMAIN = "scrubdesk"
LOCALE_DIR = Path(__file__).with_name("locale")
NAMES = {"en": "English", "nl": "Nederlands"}

current: ContextVar[str] = ContextVar("scrubdesk_lang", default=DEFAULT)


@lru_cache(maxsize=8)
def translations(lang: str) -> _gettext.NullTranslations:
    """The catalogue of ``lang`` (English, the message ids themselves, needs none)."""
    if lang not in LANGUAGES or lang == "en":
        return _gettext.NullTranslations()
    po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    mo = po.with_suffix(".mo")
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as f:
            return _gettext.GNUTranslations(f)
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as f:
        catalog = read_po(f, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return _gettext.GNUTranslations(buffer)


def language(value: str | None) -> str:
    """One of ``LANGUAGES`` for a tag like "nl-NL" (else the default)."""
    tag = (value or "").strip().lower()[:2]
    return tag if tag in LANGUAGES else DEFAULT


def negotiate(accept_language: str | None) -> str:
    """The best of our languages for an ``Accept-Language`` header (RFC 9110 section 12.5.4)."""
    best, best_q = DEFAULT, -1.0
    for position, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        code = tag.strip().lower()[:2]
        # Earlier entries win ties (browsers list in preference order).
        if code in LANGUAGES and q > 0 and q - position * 1e-6 > best_q:
            best, best_q = code, q - position * 1e-6
    return best


def gettext(message: str, lang: str | None = None) -> str:
    return translations(lang or current.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int, lang: str | None = None) -> str:
    return translations(lang or current.get()).ngettext(singular, plural, n)


def _(message: str) -> str:
    """Mark and translate in the current language (``pybabel extract`` finds ``_("...")``)."""
    return gettext(message)


def N_(message: str) -> str:
    """Mark for extraction only: translated later, when the language is known."""
    return message


# Texts the pages translate from data (``_(ticket.status)``, a view's label, a placeholder's type as
# ``chips`` words it), marked here so that extraction puts them in the catalogue.
DATA_TEXTS = (
    N_("new"), N_("open"), N_("pending"), N_("solved"), N_("closed"),
    N_("low"), N_("normal"), N_("high"), N_("urgent"),
    N_("New"), N_("Open"), N_("Pending"), N_("Solved"), N_("Mine"), N_("Unassigned"), N_("All"),
    N_("person"), N_("organization"), N_("email address"), N_("phone number"), N_("address"), N_("postcode"),
    N_("iban"), N_("credit card"), N_("national id"), N_("id document"), N_("date of birth"),
    N_("license plate"), N_("ip address"), N_("credential"), N_("customer number"), N_("invoice number"),
    N_("vat number"), N_("kvk number"), N_("domain"), N_("number"), N_("url"),
)
