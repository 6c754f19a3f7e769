"""Whole support messages from the templates, as pieces of text with a label (PERSON, ADDRESS or none).

A message is built as a list of ``(text, label)`` pieces, so that casing and typo noise can be applied
piece by piece and the entity offsets stay exact. Message kinds: e-mail (greeting, paragraphs, closing,
signature, sometimes a quoted earlier message), chat (short lines, often all lower case), web form
(field lines, then the message) and a bare body; some messages mix the other language's sentences.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from types import ModuleType

from training.ner import templates_en, templates_nl
from training.ner.values import Person, ValueMaker

Piece = tuple[str, str | None]
PERSON, ADDRESS = "PERSON", "ADDRESS"
LABELS = (PERSON, ADDRESS)
_SLOT = re.compile(r"\{([A-Z_]+)\}")
TEMPLATES: dict[str, ModuleType] = {"nl": templates_nl, "en": templates_en}
# Share of sentences and signatures drawn from the hard negatives (``BODY_NEGATIVE``, ``ORG_SIGNATURES``):
# organisations, products, "Team X" and street-less places read as people cost precision and keep rate.
P_NEGATIVE = 0.2

_PRODUCTS = ["WordPress", "WooCommerce", "Plesk", "DirectAdmin", "cPanel", "Outlook", "Thunderbird", "Joomla",
             "Magento", "PrestaShop", "Cloudflare", "Let's Encrypt", "PHP", "MySQL", "Roundcube", "Exchange",
             "Gmail", "Office 365", "Microsoft 365", "Apple Mail", "iPhone", "Android", "Windows 11", "macOS",
             "Elementor", "Yoast", "Drupal", "Shopify", "Lightspeed", "Mollie", "Exact Online", "Moneybird",
             "FileZilla", "Laravel", "Nextcloud", "Teams", "Zoom", "Chrome", "Safari", "Firefox", "Edge"]
_PLANS = ["Basic", "Plus", "Pro", "Business", "Starter", "Premium", "Hosting S", "Hosting M", "Hosting XL",
          "VPS 2", "VPS 4", "Mail Only", "Webwinkel Pro", "Enterprise"]
_ERRORS = ["550 5.1.1 User unknown", "ERR_CONNECTION_REFUSED", "NET::ERR_CERT_DATE_INVALID", "Error 503",
           "421 Too many connections", "SMTP error 535", "Fatal error: Allowed memory size exhausted",
           "DNS_PROBE_FINISHED_NXDOMAIN", "403 Forbidden", "Error establishing a database connection",
           "0x800CCC0E", "certificate verify failed", "Mailbox full", "too many redirects"]
_MAILHOSTS = ["gmail.com", "hotmail.com", "outlook.com", "ziggo.nl", "kpnmail.nl", "xs4all.nl", "live.nl",
              "spf.protection.outlook.com", "_spf.google.com", "mailgun.org"]


def parse(template: str) -> list[tuple[str, bool]]:
    """A template as (literal, False) and (slot name, True) parts; ``//`` becomes a line break."""
    parts: list[tuple[str, bool]] = []
    pos = 0
    for m in _SLOT.finditer(template):
        if m.start() > pos:
            parts.append((template[pos : m.start()].replace("//", "\n"), False))
        parts.append((m.group(1), True))
        pos = m.end()
    if pos < len(template):
        parts.append((template[pos:].replace("//", "\n"), False))
    return parts


class Composer:
    """Generates labelled messages for one model language."""

    def __init__(self, lang: str, rng: random.Random, values: ValueMaker | None = None) -> None:
        self.lang = lang
        self.rng = rng
        self.values = values or ValueMaker(lang, rng)
        self.other = "en" if lang == "nl" else "nl"
        self._me: Person = self.values.person()
        self._agent: Person = self.values.person()
        self._my_org = ""
        self._me_email = ""

    # --- slots --------------------------------------------------------------------------------------
    def _slot(self, name: str, t: ModuleType) -> Piece:
        vm, rng = self.values, self.rng
        people: dict[str, Callable[[], str]] = {
            "AGENT": lambda: self._agent.first,
            "NAME": lambda: vm.person().any_form(rng),
            "FULL": lambda: vm.person().full(),
            "FIRST": lambda: vm.person().first,
            "LAST": lambda: vm.person().bare_last(),
            "INIT": lambda: vm.person().initials(rng),
            "ME": lambda: self._me.any_form(rng),
            "ME_FULL": lambda: self._me.full(),
            "ME_FIRST": lambda: self._me.first,
            "ME_INIT": lambda: self._me.initials(rng),
        }
        if name in people:
            return people[name](), PERSON
        if name in ("ADDRESS", "ADDRESS_ML", "STREET_NR"):
            if name == "STREET_NR":
                return vm.street_nr(), ADDRESS
            return vm.address(multiline=name == "ADDRESS_ML"), ADDRESS
        return self._plain(name, t), None

    def _plain(self, name: str, t: ModuleType) -> str:
        vm, rng = self.values, self.rng
        fixed: dict[str, Callable[[], str]] = {
            "ORG": lambda: vm.company(),
            "MY_ORG": lambda: self._my_org,
            "DOMAIN": lambda: vm.domain(),
            "EMAIL": lambda: vm.email(),
            "ME_EMAIL": lambda: self._me_email,
            "MAILHOST": lambda: rng.choice(_MAILHOSTS),
            "HOST": lambda: f"{rng.choice(['web', 'mail', 'srv', 'vps'])}{rng.randint(1, 40)}.{vm.domain()}",
            "CITY": lambda: vm.city(),
            "STREET": lambda: vm.street(rng.choice(["nl", "nl", "nl", "uk", "de"])),
            "PHONE": lambda: vm.phone(),
            "CUSTNR": lambda: str(rng.randint(10000, 999999)),
            "INVOICE": lambda: rng.choice([f"F{rng.randint(2019, 2026)}-{rng.randint(1, 9999):05d}",
                                           f"INV-{rng.randint(10000, 99999)}",
                                           f"{rng.randint(2019, 2026)}0{rng.randint(100, 999)}"]),
            "IP": lambda: ".".join(str(rng.randint(a, b)) for a, b in ((11, 223), (0, 255), (0, 255), (1, 254))),
            "DATE": lambda: rng.choice([f"{rng.randint(1, 28)} {rng.choice(t.MONTHS)}",
                                        f"{rng.randint(1, 28)}-{rng.randint(1, 12)}-{rng.randint(2020, 2026)}",
                                        f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(2020, 2026)}",
                                        f"{rng.randint(1, 28)} {rng.choice(t.MONTHS)} {rng.randint(2020, 2026)}"]),
            "TIME": lambda: f"{rng.randint(7, 23):02d}:{rng.choice(['00', '15', '30', '45', '12', '58'])}",
            "AMOUNT": lambda: rng.choice([f"€ {rng.randint(3, 400)},{rng.randint(0, 99):02d}",
                                          f"£{rng.randint(3, 400)}",
                                          f"EUR {rng.randint(3, 400)}.{rng.randint(0, 99):02d}"]),
            "PRODUCT": lambda: rng.choice(_PRODUCTS),
            "VERSION": lambda: ".".join(str(rng.randint(0, 9 if i else 20)) for i in range(rng.choice([2, 3]))),
            "PLAN": lambda: rng.choice(_PLANS),
            "PORT": lambda: rng.choice(["25", "465", "587", "993", "143", "110", "8080", "8443", "22", "3306"]),
            "ERROR": lambda: rng.choice(_ERRORS),
            "WEEKDAY": lambda: rng.choice(t.WEEKDAYS),
            "MONTH": lambda: rng.choice(t.MONTHS),
            "NUM": lambda: str(rng.choice([2, 3, 4, 5, 10, 12, 15, 20, 25, 50, 100])),
            "TICKET": lambda: f"#{rng.randint(10000, 999999)}",
            "ROLE": lambda: rng.choice(t.ROLES),
            "AGE": lambda: str(rng.randint(6, 17)),
            "YEAR": lambda: str(rng.randint(2005, 2024)),
            "COUNTRY": lambda: rng.choice(t.COUNTRIES),
            "REL": lambda: rng.choice(t.RELATIONS),
            "TEAM": lambda: rng.choice(t.TEAMS),
        }
        return fixed[name]()

    def fill(self, template: str, t: ModuleType) -> list[Piece]:
        return [self._slot(text, t) if is_slot else (text, None) for text, is_slot in parse(template)]

    # --- messages -----------------------------------------------------------------------------------
    def _new_personas(self) -> None:
        vm, rng = self.values, self.rng
        self._me = vm.person()
        self._agent = vm.person("nl" if self.lang == "nl" or rng.random() < 0.5 else None)
        self._my_org = vm.company(self._me if rng.random() < 0.4 else None)
        self._me_email = vm.email(self._me)

    def _sentence(self, t: ModuleType, p_entity: float) -> list[Piece]:
        rng = self.rng
        if rng.random() < 0.15:  # a sentence in the other language (mixed messages)
            t = TEMPLATES[self.other]
        if rng.random() < P_NEGATIVE:  # hard negatives: organisations, products, teams, places
            return self.fill(rng.choice(t.BODY_NEGATIVE), t)
        pool = t.BODY_ENTITIES if rng.random() < p_entity else t.BODY_NEUTRAL
        return self.fill(rng.choice(pool), t)

    def _body(self, t: ModuleType, sentences: int, p_entity: float = 0.5) -> list[Piece]:
        rng = self.rng
        out: list[Piece] = []
        for i in range(sentences):
            if i:
                out.append(("\n\n" if rng.random() < 0.35 else " ", None))
            out += self._sentence(t, p_entity)
        return out

    def email(self, t: ModuleType) -> list[Piece]:
        rng = self.rng
        out: list[Piece] = []
        if rng.random() < 0.85:
            out += [*self.fill(rng.choice(t.GREETINGS), t), ("\n\n" if rng.random() < 0.8 else "\n", None)]
        out += self._body(t, rng.randint(1, 4))
        if rng.random() < 0.85:
            out += [("\n\n", None), *self.fill(rng.choice(t.CLOSINGS), t)]
            if rng.random() < 0.9:
                # a company's own signature (no person in it) in some messages: a hard negative
                pool = t.ORG_SIGNATURES if rng.random() < P_NEGATIVE else t.SIGNATURES
                out += [("\n" if rng.random() < 0.8 else " ", None), *self.fill(rng.choice(pool), t)]
        if rng.random() < 0.12:
            out += [("\n\n", None), *self._quoted(t)]
        return out

    def _quoted(self, t: ModuleType) -> list[Piece]:
        rng = self.rng
        inner: list[Piece] = [*self.fill(rng.choice(t.QUOTE_HEADERS), t), ("\n", None)]
        body = [*self.fill(rng.choice(t.GREETINGS), t), ("\n", None), *self._body(t, rng.randint(1, 2), 0.4),
                ("\n", None), *self.fill(rng.choice(t.CLOSINGS), t), ("\n", None), (self._agent.first, PERSON)]
        quoted: list[Piece] = [("> ", None)]
        for text, label in body:
            if label:
                quoted.append((text.replace("\n", ", "), label))
            else:
                quoted.append((text.replace("\n\n", "\n").replace("\n", "\n> "), None))
        return inner + quoted

    def chat(self, t: ModuleType) -> list[Piece]:
        rng = self.rng
        out: list[Piece] = []
        for i in range(rng.randint(1, 4)):
            if i:
                out.append(("\n", None))
            if rng.random() < 0.6:
                out += self.fill(rng.choice(t.CHAT), t)
            else:
                sentence = self._sentence(t, 0.6)
                if rng.random() < 0.5 and sentence and sentence[-1][1] is None:
                    sentence[-1] = (sentence[-1][0].rstrip(".!"), None)
                out += sentence
        return out

    def webform(self, t: ModuleType) -> list[Piece]:
        rng = self.rng
        f = t.WEBFORM_FIELDS
        out: list[Piece] = [(f"{rng.choice(f['name'])}: ", None), (self._me.full(), PERSON), ("\n", None),
                            (f"{rng.choice(f['email'])}: {self._me_email}\n", None)]
        if rng.random() < 0.6:
            out.append((f"{rng.choice(f['phone'])}: {self.values.phone()}\n", None))
        if rng.random() < 0.5:
            out += [(f"{rng.choice(f['address'])}: ", None), (self.values.address(multiline=False), ADDRESS),
                    ("\n", None)]
        if rng.random() < 0.4:
            out.append((f"{rng.choice(f['company'])}: {self._my_org}\n", None))
        out.append((f"{rng.choice(f['subject'])}: {rng.choice(t.SUBJECTS)}\n{rng.choice(f['message'])}: ", None))
        return out + self._body(t, rng.randint(1, 3))

    def message(self) -> list[Piece]:
        """One labelled message with noise."""
        rng = self.rng
        self._new_personas()
        t = TEMPLATES[self.lang if rng.random() < 0.8 else self.other]
        kind = rng.choices(["email", "chat", "webform", "body"], [55, 25, 8, 12])[0]
        if kind == "email":
            pieces = self.email(t)
        elif kind == "chat":
            pieces = self.chat(t)
        elif kind == "webform":
            pieces = self.webform(t)
        else:
            pieces = self._body(t, rng.randint(1, 3), 0.6)
        return noisy(pieces, rng, chat=kind == "chat")


# --- noise ------------------------------------------------------------------------------------------
_WORD = re.compile(r"[A-Za-zÀ-ÿ]{4,}")


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    op = rng.random()
    if op < 0.4:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if op < 0.7:
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def _typos(text: str, rng: random.Random, n: int) -> str:
    words = list(_WORD.finditer(text))
    for m in rng.sample(words, min(n, len(words))):
        text = text[: m.start()] + _typo(m.group(), rng) + text[m.end() :]  # same word count; offsets only shift here
    return text


def noisy(pieces: list[Piece], rng: random.Random, chat: bool = False) -> list[Piece]:
    """Casing of the whole message or of single values, typos outside values, odd spacing."""
    whole = rng.random()
    lower_all = whole < (0.45 if chat else 0.04)
    upper_all = not lower_all and whole > 0.985
    out: list[Piece] = []
    typo_budget = rng.choice([0, 0, 0, 1, 1, 2, 3])
    for text, label in pieces:
        if label is not None:
            r = rng.random()
            if r < 0.07:
                text = text.lower()
            elif r < 0.11:
                text = text.upper()
            elif label == PERSON and r < 0.13 and " " in text:  # "Jan DE VRIES"
                first, _, rest = text.partition(" ")
                text = f"{first} {rest.upper()}"
        elif typo_budget and len(text) > 20 and rng.random() < 0.5:
            text = _typos(text, rng, 1)
            typo_budget -= 1
        if lower_all:
            text = text.lower()
        elif upper_all:
            text = text.upper()
        if label is None and rng.random() < 0.02:
            text = text.replace(" ", "  ", 1)
        out.append((text, label))
    return out


def join(pieces: list[Piece]) -> tuple[str, list[tuple[int, int, str]]]:
    """The message text and its entity spans (start, end, label)."""
    text_parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    pos = 0
    for text, label in pieces:
        if label is not None and text.strip():
            lead = len(text) - len(text.lstrip())
            trail = len(text) - len(text.rstrip())
            spans.append((pos + lead, pos + len(text) - trail, label))
        text_parts.append(text)
        pos += len(text)
    return "".join(text_parts), spans
